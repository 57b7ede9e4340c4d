package io.switchboard.api.device;

import io.switchboard.api.error.ApiException;
import io.switchboard.inventory.device.DeviceRepository;
import io.switchboard.inventory.scope.AccessScope;
import io.switchboard.inventory.scope.ScopedInventory;
import org.springframework.stereotype.Component;

/**
 * Serial numbers are unique across the whole installation (a device phones home by its serial
 * alone), so registering a serial that exists must not tell the caller about a device in another
 * tenant: a clash with a device the caller sees is 409, with one it cannot see the same 422 "not
 * available" as any unusable value ({@link ApiException#clash}).
 */
@Component
public class SerialNumbers {
  private final DeviceRepository devices;
  private final ScopedInventory inventory;

  public SerialNumbers(DeviceRepository devices, ScopedInventory inventory) {
    this.devices = devices;
    this.inventory = inventory;
  }

  /**
   * Throws unless {@code serial} is free.
   *
   * @param field the request field to name, e.g. {@code serialNumber} or {@code
   *     device.serialNumber}
   */
  public void requireAvailable(AccessScope scope, String serial, String field) {
    devices
        .findBySerialNumber(serial)
        .ifPresent(
            existing -> {
              throw ApiException.clash(
                  field,
                  inventory.devices().isVisible(scope, existing.getId()),
                  "a device with serial number '" + serial + "' is registered already");
            });
  }
}
