package io.switchboard.api.phonehome;

import io.camunda.client.CamundaClient;
import io.switchboard.api.campaign.CampaignDeviceKeys;
import io.switchboard.inventory.device.Device;
import io.switchboard.inventory.device.DeviceLifecycle;
import io.switchboard.inventory.operation.Operation;
import io.switchboard.inventory.operation.OperationRepository;
import io.switchboard.inventory.operation.OperationState;
import io.switchboard.workflows.observability.LogFields;
import io.switchboard.workflows.upgrade.DeviceUpgrade;
import io.switchboard.workflows.ztp.ZtpOnboarding;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.MDC;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Tells the processes that a device is up. A device being upgraded is back online ({@code
 * device.back-online}); any other claimed device has phoned home for onboarding ({@code
 * device.phone-home}). Both are correlated by the running operation's id and buffered for a while,
 * so a device that is quicker than its process is not lost.
 */
@Component
public class PhoneHomeMessages {
  static final Duration TIME_TO_LIVE = Duration.ofMinutes(10);

  private final ObjectProvider<CamundaClient> client;
  private final OperationRepository operations;
  private final CampaignDeviceKeys campaigns;

  public PhoneHomeMessages(
      ObjectProvider<CamundaClient> client,
      OperationRepository operations,
      CampaignDeviceKeys campaigns) {
    this.client = client;
    this.operations = operations;
    this.campaigns = campaigns;
  }

  /**
   * Wakes the device's running operation (correlated by the operation's id, so a reboot's
   * phone-home reaches only the upgrade that rebooted it). Returns false when no operation of the
   * device is waiting for it: nothing is published, so no later operation can take it up.
   */
  boolean deviceIsUp(Device device, PhoneHomeController.Progress progress) {
    Optional<Operation> operation =
        operations.findFirstByTargetKindAndTargetIdAndStateIn(
            Operation.TARGET_DEVICE, device.getId(), OperationState.ACTIVE);
    // a campaign's device upgrade has no operation of its own: its key names campaign and device
    Optional<String> correlationKey =
        operation.isPresent()
            ? operation.map(Operation::getId)
            : campaigns.runningUpgradeOf(device.getId());
    if (correlationKey.isEmpty()) {
      return false;
    }
    // the rest of this request's lines belong to the operation it wakes (RequestLogContext clears)
    MDC.put(LogFields.OPERATION, correlationKey.get());
    MDC.put(LogFields.TENANT, device.getTenantId());
    Map<String, Object> variables = new HashMap<>();
    putIfPresent(variables, ZtpOnboarding.VAR_SOFTWARE_VERSION, progress.softwareVersion());
    putIfPresent(variables, ZtpOnboarding.VAR_REPORTED_MODEL, progress.model());
    putIfPresent(variables, ZtpOnboarding.VAR_REPORTED_SERIAL, progress.serialNumber());
    putIfPresent(variables, ZtpOnboarding.VAR_MANAGEMENT_ADDRESS, progress.managementAddress());
    putIfPresent(variables, ZtpOnboarding.VAR_NETCONF_PORT, progress.netconfPort());
    putIfPresent(variables, ZtpOnboarding.VAR_REPORTED_HOST_KEY, progress.hostKeyFingerprint());
    String name =
        device.getLifecycleState() == DeviceLifecycle.UPGRADING
            ? DeviceUpgrade.MESSAGE_BACK_ONLINE
            : ZtpOnboarding.MESSAGE_PHONE_HOME;
    client
        .getObject()
        .newPublishMessageCommand()
        .messageName(name)
        .correlationKey(correlationKey.get())
        .timeToLive(TIME_TO_LIVE)
        .variables(variables)
        .send()
        .join();
    return true;
  }

  private static void putIfPresent(Map<String, Object> variables, String name, Object value) {
    if (value != null) {
      variables.put(name, value);
    }
  }
}
