package io.switchboard.inventory.firewall;

/**
 * What the firewall feature asks of a device, declared here and implemented where the device routes
 * are (workers), so the API can preview without reaching the driver itself.
 */
public interface FirewallDeviceAccess {
  /**
   * Loads {@code setCommands} into the device's candidate under the lock, answers its {@code show |
   * compare} text, and discards and unlocks whatever happens.
   *
   * @throws DeviceRefusedException with the device's own message when it refuses the load or cannot
   *     be reached
   */
  String preview(String deviceId, String setCommands);

  /** A device's refusal or unreachability, in its own words. */
  class DeviceRefusedException extends RuntimeException {
    public DeviceRefusedException(String message) {
      super(message);
    }
  }
}
