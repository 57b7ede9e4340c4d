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
import io.switchboard.api.tenancy.OpcoService.OpcoRequest;
import io.switchboard.inventory.tenancy.OperatingCompany;
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

/** Operating companies (resellers) over HTTP; the rules live in {@link OpcoService}. */
@RestController
@RequestMapping("/api/v1/opcos")
@Tag(
    name = "Operating companies",
    description = "Resellers between the provider and its tenants; only the provider writes them")
public class OpcoController {
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

  private final OpcoService service;
  private final RequestBodies bodies;

  public OpcoController(OpcoService service, RequestBodies bodies) {
    this.service = service;
    this.bodies = bodies;
  }

  @GetMapping
  @Operation(
      summary = "List operating companies",
      description = "A page of the operating companies the caller sees, filtered by name.")
  public PageResponse<OpcoView> list(
      @RequestParam(required = false) String name, Pageable pageable) {
    return PageResponse.of(
        service.list(
            CurrentScope.get(),
            Filters.containsIgnoreCase("name", name),
            Paging.of(pageable, Set.of("name", "createdAt"), Sort.by("name"))),
        OpcoView::of);
  }

  @GetMapping("/{id}")
  @Operation(
      summary = "Read an operating company",
      description = "404 when it does not exist or lies outside the caller's scope.")
  public OpcoView get(@PathVariable String id) {
    return OpcoView.of(service.get(CurrentScope.get(), id));
  }

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(
      summary = "Create an operating company",
      description = "Provider only; the name is unique across the installation (409).")
  public OpcoView create(@Valid @RequestBody OpcoRequest request) {
    return OpcoView.of(service.create(CurrentScope.get(), request));
  }

  @PutMapping("/{id}")
  @Operation(
      summary = "Replace an operating company",
      description =
          "Full replacement: every field must be present (null clears description); a missing or"
              + " unknown field is 400 naming it.")
  public OpcoView replace(
      @PathVariable String id,
      @Schema(implementation = OpcoRequest.class) @RequestBody JsonNode body) {
    return OpcoView.of(
        service.update(
            CurrentScope.get(),
            id,
            current -> bodies.replacement(body, OpcoRequest.class, Set.of())));
  }

  @PatchMapping(
      value = "/{id}",
      consumes = {RequestBodies.MERGE_PATCH, MediaType.APPLICATION_JSON_VALUE})
  @Operation(
      summary = "Change an operating company",
      description =
          "JSON Merge Patch (RFC 7396): absent fields stay, null clears description; unknown"
              + " fields are 400.")
  public OpcoView patch(
      @PathVariable String id,
      @Schema(implementation = OpcoRequest.class) @RequestBody JsonNode patch) {
    return OpcoView.of(
        service.update(
            CurrentScope.get(), id, current -> bodies.merge(current, patch, OpcoRequest.class)));
  }

  @DeleteMapping("/{id}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  @Operation(
      summary = "Delete an operating company",
      description = "409 while it still has tenants.")
  public void delete(@PathVariable String id) {
    service.delete(CurrentScope.get(), id);
  }
}
