package io.switchboard.app;

import static io.switchboard.inventory.vnf.VnfPackageBuilder.aPackage;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.devices.config.SetCommands;
import io.switchboard.devices.vnf.VnfState;
import io.switchboard.inventory.vnf.Day0Parameter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpMethod;

/**
 * A package's day-0 configuration template rendered per instance with its place in the chain,
 * written into an ISO 9660 image put on the simulated NFX250 and attached as the VNF's config
 * drive, so the VNF boots with it; gone again with the VNF. Per-instance day-0 parameters given at
 * instantiation, a secret one among them, rendered into it and again by a heal, the secret in no
 * API answer, process variable or log line.
 */
@ExtendWith(OutputCaptureExtension.class)
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
    // and cloud-init's meta-data beside it: the instance's id and its name as host name
    Map<String, byte[]> drive = ucpe.vnfHost().driveFiles("/var/public/vsrx-1-day0.iso");
    assertThat(drive).containsOnlyKeys("juniper.conf", "meta-data");
    assertThat(new String(drive.get("meta-data"), StandardCharsets.UTF_8))
        .isEqualTo("instance-id: " + instance + "\nlocal-hostname: vsrx-1\n");

    JsonNode terminated = finished(post("/api/v1/vnf-instances/" + instance + "/terminate"));

    assertThat(terminated.get("operationState").asText()).isEqualTo("COMPLETED");
    assertThat(ucpe.runningConfig()).isEqualTo(before);
    assertThat(ucpe.vnfHost().files()).isEmpty();
  }

  static final String SECRET = "s3cr3t-Root-pw!";

  @Test
  void day0ParametersReachTheVnfAHealRendersThemAgainAndTheSecretIsNowhereElse(
      CapturedOutput output) {
    String pkg =
        uploadPackage(
            aPackage("vSRX", "params-" + UUID.randomUUID())
                .day0(
                    "set system host-name {{vnf_name}}-{{site_code}}\n"
                        + "set system root-authentication plain-text-password-value"
                        + " {{root_password}}\n"
                        + "set interfaces ge-0/0/1 mtu {{mtu}}\n")
                .day0Parameter(
                    new Day0Parameter(
                        "site_code", Day0Parameter.Type.STRING, false, true, null, "[A-Z]{3}"))
                .day0Parameter(
                    new Day0Parameter(
                        "root_password", Day0Parameter.Type.STRING, true, true, null, null))
                .day0Parameter(
                    new Day0Parameter(
                        "mtu", Day0Parameter.Type.INTEGER, false, false, "1500", null)));
    String instance = instance(pkg);
    String expected =
        "set system host-name vsrx-1-LYS\n"
            + "set system root-authentication plain-text-password-value "
            + SECRET
            + "\nset interfaces ge-0/0/1 mtu 9000\n";

    JsonNode occ =
        finished(
            call(
                HttpMethod.POST,
                "/api/v1/vnf-instances/" + instance + "/instantiate",
                Map.of(
                    "additionalParams",
                    Map.of("site_code", "LYS", "root_password", SECRET, "mtu", 9000))));

    assertThat(occ.get("operationState").asText()).as(occ.toString()).isEqualTo("COMPLETED");
    assertThat(ucpe.vnfHost().states(ucpe.runningConfiguration()).get(0).day0())
        .isEqualTo(expected);

    // the drive gone from the device: only a render from the stored values can put it back
    ucpe.vnfHost().delete("/var/public/vsrx-1-day0.iso");
    JsonNode healed = finished(post("/api/v1/vnf-instances/" + instance + "/heal"));
    assertThat(healed.get("operationState").asText()).as(healed.toString()).isEqualTo("COMPLETED");
    assertThat(ucpe.vnfHost().states(ucpe.runningConfiguration()).get(0).day0())
        .isEqualTo(expected);

    for (JsonNode o : List.of(occ, healed)) {
      JsonNode operation = get("/api/v1/operations/" + o.get("operationId").asText());
      long key = operation.get("processInstanceKey").asLong();
      List<String> variables =
          camunda
              .newVariableSearchRequest()
              .filter(f -> f.processInstanceKey(key))
              .send()
              .join()
              .items()
              .stream()
              .map(v -> v.getName() + "=" + v.getValue())
              .toList();
      assertThat(variables).isNotEmpty().noneMatch(v -> v.contains(SECRET));
      assertThat(operation.toString()).doesNotContain(SECRET);
      assertThat(get("/api/v1/vnf-lcm-op-occs/" + o.get("id").asText()).toString())
          .doesNotContain(SECRET);
    }
    JsonNode read = get("/api/v1/vnf-instances/" + instance);
    assertThat(read.at("/additionalParams/root_password").asText()).isEqualTo("<hidden>");
    assertThat(read.at("/additionalParams/mtu").asText()).isEqualTo("9000");
    assertThat(read.toString()).doesNotContain(SECRET);
    assertThat(output.getAll()).as("no log line").doesNotContain(SECRET);
  }
}
