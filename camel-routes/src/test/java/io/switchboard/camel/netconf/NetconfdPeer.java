package io.switchboard.camel.netconf;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;

/**
 * Where the netconfd started by {@code camel-routes/ci/netconfd-up.sh} listens: system property
 * {@code switchboard.netconfd.<name>} or environment {@code SWITCHBOARD_NETCONFD_<NAME>}. Without a
 * port the suite is skipped, except under CI (env {@code CI} set), where it fails.
 */
record NetconfdPeer(String host, int port, String user, String password, Path key) {

  static NetconfdPeer fromEnvironment() {
    String port = setting("port");
    if (port == null) {
      String why =
          "netconfd is not configured: run `eval \"$(bash camel-routes/ci/netconfd-up.sh)\"`"
              + " or set -Dswitchboard.netconfd.port";
      if (System.getenv("CI") != null) {
        fail(why + " (CI is set, so this suite must run)");
      }
      assumeTrue(false, why);
    }
    String host = setting("host");
    String key = setting("key");
    return new NetconfdPeer(
        host == null ? "127.0.0.1" : host,
        Integer.parseInt(port),
        setting("user"),
        setting("password"),
        key == null ? null : Path.of(key));
  }

  private static String setting(String name) {
    String value = System.getProperty("switchboard.netconfd." + name);
    if (value == null || value.isBlank()) {
      value = System.getenv("SWITCHBOARD_NETCONFD_" + name.toUpperCase());
    }
    return value == null || value.isBlank() ? null : value;
  }

  /** A {@code netconf:} URI with password authentication. */
  String uri(String options) {
    return "netconf:"
        + host
        + ":"
        + port
        + "?username="
        + user
        + "&password=RAW("
        + password
        + ")"
        + (options.isEmpty() ? "" : "&" + options);
  }

  DeviceConnection passwordConnection(String deviceId) {
    return DeviceConnection.withPassword(deviceId, host, port, user, password);
  }

  DeviceConnection keyConnection(String deviceId) {
    return DeviceConnection.withKey(deviceId, host, port, user, key);
  }
}
