package io.switchboard.api.onboarding;

import io.switchboard.api.error.ApiException;
import io.switchboard.api.operation.OperationStarter;
import io.switchboard.api.security.Action;
import io.switchboard.api.security.CurrentScope;
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
import io.switchboard.inventory.site.SiteType;
import io.switchboard.workflows.upgrade.DeviceUpgrade;
import io.switchboard.workflows.ztp.ZtpOnboarding;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.HashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The two operations of DESIGN.md §5.1 and §5.2 as one call each: register a site with its CPE and
 * start zero-touch onboarding, or upgrade one device. Everything a call writes commits together and
 * its process starts after the commit (OperationStarter), or nothing is written at all.
 */
@RestController
@RequestMapping("/api/v1")
public class OnboardingController {
  static final String VERSION = "[A-Za-z0-9._-]{1,60}";

  public record SiteSpec(
      @NotBlank @Size(max = 120) String name,
      @NotNull SiteType type,
      @Size(max = 300) String address,
      @Pattern(regexp = VERSION, message = "must be a software version such as 23.4R1")
          String targetSoftwareVersion) {}

  public record DeviceSpec(
      @NotBlank
          @Pattern(
              regexp = "[A-Za-z0-9._-]{3,80}",
              message = "must be 3-80 letters, digits, '.', '_' or '-'")
          String serialNumber,
      @NotBlank @Size(max = 36) String modelId,
      @NotNull @Valid Credentials credentials,
      @Size(min = 8, max = 200, message = "must be 8-200 characters") String activationSecret) {}

  public record Credentials(
      @NotBlank @Size(max = 120) String username, @NotBlank @Size(max = 200) String password) {
    @Override
    public String toString() {
      return "Credentials[username=" + username + ", password=****]";
    }
  }

  public record OnboardingRequest(
      @NotBlank @Size(max = 36) String tenantId,
      @NotNull @Valid SiteSpec site,
      @NotNull @Valid DeviceSpec device,
      @Pattern(regexp = "P.*", message = "must be an ISO-8601 duration such as P7D")
          String activationTimeout) {}

  public record OnboardingStarted(
      String siteId, String deviceId, String operationId, String processInstanceKey) {}

  public record UpgradeRequest(
      @NotBlank @Pattern(regexp = VERSION, message = "must be a software version such as 23.4R1")
          String targetSoftwareVersion) {}

  private final ScopedInventory inventory;
  private final SiteRepository sites;
  private final DeviceRepository devices;
  private final OperationStarter starter;
  private final PasswordEncoder encoder;

  public OnboardingController(
      ScopedInventory inventory,
      SiteRepository sites,
      DeviceRepository devices,
      OperationStarter starter,
      PasswordEncoder encoder) {
    this.inventory = inventory;
    this.sites = sites;
    this.devices = devices;
    this.starter = starter;
    this.encoder = encoder;
  }

  @PostMapping("/onboardings")
  @ResponseStatus(HttpStatus.CREATED)
  @Transactional
  public OnboardingStarted onboard(@Valid @RequestBody OnboardingRequest request) {
    AccessScope scope = CurrentScope.require(Action.WRITE, Resource.SITES);
    Permissions.require(scope, Action.WRITE, Resource.DEVICES);
    Permissions.require(scope, Action.RUN, Resource.OPERATIONS);
    if (!inventory.tenants().isVisible(scope, request.tenantId())) {
      throw ApiException.unprocessable("tenantId", "tenant '" + request.tenantId() + "' not found");
    }
    if (!inventory.deviceModels().isVisible(scope, request.device().modelId())) {
      throw ApiException.unprocessable(
          "device.modelId", "device model '" + request.device().modelId() + "' not found");
    }
    if (sites.existsByTenantIdAndName(request.tenantId(), request.site().name())) {
      throw ApiException.conflict(
          "site.name", "the tenant has a site named '" + request.site().name() + "' already");
    }
    if (devices.existsBySerialNumber(request.device().serialNumber())) {
      throw ApiException.conflict(
          "device.serialNumber",
          "a device with serial number '"
              + request.device().serialNumber()
              + "' is registered already");
    }
    Site site = new Site(request.tenantId(), request.site().name(), request.site().type());
    site.setAddress(request.site().address());
    site.setTargetSoftwareVersion(request.site().targetSoftwareVersion());
    site = sites.save(site);
    Device device =
        new Device(request.tenantId(), request.device().serialNumber(), request.device().modelId());
    device.setSiteId(site.getId());
    device.setCredentials(
        new DeviceCredentials(
            request.device().credentials().username(), request.device().credentials().password()));
    if (request.device().activationSecret() != null) {
      device.setActivationSecretHash(encoder.encode(request.device().activationSecret()));
    }
    device = devices.save(device);
    Map<String, Object> variables = new HashMap<>();
    if (request.activationTimeout() != null) {
      variables.put(ZtpOnboarding.VAR_ACTIVATION_TIMEOUT, request.activationTimeout());
    }
    Operation operation = start(scope, ZtpOnboarding.PROCESS_ID, device, variables);
    return new OnboardingStarted(
        site.getId(),
        device.getId(),
        operation.getId(),
        operation.getProcessInstanceKey() == null
            ? null
            : String.valueOf(operation.getProcessInstanceKey()));
  }

  @PostMapping("/devices/{id}/upgrade")
  @ResponseStatus(HttpStatus.CREATED)
  @Transactional
  public OnboardingStarted upgrade(
      @PathVariable String id, @Valid @RequestBody UpgradeRequest request) {
    AccessScope scope = CurrentScope.require(Action.RUN, Resource.OPERATIONS);
    Device device =
        inventory.devices().find(scope, id).orElseThrow(() -> ApiException.notFound("Device", id));
    Operation operation =
        start(
            scope,
            DeviceUpgrade.PROCESS_ID,
            device,
            Map.of(ZtpOnboarding.VAR_TARGET_VERSION, request.targetSoftwareVersion()));
    return new OnboardingStarted(
        device.getSiteId(),
        device.getId(),
        operation.getId(),
        operation.getProcessInstanceKey() == null
            ? null
            : String.valueOf(operation.getProcessInstanceKey()));
  }

  private Operation start(
      AccessScope scope, String process, Device device, Map<String, Object> extra) {
    Map<String, Object> variables = new HashMap<>(extra);
    variables.put(ZtpOnboarding.VAR_SERIAL, device.getSerialNumber());
    return starter.record(
        new Operation(device.getTenantId(), process, "DEVICE", device.getId(), scope.username()),
        variables);
  }
}
