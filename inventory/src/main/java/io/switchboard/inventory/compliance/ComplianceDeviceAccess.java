package io.switchboard.inventory.compliance;

import io.switchboard.inventory.device.DeviceRefusedException;

/**
 * What a compliance dry run asks of a device, declared here and implemented where the device routes
 * are (workers), so the API can answer a dry run without reaching the driver itself. (The preview
 * of a change is {@link io.switchboard.inventory.device.ConfigurationPreviews#preview}.)
 */
public interface ComplianceDeviceAccess {
  /**
   * The device's committed configuration in {@code set} form.
   *
   * @throws DeviceRefusedException with the device's own message when it refuses or cannot be
   *     reached
   */
  String runningConfiguration(String deviceId);
}
