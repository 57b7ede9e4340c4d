package io.switchboard.api.vnf;

import io.switchboard.api.common.InScope;
import io.switchboard.api.error.ApiException;
import io.switchboard.api.operation.OperationStarter;
import io.switchboard.api.security.Action;
import io.switchboard.api.security.Permissions;
import io.switchboard.api.security.Resource;
import io.switchboard.inventory.device.Device;
import io.switchboard.inventory.operation.Operation;
import io.switchboard.inventory.scope.AccessScope;
import io.switchboard.inventory.scope.ScopedInventory;
import io.switchboard.inventory.scope.ScopedRepository;
import io.switchboard.inventory.scope.Visibility;
import io.switchboard.inventory.site.Site;
import io.switchboard.inventory.vnf.ChainLan;
import io.switchboard.inventory.vnf.Day0Parameter;
import io.switchboard.inventory.vnf.LcmOperation;
import io.switchboard.inventory.vnf.VnfInstance;
import io.switchboard.inventory.vnf.VnfInstanceRepository;
import io.switchboard.inventory.vnf.VnfInstanceState;
import io.switchboard.inventory.vnf.VnfLcmOpOcc;
import io.switchboard.inventory.vnf.VnfLcmOpOccRepository;
import io.switchboard.inventory.vnf.VnfPackage;
import io.switchboard.inventory.vnf.VnfPackageRepository;
import io.switchboard.inventory.vnf.VnfPackageState;
import io.switchboard.inventory.vnf.Vnfd;
import io.switchboard.workflows.vnf.VnfProcesses;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * VNF instances of a tenant: create ({@code NOT_INSTANTIATED}), instantiate and terminate (each a
 * lifecycle occurrence run as an operation on the uCPE device), delete while not instantiated.
 */
