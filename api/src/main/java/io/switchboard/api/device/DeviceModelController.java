package io.switchboard.api.device;

import io.switchboard.api.common.Filters;
import io.switchboard.api.common.PageResponse;
import io.switchboard.api.common.Paging;
import io.switchboard.api.common.SafeText;
import io.switchboard.api.error.ApiException;
import io.switchboard.api.security.Action;
import io.switchboard.api.security.CurrentScope;
import io.switchboard.api.security.Resource;
import io.switchboard.inventory.device.DeviceModel;
import io.switchboard.inventory.device.DeviceModelRepository;
import io.switchboard.inventory.device.DeviceRepository;
import io.switchboard.inventory.scope.AccessScope;
import io.switchboard.inventory.scope.ScopedInventory;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
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

/** The provider's catalogue of CPE models. */
@RestController
@RequestMapping("/api/v1/device-models")
public class DeviceModelController {
  public record DeviceModelRequest(
      @NotBlank @Size(max = 80) @SafeText String name,
      @NotBlank @Size(max = 80) @SafeText String vendor,
      @NotBlank @Size(max = 80) @SafeText String family) {}

  public record DeviceModelView(
      String id, String name, String vendor, String family, long version) {
    static DeviceModelView of(DeviceModel m) {
      return new DeviceModelView(
          m.getId(), m.getName(), m.getVendor(), m.getFamily(), m.getLockVersion());
    }
  }

  private final ScopedInventory inventory;
  private final DeviceModelRepository models;
  private final DeviceRepository devices;

  public DeviceModelController(
      ScopedInventory inventory, DeviceModelRepository models, DeviceRepository devices) {
    this.inventory = inventory;
    this.models = models;
    this.devices = devices;
  }

  @GetMapping
  public PageResponse<DeviceModelView> list(
      @RequestParam(required = false) String family,
      @RequestParam(required = false) String vendor,
      Pageable pageable) {
    AccessScope scope = CurrentScope.require(Action.READ, Resource.DEVICE_MODELS);
    return PageResponse.of(
        inventory
            .deviceModels()
            .page(
                scope,
                Filters.<DeviceModel>equal("family", family).and(Filters.equal("vendor", vendor)),
                Paging.of(pageable, Set.of("name", "vendor", "family"), Sort.by("name"))),
        DeviceModelView::of);
  }

  @GetMapping("/{id}")
  public DeviceModelView get(@PathVariable String id) {
    return DeviceModelView.of(find(CurrentScope.require(Action.READ, Resource.DEVICE_MODELS), id));
  }

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  @Transactional
  public DeviceModelView create(@Valid @RequestBody DeviceModelRequest request) {
    CurrentScope.require(Action.WRITE, Resource.DEVICE_MODELS);
    if (models.existsByName(request.name())) {
      throw ApiException.conflict(
          "name", "a device model named '" + request.name() + "' exists already");
    }
    return DeviceModelView.of(
        models.save(new DeviceModel(request.name(), request.vendor(), request.family())));
  }

  @PutMapping("/{id}")
  @Transactional
  public DeviceModelView update(
      @PathVariable String id, @Valid @RequestBody DeviceModelRequest request) {
    DeviceModel model = find(CurrentScope.require(Action.WRITE, Resource.DEVICE_MODELS), id);
    if (!model.getName().equals(request.name()) && models.existsByName(request.name())) {
      throw ApiException.conflict(
          "name", "a device model named '" + request.name() + "' exists already");
    }
    model.setName(request.name());
    model.setVendor(request.vendor());
    model.setFamily(request.family());
    return DeviceModelView.of(models.save(model));
  }

  @DeleteMapping("/{id}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  @Transactional
  public void delete(@PathVariable String id) {
    DeviceModel model = find(CurrentScope.require(Action.WRITE, Resource.DEVICE_MODELS), id);
    if (devices.countByModelId(id) > 0) {
      throw ApiException.conflict(null, "device model '" + id + "' is used by devices");
    }
    models.delete(model);
  }

  private DeviceModel find(AccessScope scope, String id) {
    return inventory
        .deviceModels()
        .find(scope, id)
        .orElseThrow(() -> ApiException.notFound("Device model", id));
  }
}
