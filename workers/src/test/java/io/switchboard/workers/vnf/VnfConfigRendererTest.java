package io.switchboard.workers.vnf;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.inventory.vnf.VnfPackageBuilder;
import io.switchboard.inventory.vnf.Vnfd;
import java.util.List;
import org.junit.jupiter.api.Test;

class VnfConfigRendererTest {
  static final List<String> ROOTS = VnfConfigRenderer.ownedRoots("vsrx-1", 4001, "");

  static VnfConfigRenderer.Chain chain(String prefix) {
    return new VnfConfigRenderer.Chain(
        "vsrx-1",
        VnfPackageBuilder.smallFlavour("small"),
        "/var/public/vsrx-1.qcow2",
        10,
        4001,
        prefix,
        "untrust",
        null);
  }

  @Test
  void rendersTheVnfItsVlansAndTheChain() {
    String set = VnfConfigRenderer.render(chain("192.168.10.0/24"));
    assertThat(set)
        .contains(
            "set vmhost vlans vsrx-1-lan vlan-id 10\n",
            "set virtual-network-functions vsrx-1 image /var/public/vsrx-1.qcow2 image-type qcow2\n",
            "set virtual-network-functions vsrx-1 virtual-cpu count 2\n",
            "set virtual-network-functions vsrx-1 memory size 4194304\n",
            "set virtual-network-functions vsrx-1 interfaces eth1 mapping vlan members vsrx-1-lan\n",
            "set virtual-network-functions vsrx-1 interfaces eth2 mapping vlan members vsrx-1-wan\n")
        .doesNotContain("hugepages", "eth0");
  }

  @Test
  void theHostSendsTheLanThroughTheVnfOnATransitLinkInAZoneOfItsOwn() {
    assertThat(VnfConfigRenderer.render(chain("192.168.10.0/24")))
        .contains(
            "set interfaces irb unit 4001 family inet address 169.254.62.133/30\n",
            "set security zones security-zone vnf-vsrx-1 interfaces irb.4001"
                + " host-inbound-traffic system-services ping\n",
            "set security policies from-zone vnf-vsrx-1 to-zone untrust policy vnf-vsrx-1-out"
                + " then permit\n",
            "set routing-options static route 192.168.10.0/24 next-hop 169.254.62.134\n");
    assertThat(VnfConfigRenderer.render(chain(null))).doesNotContain("routing-options");
  }

  @Test
  void everyWanVlanHasATransitLinkOfItsOwn() {
    assertThat(VnfConfigRenderer.transit(4001))
        .isEqualTo(new VnfConfigRenderer.Transit("169.254.62.133", "169.254.62.134"));
    assertThat(VnfConfigRenderer.transit(4002).host()).isEqualTo("169.254.62.137");
    assertThat(VnfConfigRenderer.transit(1).host()).isEqualTo("169.254.0.5");
    assertThat(VnfConfigRenderer.transit(4094).vnf()).isEqualTo("169.254.63.250");
  }

  @Test
  void removingTheChainLeavesTheHostsOwnZonesInterfacesAndRoutes() {
    String before =
        "set interfaces ge-0/0/0 unit 0 family inet dhcp\n"
            + "set security zones security-zone untrust interfaces ge-0/0/0.0\n"
            + "set routing-options static route 10.9.0.0/16 next-hop 192.0.2.1\n";
    String committed =
        before
            + VnfConfigRenderer.render(chain("192.168.10.0/24"))
                .replace(
                    "set routing-options static route 192.168.10.0/24",
                    "set routing-options static route 192.168.99.0/24");
    assertThat(
            VnfConfigRenderer.removal(
                committed, VnfConfigRenderer.ownedRoots("vsrx-1", 4001, committed)))
        .isEqualTo(
            "delete vmhost\n"
                + "delete virtual-network-functions\n"
                + "delete interfaces irb\n"
                + "delete security zones security-zone vnf-vsrx-1\n"
                + "delete security policies\n"
                + "delete routing-options static route 192.168.99.0/24\n");
  }

  @Test
  void aChainIsWholeOnlyWithEveryPartItOwns() {
    String committed = VnfConfigRenderer.render(chain("192.168.10.0/24"));
    assertThat(VnfConfigRenderer.isWhole(committed, chain("192.168.10.0/24"))).isTrue();
    assertThat(
            VnfConfigRenderer.isWhole(
                committed.replaceAll("(?m)^set security zones.*\n", ""), chain("192.168.10.0/24")))
        .isFalse();
    assertThat(VnfConfigRenderer.isWhole(committed, chain("192.168.77.0/24"))).isFalse();
  }

