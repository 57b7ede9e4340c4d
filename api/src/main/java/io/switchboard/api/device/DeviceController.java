package io.switchboard.api.device;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.switchboard.api.common.Filters;
import io.switchboard.api.common.PageResponse;
import io.switchboard.api.common.Paging;
import io.switchboard.api.common.SafeText;
import io.switchboard.api.error.ApiException;
import io.switchboard.api.security.Action;
import io.switchboard.api.security.CurrentScope;
import io.switchboard.api.security.Resource;
import io.switchboard.inventory.device.Device;
import io.switchboard.inventory.device.DeviceCredentials;
import io.switchboard.inventory.device.DeviceLifecycle;
import io.switchboard.inventory.device.DeviceRepository;
import io.switchboard.inventory.scope.AccessScope;
import io.switchboard.inventory.scope.ScopedInventory;
import io.switchboard.inventory.site.Site;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.Set;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
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

/**
 * CPE devices. Credentials are write-only: accepted on create and update, stored encrypted, never
 * returned (the view only says whether there are some). Every device has an activation secret for
 * phone-home: given by the caller, or generated and returned once in the create answer.
 */
@RestController
@RequestMapping("/api/v1/devices")
public class DeviceController {
  public record CredentialsRequest(
      @NotBlank @Size(max = 120) @SafeText String username,
      @NotBlank @Size(max = 200) String password) {
    @Override
    public String toString() {
      return "CredentialsRequest[username=" + username + ", password=****]";
    }
  }

  public record DeviceRequest(
      @NotBlank @Size(max = 36) @SafeText String tenantId,
      @Size(max = 36) @SafeText String siteId,
      @NotBlank
          @Pattern(
              regexp = "[A-Za-z0-9._-]{3,80}",
              message = "must be 3-80 letters, digits, '.', '_' or '-'")
          String serialNumber,
      @NotBlank @Size(max = 36) @SafeText String modelId,
      @Size(max = 255) @SafeText String managementAddress,
      @Valid CredentialsRequest credentials,
      @Size(min = 8, max = 200, message = "must be 8-200 characters") String activationSecret) {
    @Override
    public String toString() {
      return "DeviceRequest[serialNumber=" + serialNumber + ", tenantId=" + tenantId + "]";
    }
  }

  public record DeviceUpdate(
      @Size(max = 36) @SafeText String siteId,
      @NotBlank @Size(max = 36) @SafeText String modelId,
      @Size(max = 255) @SafeText String managementAddress,
      @Valid CredentialsRequest credentials) {}

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

  private final ScopedInventory inventory;
  private final DeviceRepository devices;
  private final ActivationSecrets secrets;
  private final SerialNumbers serials;

  public DeviceController(
      ScopedInventory inventory,
      DeviceRepository devices,
      ActivationSecrets secrets,
      SerialNumbers serials) {
    this.inventory = inventory;
    this.devices = devices;
    this.secrets = secrets;
    this.serials = serials;
  }

  @GetMapping
  public PageResponse<DeviceView> list(
      @RequestParam(required = false) String tenantId,
      @RequestParam(required = false) String siteId,
      @RequestParam(required = false) DeviceLifecycle state,
      @RequestParam(required = false) String serialNumber,
      Pageable pageable) {
    AccessScope scope = CurrentScope.require(Action.READ, Resource.DEVICES);
    return PageResponse.of(
        inventory
            .devices()
            .page(
                scope,
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
  public DeviceView get(@PathVariable String id) {
    return DeviceView.of(find(CurrentScope.require(Action.READ, Resource.DEVICES), id));
  }

  @PostMapping
  @Transactional
  public ResponseEntity<DeviceCreated> create(@Valid @RequestBody DeviceRequest request) {
    AccessScope scope = CurrentScope.require(Action.WRITE, Resource.DEVICES);
    if (!inventory.tenants().isVisible(scope, request.tenantId())) {
      throw ApiException.unprocessable("tenantId", "tenant '" + request.tenantId() + "' not found");
    }
    requireSiteOfTenant(scope, request.siteId(), request.tenantId());
    requireModel(scope, request.modelId());
    serials.requireAvailable(scope, request.serialNumber(), "serialNumber");
    Device device = new Device(request.tenantId(), request.serialNumber(), request.modelId());
    device.setSiteId(request.siteId());
    device.setManagementAddress(request.managementAddress());
    if (request.credentials() != null) {
      device.setCredentials(
          new DeviceCredentials(
              request.credentials().username(), request.credentials().password()));
    }
    String generated = secrets.assign(device, request.activationSecret());
    DeviceCreated created = new DeviceCreated(DeviceView.of(devices.save(device)), generated);
    return ResponseEntity.status(HttpStatus.CREATED)
        .cacheControl(CacheControl.noStore())
        .body(created);
  }

  /**
   * Replaces the device's activation secret with a new generated one and returns it, once: for a
   * device whose secret is lost, or that was registered before every device had one.
   */
  @PostMapping("/{id}/activation-secret")
  @Transactional
  public ResponseEntity<ActivationSecret> newActivationSecret(@PathVariable String id) {
    Device device = find(CurrentScope.require(Action.WRITE, Resource.DEVICES), id);
    String secret = secrets.assign(device, null);
    devices.save(device);
    return ResponseEntity.ok()
        .cacheControl(CacheControl.noStore())
        .body(new ActivationSecret(secret));
  }

  @PutMapping("/{id}")
  @Transactional
  public DeviceView update(@PathVariable String id, @Valid @RequestBody DeviceUpdate request) {
    AccessScope scope = CurrentScope.require(Action.WRITE, Resource.DEVICES);
    Device device = find(scope, id);
    requireSiteOfTenant(scope, request.siteId(), device.getTenantId());
    requireModel(scope, request.modelId());
    device.setSiteId(request.siteId());
    device.setModelId(request.modelId());
    device.setManagementAddress(request.managementAddress());
    if (request.credentials() != null) {
      device.setCredentials(
          new DeviceCredentials(
              request.credentials().username(), request.credentials().password()));
    }
    return DeviceView.of(devices.save(device));
  }

  @DeleteMapping("/{id}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  @Transactional
  public void delete(@PathVariable String id) {
    devices.delete(find(CurrentScope.require(Action.WRITE, Resource.DEVICES), id));
  }

  private void requireSiteOfTenant(AccessScope scope, String siteId, String tenantId) {
    if (siteId == null) {
      return;
    }
    Site site = inventory.sites().find(scope, siteId).orElse(null);
    if (site == null || !site.getTenantId().equals(tenantId)) {
      throw ApiException.unprocessable(
          "siteId", "site '" + siteId + "' not found in tenant '" + tenantId + "'");
    }
  }

  private void requireModel(AccessScope scope, String modelId) {
    if (!inventory.deviceModels().isVisible(scope, modelId)) {
      throw ApiException.unprocessable("modelId", "device model '" + modelId + "' not found");
    }
  }

  private Device find(AccessScope scope, String id) {
    return inventory
        .devices()
        .find(scope, id)
        .orElseThrow(() -> ApiException.notFound("Device", id));
  }
}
