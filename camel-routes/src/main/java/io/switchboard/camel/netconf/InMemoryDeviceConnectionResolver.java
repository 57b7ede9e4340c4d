package io.switchboard.camel.netconf;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** A {@link DeviceConnectionResolver} over a map filled by {@link #register}. */
public class InMemoryDeviceConnectionResolver implements DeviceConnectionResolver {

  private final Map<String, DeviceConnection> connections = new ConcurrentHashMap<>();

  public InMemoryDeviceConnectionResolver register(DeviceConnection connection) {
    connections.put(connection.deviceId(), connection);
    return this;
  }

  public void remove(String deviceId) {
    connections.remove(deviceId);
  }

  @Override
  public Optional<DeviceConnection> resolve(String deviceId) {
    return Optional.ofNullable(connections.get(deviceId));
  }
}
