package io.switchboard.api.device;

import io.switchboard.api.common.InScope;
import io.switchboard.api.common.SafeText;
import io.switchboard.api.security.Action;
import io.switchboard.api.security.Permissions;
import io.switchboard.api.security.Resource;
import io.switchboard.inventory.device.DeviceModel;
import io.switchboard.inventory.device.DeviceModelRepository;
import io.switchboard.inventory.device.DeviceRepository;
import io.switchboard.inventory.scope.AccessScope;
import io.switchboard.inventory.scope.ScopedInventory;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.function.UnaryOperator;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The use cases of the provider's catalogue of CPE models: names unique in the catalogue (which
 * everyone sees, so a clash is a plain 409), and a model that devices use stays.
 */
@Service
public class DeviceModelService {
  /** A page of the device models the caller may read, narrowed by {@code filter}. */
  @Transactional(readOnly = true)
  public Page<DeviceModel> list(
      AccessScope scope, Specification<DeviceModel> filter, Pageable pageable) {
    Permissions.require(scope, Action.READ, Resource.DEVICE_MODELS);
    return inventory.deviceModels().page(scope, filter, pageable);
  }

  /** The create, replace and patch body. */
  public record DeviceModelRequest(
      @NotBlank @Size(max = 80) @SafeText String name,
      @NotBlank @Size(max = 80) @SafeText String vendor,
      @NotBlank @Size(max = 80) @SafeText String family) {
    static DeviceModelRequest of(DeviceModel m) {
      return new DeviceModelRequest(m.getName(), m.getVendor(), m.getFamily());
    }
  }

  private final ScopedInventory inventory;
  private final DeviceModelRepository models;
  private final DeviceRepository devices;

  public DeviceModelService(
      ScopedInventory inventory, DeviceModelRepository models, DeviceRepository devices) {
    this.inventory = inventory;
    this.models = models;
    this.devices = devices;
  }

  /** The model with {@code id} if the caller may read it; 404 otherwise. */
  @Transactional(readOnly = true)
  public DeviceModel get(AccessScope scope, String id) {
    Permissions.require(scope, Action.READ, Resource.DEVICE_MODELS);
    return find(scope, id);
  }

  /** Adds a model to the catalogue; 409 when the name is taken. */
  @Transactional
  public DeviceModel create(AccessScope scope, DeviceModelRequest request) {
    Permissions.require(scope, Action.WRITE, Resource.DEVICE_MODELS);
    requireFreeName(null, request.name());
    return models.save(new DeviceModel(request.name(), request.vendor(), request.family()));
  }

  /**
   * Updates a model with what {@code change} makes of its current state (a replacement or a merge
   * patch); 404 unknown, 409 when the new name is taken.
   */
  @Transactional
  public DeviceModel update(
      AccessScope scope, String id, UnaryOperator<DeviceModelRequest> change) {
    Permissions.require(scope, Action.WRITE, Resource.DEVICE_MODELS);
    DeviceModel model = find(scope, id);
    DeviceModelRequest request = change.apply(DeviceModelRequest.of(model));
    requireFreeName(model.getName(), request.name());
    model.setName(request.name());
    model.setVendor(request.vendor());
    model.setFamily(request.family());
    return models.save(model);
  }

  /** Removes a model that no device uses (409 while some do). */
  @Transactional
  public void delete(AccessScope scope, String id) {
    Permissions.require(scope, Action.WRITE, Resource.DEVICE_MODELS);
    DeviceModel model = find(scope, id);
    InScope.requireNoDependants(
        devices.countByModelId(id), "device model '" + id + "' is used by devices");
    models.delete(model);
  }

  private void requireFreeName(String current, String name) {
    InScope.requireUnique(
        current,
        name,
        models::existsByName,
        "name",
        "a device model named '" + name + "' exists already");
  }

  private DeviceModel find(AccessScope scope, String id) {
    return InScope.findOr404(inventory.deviceModels(), scope, "Device model", id);
  }
}
