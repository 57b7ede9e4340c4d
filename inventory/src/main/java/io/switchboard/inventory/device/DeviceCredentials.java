package io.switchboard.inventory.device;

/**
 * How Switchboard logs in to a device. Stored encrypted; {@link #toString()} never shows the secret
 * so it cannot leak into logs by accident.
 */
public record DeviceCredentials(String username, String password) {
  @Override
  public String toString() {
    return "DeviceCredentials[username=" + username + ", password=****]";
  }
}
