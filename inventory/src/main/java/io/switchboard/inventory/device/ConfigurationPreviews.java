package io.switchboard.inventory.device;

/**
 * The preview of a change as the device reports it (its {@code show | compare}), declared here and
 * implemented where the device routes are (workers), so the API can preview without reaching the
 * driver itself. Shared by the firewall preview, the SD-WAN plan and the compliance dry run.
 */
public interface ConfigurationPreviews {
  /**
   * Loads {@code setCommands} into the device's candidate under the lock, answers its {@code show |
   * compare} text, and discards and unlocks whatever happens.
   *
   * @throws DeviceRefusedException with the device's own message when it refuses the load or cannot
   *     be reached
   */
  String preview(String deviceId, String setCommands);
}
