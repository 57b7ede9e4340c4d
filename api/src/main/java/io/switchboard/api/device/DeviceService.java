package io.switchboard.api.device;

import io.switchboard.api.common.InScope;
import io.switchboard.api.common.SafeText;
import io.switchboard.api.error.ApiException;
import io.switchboard.api.security.Action;
import io.switchboard.api.security.Permissions;
import io.switchboard.api.security.Resource;
import io.switchboard.inventory.device.Device;
import io.switchboard.inventory.device.DeviceCredentials;
import io.switchboard.inventory.device.DeviceRepository;
import io.switchboard.inventory.scope.AccessScope;
import io.switchboard.inventory.scope.ScopedInventory;
import io.switchboard.inventory.site.Site;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The use cases of CPE devices: a device belongs to a tenant the caller sees, its site (if any) to
 * the same tenant, its model to the catalogue; serials are unique across the installation ({@link
 * SerialNumbers}). Credentials are write-only: set on create or update, stored encrypted, never
 * read back. Every device gets an activation secret for phone-home ({@link ActivationSecrets}).
 */
@Service
public class DeviceService {
  /** A page of the devices the caller may read, narrowed by {@code filter}. */
  @Transactional(readOnly = true)
  public Page<Device> list(AccessScope scope, Specification<Device> filter, Pageable pageable) {
    Permissions.require(scope, Action.READ, Resource.DEVICES);
    return inventory.devices().page(scope, filter, pageable);
  }

  /** The fields of {@link DeviceUpdate} that are never read back. */
  public static final Set<String> WRITE_ONLY = Set.of("credentials");

  /** Credentials for NETCONF and SSH; the password is never logged. */
  public record CredentialsRequest(
      @NotBlank @Size(max = 120) @SafeText String username,
      @NotBlank @Size(max = 200) String password) {
    @Override
    public String toString() {
      return "CredentialsRequest[username=" + username + ", password=****]";
    }

    DeviceCredentials toCredentials() {
      return new DeviceCredentials(username, password);
    }
  }

  /** The create body. */
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

  /**
   * The replace and patch body; {@code credentials} null means "keep the ones stored" (they are
   * write-only, so a client cannot send them back).
   */
  public record DeviceUpdate(
      @Size(max = 36) @SafeText String siteId,
      @NotBlank @Size(max = 36) @SafeText String modelId,
      @Size(max = 255) @SafeText String managementAddress,
      @Valid CredentialsRequest credentials) {
    static DeviceUpdate of(Device d) {
      return new DeviceUpdate(d.getSiteId(), d.getModelId(), d.getManagementAddress(), null);
    }
  }

  /** A new device and, when Switchboard generated it, its activation secret (shown once). */
  public record Created(Device device, String generatedSecret) {}

  private final ScopedInventory inventory;
  private final DeviceRepository devices;
  private final ActivationSecrets secrets;
  private final SerialNumbers serials;
  private final TransactionTemplate transactions;

  public DeviceService(
      ScopedInventory inventory,
      DeviceRepository devices,
      ActivationSecrets secrets,
      SerialNumbers serials,
      TransactionTemplate transactions) {
    this.inventory = inventory;
    this.devices = devices;
    this.secrets = secrets;
    this.serials = serials;
    this.transactions = transactions;
  }

  /** The device with {@code id} if the caller may read it; 404 otherwise. */
  @Transactional(readOnly = true)
  public Device get(AccessScope scope, String id) {
    Permissions.require(scope, Action.READ, Resource.DEVICES);
    return find(scope, id);
  }

  /**
   * Registers a device: tenant, site and model must be visible (422 naming the field), the serial
   * free ({@link SerialNumbers}); the activation secret is the caller's or a generated one, hashed
   * before the transaction opens ({@link ActivationSecrets#prepare}).
   */
  public Created create(AccessScope scope, DeviceRequest request) {
    Permissions.require(scope, Action.WRITE, Resource.DEVICES);
    ActivationSecrets.Prepared secret = secrets.prepare(request.activationSecret());
    return transactions.execute(status -> register(scope, request, secret));
  }

  private Created register(
      AccessScope scope, DeviceRequest request, ActivationSecrets.Prepared secret) {
    InScope.requireReference(inventory.tenants(), scope, "tenantId", "tenant", request.tenantId());
    requireSiteOfTenant(scope, request.siteId(), request.tenantId());
    requireModel(scope, request.modelId());
    serials.requireAvailable(scope, request.serialNumber(), "serialNumber");
    Device device = new Device(request.tenantId(), request.serialNumber(), request.modelId());
    device.setSiteId(request.siteId());
    device.setManagementAddress(request.managementAddress());
    if (request.credentials() != null) {
      device.setCredentials(request.credentials().toCredentials());
    }
    secret.applyTo(device);
    return new Created(devices.save(device), secret.generated());
  }

  /**
   * Updates a device with what {@code change} makes of its current state (a replacement or a merge
   * patch, where null credentials keep the stored ones); 404 out of scope, 422 for a site outside
   * the device's tenant or an unknown model.
   */
  @Transactional
  public Device update(AccessScope scope, String id, UnaryOperator<DeviceUpdate> change) {
    Permissions.require(scope, Action.WRITE, Resource.DEVICES);
    Device device = find(scope, id);
    DeviceUpdate request = change.apply(DeviceUpdate.of(device));
    requireSiteOfTenant(scope, request.siteId(), device.getTenantId());
    requireModel(scope, request.modelId());
    device.setSiteId(request.siteId());
    device.setModelId(request.modelId());
    device.setManagementAddress(request.managementAddress());
    if (request.credentials() != null) {
      device.setCredentials(request.credentials().toCredentials());
    }
    return devices.save(device);
  }

  /** Replaces the activation secret with a generated one and returns it (shown once). */
  public String renewActivationSecret(AccessScope scope, String id) {
    Permissions.require(scope, Action.WRITE, Resource.DEVICES);
    ActivationSecrets.Prepared secret = secrets.prepare(null);
    transactions.executeWithoutResult(
        status -> {
          Device device = find(scope, id);
          secret.applyTo(device);
          devices.save(device);
        });
    return secret.generated();
  }

  /** Deletes a device the caller sees. */
  @Transactional
  public void delete(AccessScope scope, String id) {
    Permissions.require(scope, Action.WRITE, Resource.DEVICES);
    devices.delete(find(scope, id));
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
    return InScope.findOr404(inventory.devices(), scope, "Device", id);
  }
}
