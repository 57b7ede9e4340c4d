package io.switchboard.inventory.sdwan.sla;

import io.switchboard.inventory.device.DeviceRefusedException;
import java.util.List;

/**
 * Reads a device's RPM probe results, declared here and implemented where the device routes are
 * (workers), so the API's steering check can measure without reaching the driver itself.
 */
public interface SdwanProbes {
  /**
   * Every RPM probe test of the device, as it reports them now.
   *
   * @throws DeviceRefusedException with the device's own message when it refuses or cannot be
   *     reached
   */
  List<ProbeReading> read(String deviceId);
}
