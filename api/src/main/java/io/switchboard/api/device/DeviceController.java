package io.switchboard.api.device;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.switchboard.api.common.Filters;
import io.switchboard.api.common.PageResponse;
import io.switchboard.api.common.Paging;
import io.switchboard.api.common.RequestBodies;
import io.switchboard.api.device.DeviceService.DeviceRequest;
import io.switchboard.api.device.DeviceService.DeviceUpdate;
import io.switchboard.api.security.CurrentScope;
import io.switchboard.inventory.device.Device;
import io.switchboard.inventory.device.DeviceLifecycle;
import jakarta.validation.Valid;
import java.time.Instant;
import java.util.Set;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
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

/**
 * CPE devices over HTTP; the rules live in {@link DeviceService}. Credentials are write-only (the
 * view only says whether there are some); the activation secret appears only in the answer that
 * generated it, with {@code Cache-Control: no-store}.
 */
@RestController
@RequestMapping("/api/v1/devices")
@Tag(
    name = "Devices",
    description = "A tenant's CPE devices; credentials and activation secrets are never read back")
public class DeviceController {
  /**
   * The create answer: the device, plus the activation secret when Switchboard generated it. This
   * is the only answer that ever carries the secret; store it in the device's phone-home settings.
   */
  public record DeviceCreated(
      @JsonUnwrapped DeviceView device,
      @JsonInclude(JsonInclude.Include.NON_NULL) String activationSecret) {}

  /** A new activation secret, shown once. */
  public record ActivationSecret(String activationSecret) {}

  public record DeviceView(
      String id,
      String tenantId,
      String siteId,
      String serialNumber,
      String modelId,
      String managementAddress,
      boolean hasCredentials,
      boolean hasActivationSecret,
      Integer netconfPort,
      String softwareVersion,
      DeviceLifecycle lifecycleState,
      String sshHostKeyFingerprint,
      long version,
      Instant createdAt,
      Instant updatedAt) {
    static DeviceView of(Device d) {
      return new DeviceView(
          d.getId(),
          d.getTenantId(),
          d.getSiteId(),
          d.getSerialNumber(),
          d.getModelId(),
          d.getManagementAddress(),
          d.hasCredentials(),
          d.getActivationSecretHash() != null,
          d.getNetconfPort(),
          d.getSoftwareVersion(),
          d.getLifecycleState(),
          d.getSshHostKeyFingerprint(),
          d.getLockVersion(),
          d.getCreatedAt(),
          d.getUpdatedAt());
    }
  }

  private final DeviceService service;
  private final RequestBodies bodies;

  public DeviceController(DeviceService service, RequestBodies bodies) {
    this.service = service;
    this.bodies = bodies;
  }

  @GetMapping
  @Operation(
      summary = "List devices",
      description =
          "A page of the devices in the caller's scope, by tenant, site, lifecycle state and"
              + " serial number (contains, ignoring case).")
  public PageResponse<DeviceView> list(
      @RequestParam(required = false) String tenantId,
      @RequestParam(required = false) String siteId,
      @RequestParam(required = false) DeviceLifecycle state,
      @RequestParam(required = false) String serialNumber,
      Pageable pageable) {
    return PageResponse.of(
        service.list(
            CurrentScope.get(),
            Filters.<Device>equal("tenantId", tenantId)
                .and(Filters.equal("siteId", siteId))
                .and(Filters.equal("lifecycleState", state))
                .and(Filters.containsIgnoreCase("serialNumber", serialNumber)),
            Paging.of(
                pageable,
                Set.of("serialNumber", "lifecycleState", "createdAt"),
                Sort.by("serialNumber"))),
        DeviceView::of);
  }

  @GetMapping("/{id}")
  @Operation(
      summary = "Read a device",
      description = "404 when it does not exist or lies outside the caller's scope.")
  public DeviceView get(@PathVariable String id) {
    return DeviceView.of(service.get(CurrentScope.get(), id));
  }

  @PostMapping
  @Operation(
      summary = "Register a device",
      description =
          "In a tenant (and optionally a site of it) the caller sees; serial numbers are unique"
              + " across the installation. Without an activationSecret, one is generated and"
              + " returned once in this answer.")
  public ResponseEntity<DeviceCreated> create(@Valid @RequestBody DeviceRequest request) {
    DeviceService.Created created = service.create(CurrentScope.get(), request);
    return ResponseEntity.status(HttpStatus.CREATED)
        .cacheControl(CacheControl.noStore())
        .body(new DeviceCreated(DeviceView.of(created.device()), created.generatedSecret()));
  }

  /**
   * Replaces the device's activation secret with a new generated one and returns it, once: for a
   * device whose secret is lost, or that was registered before every device had one.
   */
  @PostMapping("/{id}/activation-secret")
  @Operation(
      summary = "Renew a device's activation secret",
      description =
          "Generates a new phone-home activation secret, returns it once (no-store) and makes the"
              + " old one invalid.")
  public ResponseEntity<ActivationSecret> newActivationSecret(@PathVariable String id) {
    return ResponseEntity.ok()
        .cacheControl(CacheControl.noStore())
        .body(new ActivationSecret(service.renewActivationSecret(CurrentScope.get(), id)));
  }

  @PutMapping("/{id}")
  @Operation(
      summary = "Replace a device",
      description =
          "Full replacement of siteId, modelId and managementAddress: all must be present (null"
              + " clears siteId or managementAddress); a missing or unknown field is 400 naming it."
              + " credentials are write-only: leave them out to keep them.")
  public DeviceView replace(
      @PathVariable String id,
      @Schema(implementation = DeviceUpdate.class) @RequestBody JsonNode body) {
    return DeviceView.of(
        service.update(
            CurrentScope.get(),
            id,
            current -> bodies.replacement(body, DeviceUpdate.class, DeviceService.WRITE_ONLY)));
  }

  @PatchMapping(
      value = "/{id}",
      consumes = {RequestBodies.MERGE_PATCH, MediaType.APPLICATION_JSON_VALUE})
  @Operation(
      summary = "Change a device",
      description =
          "JSON Merge Patch (RFC 7396) of siteId, modelId, managementAddress and credentials:"
              + " absent fields stay, null clears siteId or managementAddress; credentials are"
              + " replaced as a whole and cannot be cleared; unknown fields are 400.")
  public DeviceView patch(
      @PathVariable String id,
      @Schema(implementation = DeviceUpdate.class) @RequestBody JsonNode patch) {
    return DeviceView.of(
        service.update(
            CurrentScope.get(),
            id,
            current -> bodies.merge(current, patch, DeviceUpdate.class, DeviceService.WRITE_ONLY)));
  }

  @DeleteMapping("/{id}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  @Operation(summary = "Delete a device", description = "Removes a device the caller sees.")
  public void delete(@PathVariable String id) {
    service.delete(CurrentScope.get(), id);
  }
}
