package io.switchboard.api.vnf;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.switchboard.api.common.Filters;
import io.switchboard.api.common.PageResponse;
import io.switchboard.api.common.Paging;
import io.switchboard.api.security.CurrentScope;
import io.switchboard.inventory.vnf.VnfInstance;
import io.switchboard.inventory.vnf.VnfInstanceState;
import io.switchboard.inventory.vnf.VnfLcmOpOcc;
import java.net.URI;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** VNF instances on uCPE devices (SOL003-shaped); the rules live in {@link VnfInstanceService}. */
@RestController
@RequestMapping("/api/v1/vnf-instances")
@Tag(
    name = "VNF instances",
    description =
        "A tenant's VNFs on its uCPE devices; instantiate and terminate run as lifecycle"
            + " operation occurrences")
public class VnfInstanceController {
  /** The host resources an instance holds while instantiated. */
  public record Resources(int vcpus, int memoryMib, int hugepagesMib) {}

  public record VnfInstanceView(
      String id,
      String tenantId,
      String siteId,
      String deviceId,
      String packageId,
      String flavourId,
      String name,
      int wanVlan,
      VnfInstanceState instantiationState,
      Resources reservedResources,
      Map<String, String> additionalParams,
      Instant createdAt) {
    /** How a secret parameter's value shows: that it has one, never what it is. */
    static final String HIDDEN = "<hidden>";

    static VnfInstanceView of(VnfInstance i) {
      Map<String, String> params = new TreeMap<>(i.day0PlainValues());
      i.day0SecretNames().forEach(name -> params.put(name, HIDDEN));
      return new VnfInstanceView(
          i.getId(),
          i.getTenantId(),
          i.getSiteId(),
          i.getDeviceId(),
          i.getPackageId(),
          i.getFlavourId(),
          i.getName(),
          i.getWanVlan(),
          i.getState(),
          new Resources(
              i.getReservedVcpus(), i.getReservedMemoryMib(), i.getReservedHugepagesMib()),
          params,
          i.getCreatedAt());
    }
  }

  private final VnfInstanceService service;

  public VnfInstanceController(VnfInstanceService service) {
    this.service = service;
  }

  @GetMapping
  @Operation(
      summary = "List VNF instances",
      description = "The caller's tenants' instances, optionally of one device.")
  public PageResponse<VnfInstanceView> list(
      @RequestParam(required = false) String deviceId, Pageable pageable) {
    return PageResponse.of(
        service.list(
            CurrentScope.get(),
            Filters.<VnfInstance>equal("deviceId", deviceId),
            Paging.of(pageable, Set.of("name", "createdAt"), Sort.by("name"))),
        VnfInstanceView::of);
  }

  @GetMapping("/{id}")
  @Operation(summary = "Read a VNF instance", description = "404 outside the caller's scope.")
  public VnfInstanceView get(@PathVariable String id) {
    return VnfInstanceView.of(service.get(CurrentScope.get(), id));
  }

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(
      summary = "Create a VNF instance",
      description =
          "tenantId, siteId, deviceId (a uCPE at the site), packageId (ONBOARDED), flavourId of"
              + " the package, name, optional wanVlan (the chain's WAN side, default"
              + " switchboard.vnf.wan-vlan, one VNF per WAN VLAN on a device); answers it"
              + " NOT_INSTANTIATED.")
  public VnfInstanceView create(@RequestBody VnfInstanceService.CreateRequest request) {
    return VnfInstanceView.of(service.create(CurrentScope.get(), request));
  }

  @DeleteMapping("/{id}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  @Operation(
      summary = "Delete a VNF instance",
      description = "Only while NOT_INSTANTIATED (409 otherwise).")
  public void delete(@PathVariable String id) {
    service.delete(CurrentScope.get(), id);
  }

  /**
   * SOL003 InstantiateVnfRequest, the part Switchboard reads: the package's day-0 parameters by
   * name (the flavour is the instance's).
   */
  public record InstantiateRequest(Map<String, Object> additionalParams) {}

  @PostMapping("/{id}/instantiate")
  @Operation(
      summary = "Instantiate a VNF instance",
      description =
          "202 with the Location of the lifecycle operation occurrence; 409 when instantiated"
              + " already or while the device runs another operation. Optional body"
              + " {\"additionalParams\": {name: value}}: the package's day-0 parameters (422"
              + " naming additionalParams.<name> for an unknown one, a required one missing, a"
              + " wrong type or pattern). Secret values are never shown again.")
  public ResponseEntity<VnfLcmOpOccView> instantiate(
      @PathVariable String id, @RequestBody(required = false) InstantiateRequest request) {
    return accepted(
        service.instantiate(
            CurrentScope.get(),
            id,
            request == null || request.additionalParams() == null
                ? Map.of()
                : request.additionalParams()));
  }

  @PostMapping("/{id}/terminate")
  @Operation(
      summary = "Terminate a VNF instance",
      description =
          "202 with the Location of the occurrence: stop, remove chain and configuration, delete"
              + " the image, release resources. 409 unless INSTANTIATED.")
  public ResponseEntity<VnfLcmOpOccView> terminate(@PathVariable String id) {
    return accepted(service.terminate(CurrentScope.get(), id));
  }

  /** SOL003 HealVnfRequest: why the heal is asked for (optional). */
  public record HealRequest(String cause) {}

  @PostMapping("/{id}/heal")
  @Operation(
      summary = "Heal a VNF instance",
      description =
          "202 with the Location of the occurrence: re-create what is missing on the uCPE (image,"
              + " configuration), restart the VNF, wait for its boot, health check. A failed step"
              + " leaves the occurrence FAILED_TEMP (retry, rollback, fail). Optional body"
              + " {\"cause\"}; 409 unless INSTANTIATED.")
  public ResponseEntity<VnfLcmOpOccView> heal(
      @PathVariable String id, @RequestBody(required = false) HealRequest request) {
    return accepted(service.heal(CurrentScope.get(), id, request == null ? null : request.cause()));
  }

  private static ResponseEntity<VnfLcmOpOccView> accepted(VnfLcmOpOcc occ) {
    return ResponseEntity.accepted()
        .location(URI.create(VnfLcmOpOccView.BASE + occ.getId()))
        .body(
            VnfLcmOpOccView.of(
                new VnfLcmOpOccService.Occurrence(occ, null, occ.getOperationState())));
  }
}
