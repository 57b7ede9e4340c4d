package io.switchboard.camel.netconf;

import java.util.Optional;

/**
 * Port: the SSH host-key fingerprints pinned per device. The component never accepts a host key
 * blindly: the first key a device presents is pinned ({@link #pinIfAbsent}), and every later
 * connection must present the same key or is refused with a {@link HostKeyMismatchException}. The
 * inventory module provides the durable adapter; {@link InMemoryHostKeyStore} forgets its pins when
 * the JVM stops.
 *
 * <p>Fingerprints are OpenSSH-style {@code SHA256:<base64>} strings.
 */
public interface HostKeyStore {

  /** The fingerprint pinned for {@code deviceId}, if any. */
  Optional<String> fingerprint(String deviceId);

  /**
   * Pins {@code fingerprint} for {@code deviceId} unless one is already pinned, atomically.
   *
   * @return the fingerprint pinned after the call: {@code fingerprint} if it was absent, the
   *     earlier one otherwise
   */
  String pinIfAbsent(String deviceId, String fingerprint);

  /**
   * Records that {@code deviceId} presented {@code presented} instead of the pinned {@code
   * expected}; the connection has already been refused. Adapters audit or alert here.
   */
  void reportMismatch(String deviceId, String expected, String presented);
}
