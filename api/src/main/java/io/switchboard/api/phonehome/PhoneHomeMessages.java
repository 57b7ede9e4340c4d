package io.switchboard.api.phonehome;

import io.camunda.client.CamundaClient;
import io.switchboard.inventory.device.Device;
import io.switchboard.inventory.device.DeviceLifecycle;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Tells the processes that a device is up. A device being upgraded is back online ({@code
 * device.back-online}); any other claimed device has phoned home for onboarding ({@code
 * device.phone-home}). Both are correlated by serial and buffered for a while, so a device that is
 * quicker than its process is not lost.
 */
@Component
public class PhoneHomeMessages {
  /** Message names as the BPMN processes catch them (workflows/ZtpOnboarding, DeviceUpgrade). */
  public static final String PHONE_HOME = "device.phone-home";

  public static final String BACK_ONLINE = "device.back-online";
  static final Duration TIME_TO_LIVE = Duration.ofMinutes(10);

  private final ObjectProvider<CamundaClient> client;

  public PhoneHomeMessages(ObjectProvider<CamundaClient> client) {
    this.client = client;
  }

  void deviceIsUp(Device device, PhoneHomeController.Progress progress) {
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
        .correlationKey(device.getSerialNumber())
        .timeToLive(TIME_TO_LIVE)
        .variables(variables)
        .send()
        .join();
  }

  private static void putIfPresent(Map<String, Object> variables, String name, Object value) {
    if (value != null) {
      variables.put(name, value);
    }
  }
}
