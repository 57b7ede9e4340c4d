package io.switchboard.app;

import static io.switchboard.inventory.vnf.VnfPackageBuilder.aPackage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.app.demo.DemoVnf;
import io.switchboard.devices.config.SetCommands;
import io.switchboard.devices.fault.Fault;
import io.switchboard.devices.vnf.VnfState;
import io.switchboard.inventory.tenancy.Tenant;
import io.switchboard.inventory.vnf.VnfPackageBuilder;
import io.switchboard.inventory.vnf.Vnfd;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;

/**
 * VNF on a uCPE end to end: a signed package uploaded over REST, instantiated on a simulated NFX250
 * over real NETCONF (image copied and checked, VNF and chain committed confirmed, boot awaited),
 * then terminated back to the configuration the device had before; and a boot that never finishes
 * rolled back to exactly that configuration, the occurrence carrying the reason.
 */
class VnfEndToEndIT extends VnfEndToEndBase {
  @Test
  void uploadInstantiateRunTerminateBackToTheOriginalConfiguration() {
    String before = ucpe.runningConfig();
    String instance = instance(uploadPackage(), 3001);

    JsonNode occ = finished(post("/api/v1/vnf-instances/" + instance + "/instantiate"));

    assertThat(occ.get("operationState").asText()).as(occ.toString()).isEqualTo("COMPLETED");
    assertThat(get("/api/v1/vnf-instances/" + instance).get("instantiationState").asText())
        .isEqualTo("INSTANTIATED");
    assertThat(ucpe.vnfHost().states(ucpe.runningConfiguration()))
        .singleElement()
        .satisfies(s -> assertThat(s.isUp()).isTrue())
        .extracting(VnfState::name)
        .isEqualTo("vsrx-1");
    assertThat(ucpe.runningConfig())
        .contains("vsrx-1-lan", "vsrx-1-wan", "<members>vsrx-1-lan</members>");
    // the chain: the LAN's VLAN into the VNF, its WAN side on the chosen VLAN, and the host's
    // zone, policy and route that send the traffic through it
    String set = SetCommands.render(ucpe.runningConfiguration());
    assertThat(set)
        .contains(
            "set vmhost vlans vsrx-1-lan vlan-id 20",
            "set vmhost vlans vsrx-1-wan vlan-id 3001",
            "set interfaces irb unit 3001 family inet address 169.254.46.229/30",
            "set security zones security-zone vnf-vsrx-1 interfaces irb.3001",
            "set security policies from-zone vnf-vsrx-1 to-zone untrust policy vnf-vsrx-1-out"
                + " then permit",
            "set routing-options static route 192.168.20.0/24 next-hop 169.254.46.230");
    assertThat(get("/api/v1/vnf-instances/" + instance).get("wanVlan").asInt()).isEqualTo(3001);
    // fetched over HTTP by a signed link, not from the package store's disk
    assertThat(ucpe.vnfHost().files().get("/var/public/vsrx-1.qcow2").source())
        .startsWith("http://localhost:" + PORT + "/vnf-images/")
        .contains("&token=");
    assertThat(get("/api/v1/operations/" + occ.get("operationId").asText()).get("state").asText())
        .isEqualTo("COMPLETED");

    JsonNode terminated = finished(post("/api/v1/vnf-instances/" + instance + "/terminate"));

    assertThat(terminated.get("operationState").asText()).isEqualTo("COMPLETED");
    assertThat(ucpe.runningConfig()).isEqualTo(before);
    assertThat(ucpe.vnfHost().files()).isEmpty();
    JsonNode read = get("/api/v1/vnf-instances/" + instance);
    assertThat(read.get("instantiationState").asText()).isEqualTo("NOT_INSTANTIATED");
    assertThat(read.at("/reservedResources/vcpus").asInt()).isZero();
  }

  @Test
  void aBootThatNeverFinishesIsRolledBackToExactlyTheConfigurationBefore() {
    ucpe.vnfHost().bootNeverFinishes(true);
    String before = ucpe.runningConfig();
    String instance = instance(uploadPackage());

    JsonNode occ = finished(post("/api/v1/vnf-instances/" + instance + "/instantiate"));

    assertThat(occ.get("operationState").asText()).as(occ.toString()).isEqualTo("ROLLED_BACK");
    assertThat(occ.at("/error/detail").asText()).contains("did not boot within PT5S");
    assertThat(ucpe.runningConfig()).isEqualTo(before);
    assertThat(ucpe.vnfHost().files()).isEmpty();
    JsonNode operation = get("/api/v1/operations/" + occ.get("operationId").asText());
    assertThat(operation.get("state").asText()).isEqualTo("FAILED");
    assertThat(operation.get("error").asText()).contains("did not boot");
    assertThat(get("/api/v1/vnf-instances/" + instance).at("/reservedResources/vcpus").asInt())
        .isZero();
  }

