package io.switchboard.api.tenancy;

import io.switchboard.api.common.Filters;
import io.switchboard.api.common.PageResponse;
import io.switchboard.api.common.Paging;
import io.switchboard.api.common.SafeText;
import io.switchboard.api.error.ApiException;
import io.switchboard.api.security.Action;
import io.switchboard.api.security.CurrentScope;
import io.switchboard.api.security.Resource;
import io.switchboard.inventory.scope.AccessScope;
import io.switchboard.inventory.scope.ScopedInventory;
import io.switchboard.inventory.tenancy.OperatingCompany;
import io.switchboard.inventory.tenancy.OperatingCompanyRepository;
import io.switchboard.inventory.tenancy.TenantRepository;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.Set;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Operating companies (resellers). Only the provider creates them. */
@RestController
@RequestMapping("/api/v1/opcos")
public class OpcoController {
  public record OpcoRequest(
      @NotBlank @Size(max = 120) @SafeText String name,
      @Size(max = 500) @SafeText(multiline = true) String description) {}

  public record OpcoView(
      String id,
      String name,
      String description,
      long version,
      Instant createdAt,
      Instant updatedAt) {
    static OpcoView of(OperatingCompany o) {
      return new OpcoView(
          o.getId(),
          o.getName(),
          o.getDescription(),
          o.getLockVersion(),
          o.getCreatedAt(),
          o.getUpdatedAt());
    }
  }

  private final ScopedInventory inventory;
  private final OperatingCompanyRepository opcos;
  private final TenantRepository tenants;

  public OpcoController(
      ScopedInventory inventory, OperatingCompanyRepository opcos, TenantRepository tenants) {
    this.inventory = inventory;
    this.opcos = opcos;
    this.tenants = tenants;
  }

  @GetMapping
  public PageResponse<OpcoView> list(
      @RequestParam(required = false) String name, Pageable pageable) {
    AccessScope scope = CurrentScope.require(Action.READ, Resource.OPCOS);
    return PageResponse.of(
        inventory
            .opcos()
            .page(
                scope,
                Filters.containsIgnoreCase("name", name),
                Paging.of(pageable, Set.of("name", "createdAt"), Sort.by("name"))),
        OpcoView::of);
  }

  @GetMapping("/{id}")
  public OpcoView get(@PathVariable String id) {
    return OpcoView.of(find(CurrentScope.require(Action.READ, Resource.OPCOS), id));
  }

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  @Transactional
  public OpcoView create(@Valid @RequestBody OpcoRequest request) {
    CurrentScope.require(Action.WRITE, Resource.OPCOS);
    if (opcos.existsByName(request.name())) {
      throw ApiException.conflict(
          "name", "an operating company named '" + request.name() + "' exists already");
    }
    return OpcoView.of(opcos.save(new OperatingCompany(request.name(), request.description())));
  }

  @PutMapping("/{id}")
  @Transactional
  public OpcoView update(@PathVariable String id, @Valid @RequestBody OpcoRequest request) {
    OperatingCompany opco = find(CurrentScope.require(Action.WRITE, Resource.OPCOS), id);
    if (!opco.getName().equals(request.name()) && opcos.existsByName(request.name())) {
      throw ApiException.conflict(
          "name", "an operating company named '" + request.name() + "' exists already");
    }
    opco.setName(request.name());
    opco.setDescription(request.description());
    return OpcoView.of(opcos.save(opco));
  }

  @DeleteMapping("/{id}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  @Transactional
  public void delete(@PathVariable String id) {
    OperatingCompany opco = find(CurrentScope.require(Action.WRITE, Resource.OPCOS), id);
    if (tenants.countByOpcoId(opco.getId()) > 0) {
      throw ApiException.conflict(null, "operating company '" + id + "' still has tenants");
    }
    opcos.delete(opco);
  }

  private OperatingCompany find(AccessScope scope, String id) {
    return inventory
        .opcos()
        .find(scope, id)
        .orElseThrow(() -> ApiException.notFound("Operating company", id));
  }
}
