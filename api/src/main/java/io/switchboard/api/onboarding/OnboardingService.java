package io.switchboard.api.onboarding;

import io.switchboard.api.device.ActivationSecrets;
import io.switchboard.api.device.SerialNumbers;
import io.switchboard.api.error.ApiException;
import io.switchboard.api.operation.OperationStarter;
import io.switchboard.api.security.Action;
import io.switchboard.api.security.Permissions;
import io.switchboard.api.security.Resource;
import io.switchboard.inventory.device.Device;
import io.switchboard.inventory.device.DeviceCredentials;
import io.switchboard.inventory.device.DeviceRepository;
import io.switchboard.inventory.operation.Operation;
import io.switchboard.inventory.scope.AccessScope;
import io.switchboard.inventory.scope.ScopedInventory;
import io.switchboard.inventory.site.Site;
import io.switchboard.inventory.site.SiteRepository;
import io.switchboard.workflows.upgrade.DeviceUpgrade;
import io.switchboard.workflows.ztp.ZtpOnboarding;
import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The two operations of DESIGN.md §5.1 and §5.2 as use cases: register a site with its CPE and
 * start zero-touch onboarding, or upgrade one device. Everything a call writes commits together,
 * and the process starts after the commit ({@link OperationStarter}), or nothing is written.
 */
@Service
public class OnboardingService {
  /** What an onboarding or upgrade started; the activation secret only when Switchboard made it. */
  public record Started(
      String siteId,
      String deviceId,
      String operationId,
      String processInstanceKey,
      String activationSecret) {}

  private final ScopedInventory inventory;
  private final SiteRepository sites;
  private final DeviceRepository devices;
  private final OperationStarter starter;
  private final SerialNumbers serialNumbers;
  private final ActivationSecrets activationSecrets;
  private final TransactionTemplate transactions;

  public OnboardingService(
      ScopedInventory inventory,
      SiteRepository sites,
      DeviceRepository devices,
      OperationStarter starter,
      SerialNumbers serialNumbers,
      ActivationSecrets activationSecrets,
      TransactionTemplate transactions) {
    this.inventory = inventory;
    this.sites = sites;
    this.devices = devices;
    this.starter = starter;
    this.serialNumbers = serialNumbers;
    this.activationSecrets = activationSecrets;
    this.transactions = transactions;
  }

  /** The secret is hashed before the transaction opens ({@link ActivationSecrets#prepare}). */
  public Started onboard(AccessScope scope, OnboardingController.OnboardingRequest request) {
    Permissions.require(scope, Action.WRITE, Resource.SITES);
    Permissions.require(scope, Action.WRITE, Resource.DEVICES);
    Permissions.require(scope, Action.RUN, Resource.OPERATIONS);
    ActivationSecrets.Prepared secret =
        activationSecrets.prepare(request.device().activationSecret());
    return transactions.execute(status -> register(scope, request, secret));
  }

  private Started register(
      AccessScope scope,
      OnboardingController.OnboardingRequest request,
      ActivationSecrets.Prepared secret) {
    if (!inventory.tenants().isVisible(scope, request.tenantId())) {
      throw ApiException.unprocessable("tenantId", "tenant '" + request.tenantId() + "' not found");
    }
    OnboardingController.DeviceSpec spec = request.device();
    if (!inventory.deviceModels().isVisible(scope, spec.modelId())) {
      throw ApiException.unprocessable(
          "device.modelId", "device model '" + spec.modelId() + "' not found");
    }
    // a site name is unique within its tenant, which the caller sees: a clash may say so
    if (sites.existsByTenantIdAndName(request.tenantId(), request.site().name())) {
      throw ApiException.conflict(
          "site.name", "the tenant has a site named '" + request.site().name() + "' already");
    }
    serialNumbers.requireAvailable(scope, spec.serialNumber(), "device.serialNumber");
    Site site = new Site(request.tenantId(), request.site().name(), request.site().type());
    site.setAddress(request.site().address());
    site.setTargetSoftwareVersion(request.site().targetSoftwareVersion());
    site = sites.save(site);
    Device device = new Device(request.tenantId(), spec.serialNumber(), spec.modelId());
    device.setSiteId(site.getId());
    device.setCredentials(
        new DeviceCredentials(spec.credentials().username(), spec.credentials().password()));
    secret.applyTo(device);
    device = devices.save(device);
    Map<String, Object> variables = new HashMap<>();
    if (request.activationTimeout() != null) {
      variables.put(ZtpOnboarding.VAR_ACTIVATION_TIMEOUT, request.activationTimeout());
    }
    Operation operation = start(scope, ZtpOnboarding.PROCESS_ID, device, variables);
    return started(site.getId(), device, operation, secret.generated());
  }

  @Transactional
  public Started upgrade(AccessScope scope, String deviceId, String targetSoftwareVersion) {
    Permissions.require(scope, Action.RUN, Resource.OPERATIONS);
    Device device =
        inventory
            .devices()
            .find(scope, deviceId)
            .orElseThrow(() -> ApiException.notFound("Device", deviceId));
    Operation operation =
        start(
            scope,
            DeviceUpgrade.PROCESS_ID,
            device,
            Map.of(ZtpOnboarding.VAR_TARGET_VERSION, targetSoftwareVersion));
    return started(device.getSiteId(), device, operation, null);
  }

  private Operation start(
      AccessScope scope, String process, Device device, Map<String, Object> extra) {
    Map<String, Object> variables = new HashMap<>(extra);
    variables.put(ZtpOnboarding.VAR_SERIAL, device.getSerialNumber());
    return starter.record(
        new Operation(
            device.getTenantId(),
            process,
            Operation.TARGET_DEVICE,
            device.getId(),
            scope.username()),
        variables);
  }

  private static Started started(
      String siteId, Device device, Operation operation, String generatedSecret) {
    Long key = operation.getProcessInstanceKey();
    return new Started(
        siteId,
        device.getId(),
        operation.getId(),
        key == null ? null : String.valueOf(key),
        generatedSecret);
  }
}
