package io.switchboard.workers.vnf;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.inventory.vnf.VnfPackageBuilder;
import io.switchboard.inventory.vnf.Vnfd;
import java.util.List;
import org.junit.jupiter.api.Test;

class VnfConfigRendererTest {
  static final List<String> ROOTS = VnfConfigRenderer.ownedRoots("vsrx-1");

  @Test
  void rendersTheVnfItsVlansAndTheChain() {
    String set =
        VnfConfigRenderer.render(
            new VnfConfigRenderer.Chain(
                "vsrx-1",
                VnfPackageBuilder.smallFlavour("small"),
                "/var/public/vsrx-1.qcow2",
                10,
                4001));
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
  void hugepagesFlavoursAskForThem() {
    Vnfd.Flavour large =
        new Vnfd.Flavour("large", 4, 8192, 2048, VnfPackageBuilder.smallFlavour("x").interfaces());
    assertThat(
            VnfConfigRenderer.render(
                new VnfConfigRenderer.Chain("v", large, "/var/public/v.qcow2", 1, 2)))
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
}