  @Test
  void shortResourcesAreRefusedCleanlyNamingWhatIsMissing() {
    ucpe.vnfHost().resourcesShort(true);
    String before = ucpe.runningConfig();
    Vnfd.Flavour big =
        new Vnfd.Flavour("small", 4, 8192, 0, VnfPackageBuilder.smallFlavour("x").interfaces());
    String instance =
        instance(uploadPackage(aPackage("vSRX", "big-" + UUID.randomUUID()).flavour(big)));

    JsonNode occ = finished(post("/api/v1/vnf-instances/" + instance + "/instantiate"));

    assertThat(occ.get("operationState").asText()).as(occ.toString()).isEqualTo("ROLLED_BACK");
    assertThat(occ.at("/error/detail").asText()).contains("resources short", "needs 4 vCPUs");
    assertThat(ucpe.runningConfig()).isEqualTo(before);
    assertThat(ucpe.vnfHost().files()).isEmpty();
  }

  @Test
  void anUnreachableDeviceLeavesItFailedTempAndRollbackUndoesEveryStepDone() {
    String before = ucpe.runningConfig();
    String instance = instance(uploadPackage());
    JsonNode occ =
        unreachableWhileBooting(post("/api/v1/vnf-instances/" + instance + "/instantiate"));
    assertThat(occ.at("/_links/rollback/href").asText()).endsWith("/rollback");
    ucpe.clearFault(Fault.UNREACHABLE);

    JsonNode answer = post("/api/v1/vnf-lcm-op-occs/" + occ.get("id").asText() + "/rollback");

    assertThat(answer.get("operationState").asText()).isEqualTo("ROLLING_BACK");
    JsonNode rolledBack = ended(answer);
    assertThat(rolledBack.get("operationState").asText())
        .as(rolledBack.toString())
        .isEqualTo("ROLLED_BACK");
    assertThat(rolledBack.at("/error/detail").asText())
        .contains("rollback requested by admin after: ")
        .containsIgnoringCase("connect");
    assertThat(rolledBack.has("_links") && rolledBack.get("_links").has("rollback")).isFalse();
    assertThat(ucpe.runningConfig()).isEqualTo(before);
    assertThat(ucpe.vnfHost().files()).isEmpty();
    JsonNode read = get("/api/v1/vnf-instances/" + instance);
    assertThat(read.get("instantiationState").asText()).isEqualTo("NOT_INSTANTIATED");
    assertThat(read.at("/reservedResources/vcpus").asInt()).isZero();
    assertThat(get("/api/v1/operations/" + occ.get("operationId").asText()).get("state").asText())
        .isEqualTo("FAILED");
  }

  @Test
  void failEndsAFailedTempOccurrenceFailedWhereItStandsWithNothingUndone() {
    String instance = instance(uploadPackage());
    JsonNode occ =
        unreachableWhileBooting(post("/api/v1/vnf-instances/" + instance + "/instantiate"));
    ucpe.clearFault(Fault.UNREACHABLE);

    JsonNode failed = post("/api/v1/vnf-lcm-op-occs/" + occ.get("id").asText() + "/fail");

    assertThat(failed.get("operationState").asText()).isEqualTo("FAILED");
    assertThat(failed.at("/error/detail").asText()).isNotBlank();
    JsonNode read = get("/api/v1/vnf-lcm-op-occs/" + occ.get("id").asText());
    assertThat(read.get("operationState").asText()).isEqualTo("FAILED");
    assertThat(read.get("_links").has("retry")).isFalse();
    assertThat(get("/api/v1/operations/" + occ.get("operationId").asText()).get("state").asText())
        .isEqualTo("CANCELLED");
    // SOL003 fail: the process stops where it is; what it configured stays on the device
    assertThat(ucpe.runningConfig()).contains("vsrx-1-lan");
    assertThat(ucpe.vnfHost().files()).containsKey("/var/public/vsrx-1.qcow2");
    assertThat(get("/api/v1/vnf-instances/" + instance).get("instantiationState").asText())
        .isEqualTo("NOT_INSTANTIATED");
    assertThat(
            status(HttpMethod.POST, "/api/v1/vnf-lcm-op-occs/" + occ.get("id").asText() + "/retry"))
        .isEqualTo(409);
  }

