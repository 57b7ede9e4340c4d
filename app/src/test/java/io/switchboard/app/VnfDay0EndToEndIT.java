package io.switchboard.app;

import static io.switchboard.inventory.vnf.VnfPackageBuilder.aPackage;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.devices.config.SetCommands;
import io.switchboard.devices.vnf.VnfState;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A package's day-0 configuration template rendered per instance with its place in the chain,
 * written into an ISO 9660 image put on the simulated NFX250 and attached as the VNF's config
 * drive, so the VNF boots with it; gone again with the VNF.
 */
class VnfDay0EndToEndIT extends VnfEndToEndBase {
  static final String TEMPLATE =
      "set system host-name {{vnf_name}}\n"
          + "set interfaces ge-0/0/1 unit 0 family inet address {{wan_address}}/{{wan_prefix_length}}\n"
          + "set routing-options static route 0.0.0.0/0 next-hop {{wan_gateway}}\n"
          + "set security zones security-zone trust interfaces ge-0/0/0.{{lan_vlan}}\n"
          + "# LAN {{lan_prefix}}\n";

  @Test
  void theVnfBootsWithItsOwnRenderedDay0ConfigurationAndTerminationTakesItAway() {
    String before = ucpe.runningConfig();
    String instance =
        instance(uploadPackage(aPackage("vSRX", "day0-" + UUID.randomUUID()).day0(TEMPLATE)), 3001);

    JsonNode occ = finished(post("/api/v1/vnf-instances/" + instance + "/instantiate"));

    assertThat(occ.get("operationState").asText()).as(occ.toString()).isEqualTo("COMPLETED");
    VnfState vnf = ucpe.vnfHost().states(ucpe.runningConfiguration()).get(0);
    assertThat(vnf.isUp()).isTrue();
    assertThat(vnf.day0())
        .isEqualTo(
            "set system host-name vsrx-1\n"
                + "set interfaces ge-0/0/1 unit 0 family inet address 169.254.46.230/30\n"
                + "set routing-options static route 0.0.0.0/0 next-hop 169.254.46.229\n"
                + "set security zones security-zone trust interfaces ge-0/0/0.20\n"
                + "# LAN 192.168.20.0/24\n");
    assertThat(SetCommands.render(ucpe.runningConfiguration()))
        .contains(
            "set virtual-network-functions vsrx-1 storage hdc type cdrom source file"
                + " /var/public/vsrx-1-day0.iso");
    // the drive is an ISO 9660 image (the simulator refuses any other) holding the file by the
    // name the VNFD gives it
    assertThat(ucpe.vnfHost().driveFiles("/var/public/vsrx-1-day0.iso"))
        .containsOnlyKeys("juniper.conf");

    JsonNode terminated = finished(post("/api/v1/vnf-instances/" + instance + "/terminate"));

    assertThat(terminated.get("operationState").asText()).isEqualTo("COMPLETED");
    assertThat(ucpe.runningConfig()).isEqualTo(before);
    assertThat(ucpe.vnfHost().files()).isEmpty();
  }
}
