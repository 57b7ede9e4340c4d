package io.switchboard.devices.netconf;

import io.switchboard.netconf.NetconfCapabilities;
import io.switchboard.netconf.NetconfProtocol;
import java.util.List;

/** What the simulated device announces, and the Junos namespace of its replies. */
public final class NetconfConstants {

  /** What the device announces in its hello. */
  public static final List<String> CAPABILITIES =
      List.of(
          NetconfCapabilities.BASE_10,
          NetconfCapabilities.BASE_11,
          NetconfCapabilities.CANDIDATE,
          NetconfCapabilities.CONFIRMED_COMMIT_10,
          NetconfCapabilities.CONFIRMED_COMMIT_11,
          NetconfCapabilities.VALIDATE_10,
          NetconfCapabilities.VALIDATE_11,
          NetconfCapabilities.ROLLBACK_ON_ERROR,
          NetconfCapabilities.URL + "?scheme=http,ftp,file",
          "urn:ietf:params:xml:ns:netconf:base:1.0",
          "urn:ietf:params:xml:ns:netconf:capability:candidate:1.0",
          "urn:ietf:params:xml:ns:netconf:capability:confirmed-commit:1.0",
          "urn:ietf:params:xml:ns:netconf:capability:validate:1.0",
          NetconfProtocol.JUNOS_CAPABILITY,
          "http://xml.juniper.net/dmi/system/1.0");

  private NetconfConstants() {}

  /** The {@code junos:} namespace that Junos declares on every reply, by release. */
  public static String junosNamespace(String version) {
    String release = version.contains("-") ? version.substring(0, version.indexOf('-')) : version;
    return "http://xml.juniper.net/junos/" + release + "/junos";
  }
}
