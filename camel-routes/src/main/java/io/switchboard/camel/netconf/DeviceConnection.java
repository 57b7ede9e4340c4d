package io.switchboard.camel.netconf;

import java.nio.file.Path;
import java.util.Objects;

/**
 * How to reach one device over SSH. Exactly one of {@code password} and {@code privateKey} is
 * normally set; both may be, and the device decides which it accepts.
 *
 * @param deviceId the identity host keys are pinned under (inventory id, serial, or host:port)
 * @param host host name or address
 * @param port SSH port of the NETCONF subsystem (830 by convention)
 * @param username SSH user
 * @param password password, or {@code null}
 * @param privateKey an OpenSSH or PEM private key file, or {@code null}
 * @param passphrase the key's passphrase, or {@code null}
 */
public record DeviceConnection(
    String deviceId,
    String host,
    int port,
    String username,
    String password,
    Path privateKey,
    String passphrase) {

  public DeviceConnection {
    Objects.requireNonNull(deviceId, "deviceId");
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(username, "username");
    if (port <= 0 || port > 65535) {
      throw new IllegalArgumentException("port out of range: " + port);
    }
  }

  /** A connection authenticated by password. */
  public static DeviceConnection withPassword(
      String deviceId, String host, int port, String username, String password) {
    return new DeviceConnection(deviceId, host, port, username, password, null, null);
  }

  /** A connection authenticated by public key. */
  public static DeviceConnection withKey(
      String deviceId, String host, int port, String username, Path privateKey) {
    return new DeviceConnection(deviceId, host, port, username, null, privateKey, null);
  }

  @Override
  public String toString() {
    return deviceId + " (" + username + "@" + host + ":" + port + ")";
  }
}
