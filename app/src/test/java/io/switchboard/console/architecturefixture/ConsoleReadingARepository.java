package io.switchboard.console.architecturefixture;

import io.switchboard.inventory.device.DeviceRepository;

/** Breaks the console rule on purpose: it reads devices past the scoped services. */
public class ConsoleReadingARepository {
  private final DeviceRepository devices;

  public ConsoleReadingARepository(DeviceRepository devices) {
    this.devices = devices;
  }

  public long count() {
    return devices.count();
  }
}
