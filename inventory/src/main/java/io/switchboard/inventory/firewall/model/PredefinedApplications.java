package io.switchboard.inventory.firewall.model;

import java.util.Map;
import java.util.Optional;

/**
 * The Junos predefined applications Switchboard knows by name (the device defines them; they are
 * never rendered), with the protocol and port the analysis needs.
 */
public final class PredefinedApplications {
  private static final Map<String, ApplicationDef> KNOWN =
      Map.ofEntries(
          entry("junos-http", "tcp", "80"),
          entry("junos-https", "tcp", "443"),
          entry("junos-ssh", "tcp", "22"),
          entry("junos-telnet", "tcp", "23"),
          entry("junos-ftp", "tcp", "21"),
          entry("junos-smtp", "tcp", "25"),
          entry("junos-dns-udp", "udp", "53"),
          entry("junos-dns-tcp", "tcp", "53"),
          entry("junos-ntp", "udp", "123"),
          entry("junos-snmp-agentx", "tcp", "705"),
          entry("junos-ldap", "tcp", "389"),
          entry("junos-imap", "tcp", "143"),
          entry("junos-pop3", "tcp", "110"),
          entry("junos-sip", "udp", "5060"),
          entry("junos-ms-sql", "tcp", "1433"),
          entry("junos-syslog", "udp", "514"),
          entry("junos-bgp", "tcp", "179"),
          entry("junos-ping", "icmp", null),
          entry("junos-icmp-all", "icmp", null));

  private PredefinedApplications() {}

  private static Map.Entry<String, ApplicationDef> entry(String name, String proto, String port) {
    return Map.entry(name, new ApplicationDef(name, proto, port));
  }

  public static boolean isPredefined(String name) {
    return KNOWN.containsKey(name);
  }

  public static Optional<ApplicationDef> find(String name) {
    return Optional.ofNullable(KNOWN.get(name));
  }
}
