package io.switchboard.camel.netconf;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A {@link HostKeyStore} in memory: pins last as long as the JVM. */
public class InMemoryHostKeyStore implements HostKeyStore {

  private static final Logger LOG = LoggerFactory.getLogger(InMemoryHostKeyStore.class);

  /** A refused key, as reported. */
  public record Mismatch(String deviceId, String expected, String presented) {}

  private final Map<String, String> pins = new ConcurrentHashMap<>();
  private final List<Mismatch> mismatches = new CopyOnWriteArrayList<>();

  @Override
  public Optional<String> fingerprint(String deviceId) {
    return Optional.ofNullable(pins.get(deviceId));
  }

  @Override
  public String pinIfAbsent(String deviceId, String fingerprint) {
    String pinned = pins.putIfAbsent(deviceId, fingerprint);
    if (pinned == null) {
      LOG.info("Pinned host key {} for device {} on first use", fingerprint, deviceId);
      return fingerprint;
    }
    return pinned;
  }

  @Override
  public void reportMismatch(String deviceId, String expected, String presented) {
    LOG.error(
        "Device {} presented host key {} but {} is pinned; refused", deviceId, presented, expected);
    mismatches.add(new Mismatch(deviceId, expected, presented));
  }

  /** Replaces the pin, as an operator does after a device was legitimately re-keyed. */
  public void pin(String deviceId, String fingerprint) {
    pins.put(deviceId, fingerprint);
  }

  public void clear(String deviceId) {
    pins.remove(deviceId);
  }

  public List<Mismatch> mismatches() {
    return List.copyOf(mismatches);
  }
}
