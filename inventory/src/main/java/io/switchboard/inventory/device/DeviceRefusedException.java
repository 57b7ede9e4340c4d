package io.switchboard.inventory.device;

/** A device's refusal or unreachability, in its own words, as a device port reports it. */
public class DeviceRefusedException extends RuntimeException {
  public DeviceRefusedException(String message) {
    super(message);
  }
}