@Service
public class VnfInstanceService {
  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]{0,30}");
  private static final int MAX_CAUSE = 255;

  /** What a create carries. */
  public record CreateRequest(
      String tenantId,
      String siteId,
      String deviceId,
      String packageId,
      String flavourId,
      String name,
      Integer wanVlan) {}

  private final ScopedInventory inventory;
  private final VnfInstanceRepository instances;
  private final ScopedRepository<VnfInstance> scopedInstances;
  private final VnfLcmOpOccRepository occurrences;
  private final VnfPackageRepository packages;
  private final OperationStarter starter;
  private final ChainLan chainLan;
  private final int defaultWanVlan;

  public VnfInstanceService(
      ScopedInventory inventory,
      VnfInstanceRepository instances,
      VnfLcmOpOccRepository occurrences,
      VnfPackageRepository packages,
      OperationStarter starter,
      ChainLan chainLan,
      @Value("${switchboard.vnf.wan-vlan:4001}") int defaultWanVlan) {
    this.inventory = inventory;
    this.instances = instances;
    this.scopedInstances = new ScopedRepository<>(instances, Visibility::tenantOwned);
    this.occurrences = occurrences;
    this.packages = packages;
    this.starter = starter;
    this.chainLan = chainLan;
    this.defaultWanVlan = defaultWanVlan;
  }

  @Transactional(readOnly = true)
  public Page<VnfInstance> list(
      AccessScope scope, Specification<VnfInstance> filter, Pageable pageable) {
    Permissions.require(scope, Action.READ, Resource.VNF_INSTANCES);
    return scopedInstances.page(scope, filter, pageable);
  }

  @Transactional(readOnly = true)
  public VnfInstance get(AccessScope scope, String id) {
    Permissions.require(scope, Action.READ, Resource.VNF_INSTANCES);
    return InScope.findOr404(scopedInstances, scope, "VNF instance", id);
  }

  @Transactional
  public VnfInstance create(AccessScope scope, CreateRequest r) {
    Permissions.require(scope, Action.WRITE, Resource.VNF_INSTANCES);
    require("tenantId", r.tenantId());
    require("siteId", r.siteId());
    require("deviceId", r.deviceId());
    require("packageId", r.packageId());
    require("flavourId", r.flavourId());
    require("name", r.name());
    if (!NAME.matcher(r.name()).matches()) {
      throw ApiException.invalid(
          "name", "must be 1-31 lower-case letters, digits and dashes, starting with a letter");
    }
    int wanVlan = r.wanVlan() == null ? defaultWanVlan : r.wanVlan();
    if (wanVlan < 1 || wanVlan > 4094) {
      throw ApiException.invalid("wanVlan", "must be a VLAN id from 1 to 4094");
    }
    InScope.requireReference(inventory.tenants(), scope, "tenantId", "tenant", r.tenantId());
    Site site = inventory.sites().find(scope, r.siteId()).orElse(null);
    if (site == null || !site.getTenantId().equals(r.tenantId())) {
      throw ApiException.unprocessable("siteId", "site '" + r.siteId() + "' not found");
    }
    Device device = inventory.devices().find(scope, r.deviceId()).orElse(null);
    if (device == null || !device.getTenantId().equals(r.tenantId())) {
      throw ApiException.unprocessable("deviceId", "device '" + r.deviceId() + "' not found");
    }
    if (!r.siteId().equals(device.getSiteId())) {
      throw ApiException.unprocessable(
          "deviceId", "device '" + r.deviceId() + "' is not at site '" + r.siteId() + "'");
    }
    VnfPackage vnfPackage = onboardedPackage(r.packageId());
    if (Vnfd.parseFlavours(vnfPackage.getFlavours()).stream()
        .noneMatch(f -> f.id().equals(r.flavourId()))) {
      throw ApiException.unprocessable(
          "flavourId", "package '" + r.packageId() + "' has no flavour '" + r.flavourId() + "'");
    }
    if (instances.existsByDeviceIdAndName(r.deviceId(), r.name())) {
      throw ApiException.conflict(
          "name", "the device has a VNF instance named '" + r.name() + "' already");
    }
    if (wanVlan == chainLan.of(r.siteId()).vlan()) {
      throw ApiException.unprocessable(
          "wanVlan", "VLAN " + wanVlan + " is the site's LAN VLAN; the WAN side needs another");
    }
    if (instances.existsByDeviceIdAndWanVlan(r.deviceId(), wanVlan)) {
      throw ApiException.conflict(
          "wanVlan", "another VNF instance on the device uses WAN VLAN " + wanVlan);
    }
    return instances.save(
        new VnfInstance(
            r.tenantId(),
            r.siteId(),
            r.deviceId(),
            r.packageId(),
            r.flavourId(),
            r.name(),
            wanVlan));
  }

  @Transactional
  public void delete(AccessScope scope, String id) {
    Permissions.require(scope, Action.WRITE, Resource.VNF_INSTANCES);
    VnfInstance instance = InScope.findOr404(scopedInstances, scope, "VNF instance", id);
    if (instance.getState() != VnfInstanceState.NOT_INSTANTIATED) {
      throw ApiException.conflict(
          "state", "the VNF instance is INSTANTIATED: terminate it before deleting it");
    }
    occurrences.deleteByVnfInstanceId(id);
    instances.delete(instance);
  }

  /** Starts INSTANTIATE with no day-0 parameters given. */
  @Transactional
  public VnfLcmOpOcc instantiate(AccessScope scope, String id) {
    return instantiate(scope, id, Map.of());
  }

  /**
   * Starts INSTANTIATE: 409 unless NOT_INSTANTIATED or while the device is busy. {@code
   * additionalParams} (SOL003) are the package's day-0 parameters: 422 naming {@code
   * additionalParams.<name>} for one it does not declare, one it requires missing, or a wrong type
   * or pattern, and nothing starts. The values are kept with the instance (secret ones sealed),
   * where the worker that renders the day-0 file reads them: never in a process variable.
   */
  @Transactional
  public VnfLcmOpOcc instantiate(AccessScope scope, String id, Map<String, ?> additionalParams) {
    Permissions.require(scope, Action.RUN, Resource.VNF_INSTANCES);
    VnfInstance instance = InScope.findOr404(scopedInstances, scope, "VNF instance", id);
    if (instance.getState() != VnfInstanceState.NOT_INSTANTIATED) {
      throw ApiException.conflict("state", "the VNF instance is INSTANTIATED already");
    }
    VnfPackage vnfPackage = packages.findById(instance.getPackageId()).orElseThrow();
    if (vnfPackage.getState() != VnfPackageState.ONBOARDED) {
      throw ApiException.conflict(
          "packageId", "package '" + vnfPackage.getId() + "' is " + vnfPackage.getState());
    }
    Day0Parameter.Values values;
    try {
      values = Day0Parameter.resolve(vnfPackage.day0Parameters(), additionalParams);
    } catch (Day0Parameter.InvalidParameterException e) {
      throw ApiException.unprocessable("additionalParams." + e.name(), e.getMessage());
    }
    instance.day0Values(values.plain(), values.secret());
    instances.save(instance);
    return start(scope, instance, LcmOperation.INSTANTIATE, VnfProcesses.INSTANTIATION);
  }

  /** Starts TERMINATE: 409 unless INSTANTIATED or while the device is busy. */
  @Transactional
  public VnfLcmOpOcc terminate(AccessScope scope, String id) {
    Permissions.require(scope, Action.RUN, Resource.VNF_INSTANCES);
    VnfInstance instance = InScope.findOr404(scopedInstances, scope, "VNF instance", id);
    if (instance.getState() != VnfInstanceState.INSTANTIATED) {
      throw ApiException.conflict("state", "the VNF instance is NOT_INSTANTIATED");
    }
    return start(scope, instance, LcmOperation.TERMINATE, VnfProcesses.TERMINATION);
  }

  /**
   * Starts HEAL (SOL003 HealVnf): 409 unless INSTANTIATED or while the device is busy; {@code
   * cause} is optional free text.
   */
  @Transactional
  public VnfLcmOpOcc heal(AccessScope scope, String id, String cause) {
    Permissions.require(scope, Action.RUN, Resource.VNF_INSTANCES);
    VnfInstance instance = InScope.findOr404(scopedInstances, scope, "VNF instance", id);
    if (cause != null && cause.length() > MAX_CAUSE) {
      throw ApiException.invalid("cause", "must be at most " + MAX_CAUSE + " characters");
    }
    if (instance.getState() != VnfInstanceState.INSTANTIATED) {
      throw ApiException.conflict("state", "the VNF instance is NOT_INSTANTIATED: nothing to heal");
    }
    return start(
        scope,
        instance,
        LcmOperation.HEAL,
        VnfProcesses.HEAL,
        cause == null || cause.isBlank()
            ? Map.of()
            : Map.of(VnfProcesses.VAR_HEAL_CAUSE, cause.strip()));
  }

  private VnfLcmOpOcc start(
      AccessScope scope, VnfInstance instance, LcmOperation operation, String process) {
    return start(scope, instance, operation, process, Map.of());
  }

  private VnfLcmOpOcc start(
      AccessScope scope,
      VnfInstance instance,
      LcmOperation operation,
      String process,
      Map<String, Object> extra) {
    VnfLcmOpOcc occ =
        occurrences.save(new VnfLcmOpOcc(instance.getTenantId(), instance.getId(), operation));
    Map<String, Object> variables = new HashMap<>(extra);
    variables.put(VnfProcesses.VAR_VNF_INSTANCE_ID, instance.getId());
    variables.put(VnfProcesses.VAR_LCM_OP_OCC_ID, occ.getId());
    Operation recorded =
        starter.record(
            new Operation(
                instance.getTenantId(),
                process,
                Operation.TARGET_DEVICE,
                instance.getDeviceId(),
                scope.username()),
            variables);
    occ.setOperationId(recorded.getId());
    return occurrences.save(occ);
  }

  private VnfPackage onboardedPackage(String packageId) {
    VnfPackage vnfPackage =
        packages
            .findById(packageId)
            .orElseThrow(
                () ->
                    ApiException.unprocessable(
                        "packageId", "VNF package '" + packageId + "' not found"));
    if (vnfPackage.getState() != VnfPackageState.ONBOARDED) {
      throw ApiException.unprocessable(
          "packageId", "VNF package '" + packageId + "' is " + vnfPackage.getState());
    }
    return vnfPackage;
  }

  private static void require(String field, String value) {
    if (value == null || value.isBlank()) {
      throw ApiException.invalid(field, "is required");
    }
  }
}