  @Test
  void hugepagesFlavoursAskForThem() {
    Vnfd.Flavour large =
        new Vnfd.Flavour("large", 4, 8192, 2048, VnfPackageBuilder.smallFlavour("x").interfaces());
    assertThat(
            VnfConfigRenderer.render(
                new VnfConfigRenderer.Chain(
                    "v", large, "/var/public/v.qcow2", 1, 2, null, "untrust", null)))
        .contains("memory size 2097152\n", "memory features hugepages\n");
  }

  @Test
  void aContainerTheVnfAloneUsesGoesWithIt() {
    String committed =
        "set system host-name ucpe\n"
            + "set vmhost vlans vsrx-1-lan vlan-id 10\n"
            + "set vmhost vlans vsrx-1-wan vlan-id 4001\n"
            + "set virtual-network-functions vsrx-1 virtual-cpu count 2\n";
    assertThat(VnfConfigRenderer.removal(committed, ROOTS))
        .isEqualTo("delete vmhost\ndelete virtual-network-functions\n");
  }

  @Test
  void sharedContainersStayAndOnlyTheVnfsStatementsGo() {
    String committed =
        "set vmhost vlans other-lan vlan-id 20\n"
            + "set vmhost vlans vsrx-1-lan vlan-id 10\n"
            + "set virtual-network-functions other image /var/public/o.qcow2 image-type qcow2\n"
            + "set virtual-network-functions vsrx-1 virtual-cpu count 2\n";
    assertThat(VnfConfigRenderer.removal(committed, ROOTS))
        .isEqualTo("delete vmhost vlans vsrx-1-lan\ndelete virtual-network-functions vsrx-1\n");
  }

  @Test
  void nothingToRemoveIsNoChange() {
    assertThat(VnfConfigRenderer.removal("set system host-name ucpe\n", ROOTS)).isEmpty();
  }

  @Test
  void whatAHealCommitsIsWhatWasMissingAndItsRemovalLeavesTheRestAsItWas() {
    String whole = VnfConfigRenderer.render(chain("192.168.10.0/24"));
    String withoutDefinition =
        "set system host-name ucpe\n"
            + whole
                .lines()
                .filter(l -> !l.startsWith("set virtual-network-functions"))
                .map(l -> l + "\n")
                .reduce("", String::concat);

    List<String> added = VnfConfigRenderer.absentFrom(withoutDefinition, whole);

    assertThat(added)
        .isNotEmpty()
        .allMatch(l -> l.startsWith("set virtual-network-functions vsrx-1 "))
        .contains("set virtual-network-functions vsrx-1 virtual-cpu count 2");
    assertThat(VnfConfigRenderer.absentFrom(whole, whole)).isEmpty();
    List<String> roots = added.stream().map(l -> l.substring(4)).toList();
    assertThat(VnfConfigRenderer.removal("set system host-name ucpe\n" + whole, roots))
        .isEqualTo("delete virtual-network-functions\n");
    assertThat(VnfConfigRenderer.removal(withoutDefinition, roots)).isEmpty();
  }

  @Test
  void aDay0ConfigurationIsAttachedAsTheVnfsConfigDriveAndFilledWithItsAddresses() {
    VnfConfigRenderer.Chain base = chain("192.168.10.0/24");
    VnfConfigRenderer.Chain withDay0 =
        new VnfConfigRenderer.Chain(
            base.name(),
            base.flavour(),
            base.imagePath(),
            base.lanVlan(),
            base.wanVlan(),
            base.lanPrefix(),
            base.wanZone(),
            VnfConfigRenderer.day0Path("vsrx-1"));

    assertThat(VnfConfigRenderer.render(withDay0))
        .contains(
            "set virtual-network-functions vsrx-1 storage hdc type cdrom source file"
                + " /var/public/vsrx-1-day0.iso\n");
    assertThat(VnfConfigRenderer.render(base)).doesNotContain("storage");
    assertThat(VnfConfigRenderer.day0Values(base))
        .containsEntry("vnf_name", "vsrx-1")
        .containsEntry("wan_address", "169.254.62.134")
        .containsEntry("wan_gateway", "169.254.62.133")
        .containsEntry("wan_prefix_length", "30")
        .containsEntry("wan_vlan", "4001")
        .containsEntry("lan_vlan", "10")
        .containsEntry("lan_prefix", "192.168.10.0/24");
    assertThat(VnfConfigRenderer.day0Values(chain(null))).doesNotContainKey("lan_prefix");
  }
}