  @Test
  void healPutsBackAMissingImageAndRestartsACrashedVnf() {
    String instance = instance(uploadPackage());
    assertThat(
            finished(post("/api/v1/vnf-instances/" + instance + "/instantiate"))
                .get("operationState")
                .asText())
        .isEqualTo("COMPLETED");
    String configured = ucpe.runningConfig();
    ucpe.vnfHost().delete("/var/public/vsrx-1.qcow2");
    ucpe.vnfHost().crash("vsrx-1");
    assertThat(ucpe.vnfHost().states(ucpe.runningConfiguration()).get(0).status())
        .isEqualTo("Crashed");

    JsonNode accepted =
        call(
            HttpMethod.POST,
            "/api/v1/vnf-instances/" + instance + "/heal",
            Map.of("cause", "VNF crashed"));
    JsonNode healed = finished(accepted);

    assertThat(healed.get("operation").asText()).isEqualTo("HEAL");
    assertThat(healed.get("operationState").asText()).as(healed.toString()).isEqualTo("COMPLETED");
    assertThat(ucpe.vnfHost().states(ucpe.runningConfiguration()))
        .singleElement()
        .satisfies(s -> assertThat(s.isUp()).isTrue());
    assertThat(ucpe.vnfHost().files()).containsKey("/var/public/vsrx-1.qcow2");
    assertThat(ucpe.runningConfig()).as("nothing was missing").isEqualTo(configured);
    assertThat(get("/api/v1/vnf-instances/" + instance).get("instantiationState").asText())
        .isEqualTo("INSTANTIATED");
    assertThat(get("/api/v1/operations/" + healed.get("operationId").asText()).get("type").asText())
        .isEqualTo("vnf-heal");
  }

  @Test
  void aHealThatCannotBootIsFailedTempWithTheReasonAndRollbackEndsItLeavingTheVnf() {
    String instance = instance(uploadPackage());
    finished(post("/api/v1/vnf-instances/" + instance + "/instantiate"));
    String configured = ucpe.runningConfig();
    ucpe.vnfHost().bootNeverFinishes(true);

    JsonNode occ = finished(post("/api/v1/vnf-instances/" + instance + "/heal"));

    assertThat(occ.get("operationState").asText()).as(occ.toString()).isEqualTo("FAILED_TEMP");
    assertThat(occ.at("/error/detail").asText()).contains("did not boot within");
    JsonNode rolledBack =
        ended(post("/api/v1/vnf-lcm-op-occs/" + occ.get("id").asText() + "/rollback"));
    assertThat(rolledBack.get("operationState").asText()).isEqualTo("ROLLED_BACK");
    assertThat(ucpe.runningConfig()).isEqualTo(configured);
    JsonNode read = get("/api/v1/vnf-instances/" + instance);
    assertThat(read.get("instantiationState").asText()).isEqualTo("INSTANTIATED");
    assertThat(read.at("/reservedResources/vcpus").asInt()).isPositive();
  }

  @Test
  void theDemoPlacesItsSignedVsrxOnItsNfxAndHealsItOntoTheFreshSimulatorOfTheNextStart() {
    if (tenants.findAll().stream().noneMatch(t -> t.getName().equals(DemoVnf.TENANT))) {
      tenants.save(new Tenant(null, DemoVnf.TENANT, "demo customer"));
    }
    JsonNode first = demoRun();
    assertThat(first.get("operation").asText()).isEqualTo("INSTANTIATE");
    assertThat(first.get("operationState").asText()).as(first.toString()).isEqualTo("COMPLETED");

    JsonNode next = demoRun();

    assertThat(next.get("operation").asText()).isEqualTo("HEAL");
    assertThat(next.get("operationState").asText()).as(next.toString()).isEqualTo("COMPLETED");
  }

  /** One start of the demo's uCPE: its newest occurrence once it has ended. */
  JsonNode demoRun() {
    DemoVnf demo = beans.createBean(DemoVnf.class);
    try {
      demo.run(null);
      String instance =
          await()
              .atMost(Duration.ofSeconds(30))
              .until(
                  () ->
                      java.util.stream.StreamSupport.stream(
                              get("/api/v1/vnf-instances?size=100").get("items").spliterator(),
                              false)
                          .filter(i -> DemoVnf.INSTANCE.equals(i.get("name").asText()))
                          .map(i -> i.get("id").asText())
                          .findFirst()
                          .orElse(null),
                  id -> id != null);
      JsonNode newest =
          await()
              .atMost(Duration.ofSeconds(30))
              .until(
                  () -> get("/api/v1/vnf-lcm-op-occs?vnfInstanceId=" + instance).get("items"),
                  items -> items.size() > 0)
              .get(0);
      return ended(newest);
    } finally {
      demo.close();
    }
  }

  /**
   * The device stops answering once the VNF is configured (while the process waits for its boot):
   * the step's retries run out and the occurrence is FAILED_TEMP, its error the connection failure.
   */
  JsonNode unreachableWhileBooting(JsonNode accepted) {
    ucpe.vnfHost().bootNeverFinishes(true);
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(20))
        .until(() -> ucpe.runningConfig().contains("vsrx-1-lan"));
    ucpe.injectFault(Fault.UNREACHABLE);
    JsonNode occ = finished(accepted);
    assertThat(occ.get("operationState").asText()).as(occ.toString()).isEqualTo("FAILED_TEMP");
    return occ;
  }
}
