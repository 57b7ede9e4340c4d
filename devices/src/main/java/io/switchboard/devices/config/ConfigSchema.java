package io.switchboard.devices.config;

import java.util.Map;
import java.util.Set;

/**
 * Just enough of the Junos schema to map set commands and curly-brace text onto XML without the
 * real YANG: which statements are keyed lists, which plural containers hold keyed entries, and
 * which statements are containers even when a single word follows them.
 */
final class ConfigSchema {

  /** {@code interfaces ge-0/0/0} is {@code <interfaces><interface><name>ge-0/0/0</name>}. */
  static final Map<String, String> PLURALS =
      Map.of(
          "interfaces", "interface",
          "routing-instances", "instance",
          "vlans", "vlan");

  /** {@code unit 0} is {@code <unit><name>0</name>}. */
  static final Set<String> LISTS =
      Set.of(
          "unit",
          "address",
          "security-zone",
          "functional-zone",
          "gateway",
          "vpn",
          "policy",
          "proposal",
          "term",
          "route",
          // a static route's next hops: several per route, as on Junos
          "next-hop",
          "qualified-next-hop",
          "rule",
          "rule-set",
          "pool",
          "user",
          "name-server",
          "server",
          "host",
          "group",
          "neighbor",
          "prefix-list",
          "policy-statement",
          "address-book",
          "address-set",
          "profile",
          "probe",
          "test",
          "sla-options",
          "from-zone",
          "to-zone",
          "virtual-network-functions",
          "image",
          // a VNF's drives: storage hdc type cdrom source file PATH (its day-0 configuration)
          "storage",
          // firewall: address ranges, multi-valued policy matches, applications and their sets
          "range-address",
          "source-address",
          "destination-address",
          "application",
          "application-set");

  /** Statements that open a container even when only one word follows. */
  static final Set<String> CONTAINERS =
      Set.of(
          "system",
          "services",
          "netconf",
          "security",
          "ike",
          "ipsec",
          "zones",
          "policies",
          "family",
          "inet",
          "inet6",
          "routing-options",
          "static",
          "protocols",
          "login",
          "tunnel",
          "host-inbound-traffic",
          "system-services",
          "match",
          "then",
          "nat",
          "authentication",
          "syslog",
          "applications",
          "log",
          // holds the flag probe-idle-tunnel beside interval and threshold
          "dead-peer-detection");

  private ConfigSchema() {}
}
