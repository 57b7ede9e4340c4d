package io.switchboard.camel.netconf;

import java.util.Optional;

/**
 * Port: turns a device id (header {@link NetconfConstants#DEVICE_ID}) into connection details. The
 * inventory module provides the production adapter; {@link InMemoryDeviceConnectionResolver} serves
 * tests, the benchmark and small fixed fleets.
 */
@FunctionalInterface
public interface DeviceConnectionResolver {

  /** The connection for {@code deviceId}, or empty when the device is unknown. */
  Optional<DeviceConnection> resolve(String deviceId);
}
