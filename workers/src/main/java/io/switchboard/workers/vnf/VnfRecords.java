package io.switchboard.workers.vnf;

import io.switchboard.inventory.compliance.IntendedConfigRecorder;
import io.switchboard.inventory.device.DeviceModelRepository;
import io.switchboard.inventory.device.DeviceRepository;
import io.switchboard.inventory.vnf.ChainLan;
import io.switchboard.inventory.vnf.Day0Template;
import io.switchboard.inventory.vnf.LcmOperationState;
import io.switchboard.inventory.vnf.VnfInstance;
import io.switchboard.inventory.vnf.VnfInstanceRepository;
import io.switchboard.inventory.vnf.VnfInstanceState;
import io.switchboard.inventory.vnf.VnfLcmOpOccRepository;
import io.switchboard.inventory.vnf.VnfPackage;
import io.switchboard.inventory.vnf.VnfPackageRepository;
import io.switchboard.inventory.vnf.Vnfd;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What the VNF workers read and record in the inventory. */
@Service
public class VnfRecords {
  private final VnfInstanceRepository instances;
  private final VnfPackageRepository packages;
  private final VnfLcmOpOccRepository occurrences;
  private final DeviceRepository devices;
  private final DeviceModelRepository models;
  private final ChainLan chainLan;
  private final IntendedConfigRecorder intended;
  private final String wanZone;

  public VnfRecords(
      VnfInstanceRepository instances,
      VnfPackageRepository packages,
      VnfLcmOpOccRepository occurrences,
      DeviceRepository devices,
      DeviceModelRepository models,
      ChainLan chainLan,
      IntendedConfigRecorder intended,
      @Value("${switchboard.vnf.wan-zone:untrust}") String wanZone) {
    this.instances = instances;
    this.packages = packages;
    this.occurrences = occurrences;
    this.devices = devices;
    this.models = models;
    this.chainLan = chainLan;
    this.intended = intended;
    this.wanZone = wanZone;
  }

  public VnfInstance instance(String id) {
    return instances
        .findById(id)
        .orElseThrow(() -> new IllegalStateException("no VNF instance " + id));
  }

  public VnfPackage packageOf(VnfInstance instance) {
    return packages.findById(instance.getPackageId()).orElseThrow();
  }

  public Optional<Vnfd.Flavour> flavourOf(VnfInstance instance) {
    return Vnfd.parseFlavours(packageOf(instance).getFlavours()).stream()
        .filter(f -> f.id().equals(instance.getFlavourId()))
        .findFirst();
  }

  public String modelOf(String deviceId) {
    return devices
        .findById(deviceId)
        .flatMap(d -> d.getModelId() == null ? Optional.empty() : models.findById(d.getModelId()))
        .map(m -> m.getName())
        .orElse("unknown");
  }

  /** What the instance's configuration and service chain are made of. */
  public VnfConfigRenderer.Chain chainOf(VnfInstance instance) {
    ChainLan.Side lan = chainLan.of(instance.getSiteId());
    return new VnfConfigRenderer.Chain(
        instance.getName(),
        flavourOf(instance).orElseThrow(),
        VnfConfigRenderer.imagePath(instance.getName()),
        lan.vlan(),
        instance.getWanVlan(),
        lan.prefix(),
        wanZone,
        packageOf(instance).getDay0Template() == null
            ? null
            : VnfConfigRenderer.day0Path(instance.getName()));
  }

  /**
   * The instance's day-0 configuration: its package's template rendered for its chain and with its
   * day-0 parameter values; empty when the package has none.
   *
   * @throws IllegalArgumentException naming a placeholder this instance has no value for
   */
  public Optional<String> day0Of(VnfInstance instance) {
    VnfPackage vnfPackage = packageOf(instance);
    String template = vnfPackage.getDay0Template();
    if (template == null) {
      return Optional.empty();
    }
    // the instance's parameters, read here from the inventory (secret ones unsealed), never from
    // process variables; an optional one without a value renders empty
    Map<String, String> values = new HashMap<>();
    vnfPackage.day0Parameters().forEach(p -> values.put(p.name(), ""));
    values.putAll(instance.day0Values());
    values.putAll(VnfConfigRenderer.day0Values(chainOf(instance)));
    return Optional.of(Day0Template.render(template, values));
  }

  /**
   * The name of the instance's day-0 file on its config drive: as its VNFD names it ({@code
   * juniper.conf}, {@code user-data}).
   */
  public String day0FileOf(VnfInstance instance) {
    String name = packageOf(instance).getDay0File();
    return name == null ? VnfPackage.DEFAULT_DAY0_FILE : name;
  }

  /**
   * The part of the uCPE's intended configuration that an instance's commits are recorded under.
   */
  public static String intendedPart(String instanceId) {
    return "vnf-" + instanceId;
  }

  /**
   * The instance's configuration, now confirmed on the uCPE, is what Switchboard intends it to run
   * (issue 16), written by this operation and process instance.
   */
  @Transactional
  public void intended(String instanceId, String operationId, Long processInstanceKey) {
    VnfInstance instance = instance(instanceId);
    intended.committed(
        instance.getDeviceId(),
        intendedPart(instanceId),
        VnfConfigRenderer.render(chainOf(instance)),
        operationId,
        processInstanceKey);
  }

  /** The instance's configuration is gone from the uCPE: no longer intended. */
  @Transactional
  public void notIntended(String instanceId) {
    intended.removed(instance(instanceId).getDeviceId(), intendedPart(instanceId));
  }

  @Transactional
  public void enter(String occId, LcmOperationState state) {
    occurrences
        .findById(occId)
        .ifPresent(
            occ -> {
              if (!occ.getOperationState().isFinal()) {
                occ.enter(state);
                occurrences.save(occ);
              }
            });
  }

  /** The failure of a step, with the device's message, on the occurrence. */
  @Transactional
  public void error(String occId, String message) {
    occurrences
        .findById(occId)
        .ifPresent(
            occ -> {
              occ.error(
                  "Lifecycle operation step failed",
                  message == null ? null : message.replaceFirst("^\\[[A-Z_]+\\] ", ""),
                  500);
              occurrences.save(occ);
            });
  }

  /** The error recorded on the occurrence, if any. */
  @Transactional(readOnly = true)
  public String errorOf(String occId) {
    return occurrences.findById(occId).map(o -> o.getErrorDetail()).orElse(null);
  }

  @Transactional
  public void reserve(String instanceId, Vnfd.Flavour flavour) {
    VnfInstance instance = instance(instanceId);
    instance.reserve(flavour);
    instances.save(instance);
  }

  @Transactional
  public void release(String instanceId) {
    VnfInstance instance = instance(instanceId);
    instance.release();
    instances.save(instance);
  }

  /** The final state of the occurrence and, when it completed, of the instance. */
  @Transactional
  public void finish(
      String occId, String instanceId, LcmOperationState state, boolean instantiated) {
    occurrences
        .findById(occId)
        .ifPresent(
            occ -> {
              occ.enter(state);
              if (state == LcmOperationState.COMPLETED) {
                occ.clearError();
              }
              occurrences.save(occ);
            });
    if (state == LcmOperationState.COMPLETED) {
      VnfInstance instance = instance(instanceId);
      instance.setState(
          instantiated ? VnfInstanceState.INSTANTIATED : VnfInstanceState.NOT_INSTANTIATED);
      instances.save(instance);
    }
  }
}
