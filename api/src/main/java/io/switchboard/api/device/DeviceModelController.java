package io.switchboard.api.device;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.switchboard.api.common.Filters;
import io.switchboard.api.common.PageResponse;
import io.switchboard.api.common.Paging;
import io.switchboard.api.common.RequestBodies;
import io.switchboard.api.device.DeviceModelService.DeviceModelRequest;
import io.switchboard.api.security.CurrentScope;
import io.switchboard.inventory.device.DeviceModel;
import jakarta.validation.Valid;
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

/**
 * The provider's catalogue of CPE models over HTTP; the rules live in {@link DeviceModelService}.
 */
@RestController
@RequestMapping("/api/v1/device-models")
@Tag(name = "Device models", description = "The provider's catalogue of CPE models")
public class DeviceModelController {
  public record DeviceModelView(
      String id, String name, String vendor, String family, long version) {
    static DeviceModelView of(DeviceModel m) {
      return new DeviceModelView(
          m.getId(), m.getName(), m.getVendor(), m.getFamily(), m.getLockVersion());
    }
  }

  private final DeviceModelService service;
  private final RequestBodies bodies;

  public DeviceModelController(DeviceModelService service, RequestBodies bodies) {
    this.service = service;
    this.bodies = bodies;
  }

  @GetMapping
  @Operation(
      summary = "List device models",
      description = "A page of the catalogue's models, by family and vendor.")
  public PageResponse<DeviceModelView> list(
      @RequestParam(required = false) String family,
      @RequestParam(required = false) String vendor,
      Pageable pageable) {
    return PageResponse.of(
        service.list(
            CurrentScope.get(),
            Filters.<DeviceModel>equal("family", family).and(Filters.equal("vendor", vendor)),
            Paging.of(pageable, Set.of("name", "vendor", "family"), Sort.by("name"))),
        DeviceModelView::of);
  }

  @GetMapping("/{id}")
  @Operation(summary = "Read a device model", description = "404 when it does not exist.")
  public DeviceModelView get(@PathVariable String id) {
    return DeviceModelView.of(service.get(CurrentScope.get(), id));
  }

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(
      summary = "Add a device model",
      description = "Provider only; the name is unique in the catalogue (409).")
  public DeviceModelView create(@Valid @RequestBody DeviceModelRequest request) {
    return DeviceModelView.of(service.create(CurrentScope.get(), request));
  }

  @PutMapping("/{id}")
  @Operation(
      summary = "Replace a device model",
      description =
          "Full replacement of name, vendor and family, all required; a missing or unknown field"
              + " is 400 naming it.")
  public DeviceModelView replace(
      @PathVariable String id,
      @Schema(implementation = DeviceModelRequest.class) @RequestBody JsonNode body) {
    return DeviceModelView.of(
        service.update(
            CurrentScope.get(),
            id,
            current -> bodies.replacement(body, DeviceModelRequest.class, Set.of())));
  }

  @PatchMapping(
      value = "/{id}",
      consumes = {RequestBodies.MERGE_PATCH, MediaType.APPLICATION_JSON_VALUE})
  @Operation(
      summary = "Change a device model",
      description =
          "JSON Merge Patch (RFC 7396): absent fields stay; every field is required, so null is"
              + " 400; unknown fields are 400.")
  public DeviceModelView patch(
      @PathVariable String id,
      @Schema(implementation = DeviceModelRequest.class) @RequestBody JsonNode patch) {
    return DeviceModelView.of(
        service.update(
            CurrentScope.get(),
            id,
            current -> bodies.merge(current, patch, DeviceModelRequest.class)));
  }

  @DeleteMapping("/{id}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  @Operation(summary = "Remove a device model", description = "409 while devices use it.")
  public void delete(@PathVariable String id) {
    service.delete(CurrentScope.get(), id);
  }
}
