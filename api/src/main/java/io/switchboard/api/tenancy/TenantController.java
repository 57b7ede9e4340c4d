package io.switchboard.api.tenancy;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.switchboard.api.common.Filters;
import io.switchboard.api.common.PageResponse;
import io.switchboard.api.common.Paging;
import io.switchboard.api.common.RequestBodies;
import io.switchboard.api.security.CurrentScope;
import io.switchboard.api.tenancy.TenantService.TenantRequest;
import io.switchboard.api.tenancy.TenantService.TenantUpdate;
import io.switchboard.inventory.tenancy.Tenant;
import jakarta.validation.Valid;
import java.time.Instant;
import java.util.Set;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Tenants (customers) over HTTP; the rules live in {@link TenantService}. */
@RestController
@RequestMapping("/api/v1/tenants")
@Tag(
    name = "Tenants",
    description = "Customers, under an operating company or directly under the provider")
public class TenantController {
  public record TenantView(
      String id,
      String opcoId,
      String name,
      String description,
      long version,
      Instant createdAt,
      Instant updatedAt) {
    static TenantView of(Tenant t) {
      return new TenantView(
          t.getId(),
          t.getOpcoId(),
          t.getName(),
          t.getDescription(),
          t.getLockVersion(),
          t.getCreatedAt(),
          t.getUpdatedAt());
    }
  }

  private final TenantService service;
  private final RequestBodies bodies;

  public TenantController(TenantService service, RequestBodies bodies) {
    this.service = service;
    this.bodies = bodies;
  }

  @GetMapping
  @Operation(
      summary = "List tenants",
      description = "A page of the tenants in the caller's scope, by operating company and name.")
  public PageResponse<TenantView> list(
      @RequestParam(required = false) String opcoId,
      @RequestParam(required = false) String name,
      Pageable pageable) {
    return PageResponse.of(
        service.list(
            CurrentScope.get(),
            Filters.<Tenant>equal("opcoId", opcoId).and(Filters.containsIgnoreCase("name", name)),
            Paging.of(pageable, Set.of("name", "createdAt"), Sort.by("name"))),
        TenantView::of);
  }

  @GetMapping("/{id}")
  @Operation(
      summary = "Read a tenant",
      description = "404 when it does not exist or lies outside the caller's scope.")
  public TenantView get(@PathVariable String id) {
    return TenantView.of(service.get(CurrentScope.get(), id));
  }

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(
      summary = "Create a tenant",
      description =
          "Under the given operating company (an OpCo admin's always under its own); the name is"
              + " unique in that operating company (409).")
  public TenantView create(@Valid @RequestBody TenantRequest request) {
    return TenantView.of(service.create(CurrentScope.get(), request));
  }

  @PutMapping("/{id}")
  @Operation(
      summary = "Replace a tenant",
      description =
          "Full replacement of name and description: both must be present (null clears"
              + " description); a missing or unknown field is 400 naming it.")
  public TenantView replace(
      @PathVariable String id,
      @Schema(implementation = TenantUpdate.class) @RequestBody JsonNode body) {
    return TenantView.of(
        service.update(
            CurrentScope.get(),
            id,
            current -> bodies.replacement(body, TenantUpdate.class, Set.of())));
  }

  @PatchMapping(
      value = "/{id}",
      consumes = {RequestBodies.MERGE_PATCH, MediaType.APPLICATION_JSON_VALUE})
  @Operation(
      summary = "Change a tenant",
      description =
          "JSON Merge Patch (RFC 7396) of name and description: absent fields stay, null clears"
              + " description; unknown fields are 400.")
  public TenantView patch(
      @PathVariable String id,
      @Schema(implementation = TenantUpdate.class) @RequestBody JsonNode patch) {
    return TenantView.of(
        service.update(
            CurrentScope.get(), id, current -> bodies.merge(current, patch, TenantUpdate.class)));
  }

  @DeleteMapping("/{id}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  @Operation(summary = "Delete a tenant", description = "409 while it still has sites or devices.")
  public void delete(@PathVariable String id) {
    service.delete(CurrentScope.get(), id);
  }
}
