package io.switchboard.api.phonehome;

import io.camunda.client.CamundaClient;
import io.switchboard.inventory.device.Device;
import io.switchboard.inventory.device.DeviceLifecycle;
import io.switchboard.inventory.operation.Operation;
import io.switchboard.inventory.operation.OperationRepository;
import io.switchboard.inventory.operation.OperationState;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
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
  /** Message names as the BPMN processes catch them (workflows/ZtpOnboarding, DeviceUpgrade). */
  public static final String PHONE_HOME = "device.phone-home";

  public static final String BACK_ONLINE = "device.back-online";
  static final Duration TIME_TO_LIVE = Duration.ofMinutes(10);

  private final ObjectProvider<CamundaClient> client;
  private final OperationRepository operations;

  public PhoneHomeMessages(ObjectProvider<CamundaClient> client, OperationRepository operations) {
    this.client = client;
    this.operations = operations;
  }

  /**
   * Wakes the device's running operation (correlated by the operation's id, so a reboot's
   * phone-home reaches only the upgrade that rebooted it). Returns false when no operation of the
   * device is waiting for it: nothing is published, so no later operation can take it up.
   */
  boolean deviceIsUp(Device device, PhoneHomeController.Progress progress) {
    Optional<Operation> operation =
        operations.findFirstByTargetKindAndTargetIdAndStateIn(
            "DEVICE", device.getId(), OperationState.ACTIVE);
    if (operation.isEmpty()) {
      return false;
    }
    Map<String, Object> variables = new HashMap<>();
    putIfPresent(variables, "softwareVersion", progress.softwareVersion());
    putIfPresent(variables, "reportedModel", progress.model());
    putIfPresent(variables, "reportedSerial", progress.serialNumber());
    putIfPresent(variables, "managementAddress", progress.managementAddress());
    putIfPresent(variables, "netconfPort", progress.netconfPort());
    putIfPresent(variables, "reportedHostKeyFingerprint", progress.hostKeyFingerprint());
    String name =
        device.getLifecycleState() == DeviceLifecycle.UPGRADING ? BACK_ONLINE : PHONE_HOME;
    client
        .getObject()
        .newPublishMessageCommand()
        .messageName(name)
        .correlationKey(operation.get().getId())
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
