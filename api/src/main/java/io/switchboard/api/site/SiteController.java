package io.switchboard.api.site;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.switchboard.api.common.Filters;
import io.switchboard.api.common.PageResponse;
import io.switchboard.api.common.Paging;
import io.switchboard.api.common.RequestBodies;
import io.switchboard.api.security.CurrentScope;
import io.switchboard.api.site.SiteService.SiteRequest;
import io.switchboard.api.site.SiteService.SiteUpdate;
import io.switchboard.inventory.site.Site;
import io.switchboard.inventory.site.SiteType;
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

/** Sites of a tenant over HTTP; the rules live in {@link SiteService}. */
@RestController
@RequestMapping("/api/v1/sites")
@Tag(name = "Sites", description = "A tenant's branches, hubs and data centres")
public class SiteController {
  public record SiteView(
      String id,
      String tenantId,
      String name,
      SiteType type,
      String address,
      String targetSoftwareVersion,
      String lifecycleState,
      long version,
      Instant createdAt,
      Instant updatedAt) {
    static SiteView of(Site s) {
      return new SiteView(
          s.getId(),
          s.getTenantId(),
          s.getName(),
          s.getType(),
          s.getAddress(),
          s.getTargetSoftwareVersion(),
          s.getLifecycleState(),
          s.getLockVersion(),
          s.getCreatedAt(),
          s.getUpdatedAt());
    }
  }

  private final SiteService service;
  private final RequestBodies bodies;

  public SiteController(SiteService service, RequestBodies bodies) {
    this.service = service;
    this.bodies = bodies;
  }

  @GetMapping
  @Operation(
      summary = "List sites",
      description = "A page of the sites in the caller's scope, by tenant, type and name.")
  public PageResponse<SiteView> list(
      @RequestParam(required = false) String tenantId,
      @RequestParam(required = false) SiteType type,
      @RequestParam(required = false) String name,
      Pageable pageable) {
    return PageResponse.of(
        service.list(
            CurrentScope.get(),
            Filters.<Site>equal("tenantId", tenantId)
                .and(Filters.equal("type", type))
                .and(Filters.containsIgnoreCase("name", name)),
            Paging.of(pageable, Set.of("name", "type", "createdAt"), Sort.by("name"))),
        SiteView::of);
  }

  @GetMapping("/{id}")
  @Operation(
      summary = "Read a site",
      description = "404 when it does not exist or lies outside the caller's scope.")
  public SiteView get(@PathVariable String id) {
    return SiteView.of(service.get(CurrentScope.get(), id));
  }

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(
      summary = "Create a site",
      description = "In a tenant the caller sees (422 otherwise); the name is unique per tenant.")
  public SiteView create(@Valid @RequestBody SiteRequest request) {
    return SiteView.of(service.create(CurrentScope.get(), request));
  }

  @PutMapping("/{id}")
  @Operation(
      summary = "Replace a site",
      description =
          "Full replacement of name, type, address and targetSoftwareVersion: all must be present"
              + " (null clears address or targetSoftwareVersion); a missing or unknown field is 400"
              + " naming it.")
  public SiteView replace(
      @PathVariable String id,
      @Schema(implementation = SiteUpdate.class) @RequestBody JsonNode body) {
    return SiteView.of(
        service.update(
            CurrentScope.get(),
            id,
            current -> bodies.replacement(body, SiteUpdate.class, Set.of())));
  }

  @PatchMapping(
      value = "/{id}",
      consumes = {RequestBodies.MERGE_PATCH, MediaType.APPLICATION_JSON_VALUE})
  @Operation(
      summary = "Change a site",
      description =
          "JSON Merge Patch (RFC 7396): absent fields stay, null clears address or"
              + " targetSoftwareVersion; unknown fields are 400.")
  public SiteView patch(
      @PathVariable String id,
      @Schema(implementation = SiteUpdate.class) @RequestBody JsonNode patch) {
    return SiteView.of(
        service.update(
            CurrentScope.get(), id, current -> bodies.merge(current, patch, SiteUpdate.class)));
  }

  @DeleteMapping("/{id}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  @Operation(
      summary = "Delete a site",
      description =
          "Its WAN links, LAN segments and zones go with it; 409 naming what still uses it"
              + " (devices, overlays, firewall policies, VNF instances).")
  public void delete(@PathVariable String id) {
    service.delete(CurrentScope.get(), id);
  }
}
