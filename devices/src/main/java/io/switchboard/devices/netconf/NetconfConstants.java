package io.switchboard.devices.netconf;

import java.util.List;

/** Namespaces and capabilities of the simulated device. */
public final class NetconfConstants {

  public static final String BASE_NS = "urn:ietf:params:xml:ns:netconf:base:1.0";
  public static final String BASE_1_0 = "urn:ietf:params:netconf:base:1.0";
  public static final String BASE_1_1 = "urn:ietf:params:netconf:base:1.1";
  public static final String JUNOS_CAPABILITY = "http://xml.juniper.net/netconf/junos/1.0";
  public static final String SUBSYSTEM = "netconf";

  /** What the device announces in its hello. */
  public static final List<String> CAPABILITIES =
      List.of(
          BASE_1_0,
          BASE_1_1,
          "urn:ietf:params:netconf:capability:candidate:1.0",
          "urn:ietf:params:netconf:capability:confirmed-commit:1.0",
          "urn:ietf:params:netconf:capability:confirmed-commit:1.1",
          "urn:ietf:params:netconf:capability:validate:1.0",
          "urn:ietf:params:netconf:capability:validate:1.1",
          "urn:ietf:params:netconf:capability:rollback-on-error:1.0",
          "urn:ietf:params:netconf:capability:url:1.0?scheme=http,ftp,file",
          "urn:ietf:params:xml:ns:netconf:base:1.0",
          "urn:ietf:params:xml:ns:netconf:capability:candidate:1.0",
          "urn:ietf:params:xml:ns:netconf:capability:confirmed-commit:1.0",
          "urn:ietf:params:xml:ns:netconf:capability:validate:1.0",
          JUNOS_CAPABILITY,
          "http://xml.juniper.net/dmi/system/1.0");

  private NetconfConstants() {}

  /** The {@code junos:} namespace that Junos declares on every reply, by release. */
  public static String junosNamespace(String version) {
    String release = version.contains("-") ? version.substring(0, version.indexOf('-')) : version;
    return "http://xml.juniper.net/junos/" + release + "/junos";
  }
}
