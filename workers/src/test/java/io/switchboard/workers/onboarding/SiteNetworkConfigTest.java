package io.switchboard.workers.onboarding;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.inventory.sdwan.AccessType;
import io.switchboard.inventory.sdwan.Addressing;
import io.switchboard.inventory.sdwan.LanSegment;
import io.switchboard.inventory.sdwan.WanLink;
import io.switchboard.workers.device.ConfigTemplates;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A site's WAN links and LAN segments rendered from the real templates. */
class SiteNetworkConfigTest {
  private final ConfigTemplates templates = new ConfigTemplates();
  private final SiteNetworkConfig network = new SiteNetworkConfig(templates);
  private final Map<String, String> site =
      Map.of("hostName", "lyon", "siteName", "lyon", "siteType", "BRANCH", "serialNumber", "S1");

  private static WanLink link(String itf, Addressing addressing, int priority) {
    WanLink link = new WanLink("t", "s", itf);
    link.setAccessType(AccessType.INTERNET);
    link.setAddressing(addressing);
    link.setPriority(priority);
    return link;
  }

  private static LanSegment segment(String name, Integer vlan, String prefix, boolean dhcp) {
    LanSegment segment = new LanSegment("t", "s", name, prefix);
    segment.setVlanId(vlan);
    segment.setDhcp(dhcp);
    return segment;
  }

  @Test
  void staticLinksRouteByDefaultOverTheirGatewayInPriorityOrderAndDhcpLinksLearnTheirAddress() {
    WanLink mpls = link("ge-0/0/2", Addressing.STATIC, 2);
    mpls.setAddress("198.51.100.2/30");
    mpls.setGateway("198.51.100.1");
    mpls.setPathLabel("mpls");
    WanLink internet = link("ge-0/0/0", Addressing.STATIC, 1);
    internet.setAddress("203.0.113.10/29");
    internet.setGateway("203.0.113.9");
    WanLink lte = link("ge-0/0/3", Addressing.DHCP, 3);
    lte.setAccessType(AccessType.LTE);

    assertThat(network.wan(List.of(mpls, lte, internet), site).split("\n"))
        .containsExactly(
            "set interfaces ge-0/0/0 description wan-internet",
            "set interfaces ge-0/0/0 unit 0 family inet address 203.0.113.10/29",
            "set routing-options static route 0.0.0.0/0 next-hop 203.0.113.9",
            "set interfaces ge-0/0/2 description wan-mpls",
            "set interfaces ge-0/0/2 unit 0 family inet address 198.51.100.2/30",
            "set routing-options static route 0.0.0.0/0 qualified-next-hop 198.51.100.1"
                + " preference 6",
            "set interfaces ge-0/0/3 description wan-lte",
            "set interfaces ge-0/0/3 unit 0 family inet dhcp");
  }

  @Test
  void lanSegmentsAreVlanUnitsWithTheirGatewayAndADhcpServerWhereItIsOn() {
    String lan =
        network.lan(
            List.of(
                segment("voice phones", 20, "10.1.20.0/24", false),
                segment("users", 10, "10.1.10.0/24", true)),
            site);
    assertThat(lan.split("\n"))
        .containsExactly(
            "set interfaces ge-0/0/1 description lan-lyon",
            "set interfaces ge-0/0/1 vlan-tagging",
            "set interfaces ge-0/0/1 unit 10 description users",
            "set interfaces ge-0/0/1 unit 10 vlan-id 10",
            "set interfaces ge-0/0/1 unit 10 family inet address 10.1.10.1/24",
            "set access address-assignment pool lan-users family inet network 10.1.10.0/24",
            "set access address-assignment pool lan-users family inet range lan-users low"
                + " 10.1.10.2",
            "set access address-assignment pool lan-users family inet range lan-users high"
                + " 10.1.10.254",
            "set access address-assignment pool lan-users family inet dhcp-attributes router"
                + " 10.1.10.1",
            "set system services dhcp-local-server group lan-users interface ge-0/0/1.10",
            "set security zones security-zone trust interfaces ge-0/0/1.10 host-inbound-traffic"
                + " system-services dhcp",
            "set interfaces ge-0/0/1 unit 20 description voice-phones",
            "set interfaces ge-0/0/1 unit 20 vlan-id 20",
            "set interfaces ge-0/0/1 unit 20 family inet address 10.1.20.1/24");
  }

  @Test
  void anUntaggedSegmentBesideTaggedOnesIsTheNativeVlanOnUnitZero() {
    String lan =
        network.lan(
            List.of(
                segment("office", null, "192.168.5.0/24", false),
                segment("guests", 30, "10.30.0.0/25", false)),
            site);
    assertThat(lan.split("\n"))
        .containsExactly(
            "set interfaces ge-0/0/1 description lan-lyon",
            "set interfaces ge-0/0/1 flexible-vlan-tagging",
            "set interfaces ge-0/0/1 native-vlan-id 1",
            "set interfaces ge-0/0/1 unit 0 description office",
            "set interfaces ge-0/0/1 unit 0 vlan-id 1",
            "set interfaces ge-0/0/1 unit 0 family inet address 192.168.5.1/24",
            "set interfaces ge-0/0/1 unit 30 description guests",
            "set interfaces ge-0/0/1 unit 30 vlan-id 30",
            "set interfaces ge-0/0/1 unit 30 family inet address 10.30.0.1/25");
  }

  @Test
  void aSiteWithoutLinksOrSegmentsKeepsTheDefaultUplinkAndLan() {
    String config =
        templates.site(
            "default",
            Map.of(
                "hostName", "lyon",
                "siteName", "lyon",
                "siteType", "BRANCH",
                "serialNumber", "S1",
                "wan", network.wan(List.of(), site),
                "lan", network.lan(List.of(), site)));
    assertThat(config.split("\n"))
        .containsExactly(
            "set system host-name lyon",
            "set interfaces ge-0/0/0 description wan-uplink-BRANCH",
            "set interfaces ge-0/0/0 unit 0 family inet dhcp",
            "set interfaces ge-0/0/1 description lan-lyon",
            "set interfaces ge-0/0/1 unit 0 family inet address 192.168.1.1/24");
  }
}
