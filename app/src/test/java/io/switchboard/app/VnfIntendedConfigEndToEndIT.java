package io.switchboard.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.devices.config.SetCommands;
import io.switchboard.devices.fault.Fault;
import io.switchboard.inventory.compliance.IntendedConfig;
import io.switchboard.inventory.compliance.IntendedConfigRecorder;
import io.switchboard.workers.vnf.VnfIntendedBackfill;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;

/**
 * A VNF's configuration as the uCPE's intended configuration, through the compliance API and the
 * real processes: recorded when an instantiation or a heal confirms it, removed by termination,
 * never by a rolled-back instantiation; drift in its statements found in {@code vnf} and reverted.
 * And a heal that finds the VNF's definition gone: committed confirmed and confirmed after the
 * health check, or undone when the VNF does not come up.
 */
class VnfIntendedConfigEndToEndIT extends VnfEndToEndBase {
  @Autowired IntendedConfigRecorder intended;
  @Autowired VnfIntendedBackfill backfill;

  @Test
  void theVnfIsIntendedItsDriftIsFoundAndRevertedAndTerminationRemovesIt() {
    // the device was never onboarded: what it runs now becomes intended, as a baseline would
    assertThat(reconcile("ADOPT").get("state").asText()).isEqualTo("COMPLETED");
    String instance = instance(uploadPackage());
    JsonNode occ = finished(post("/api/v1/vnf-instances/" + instance + "/instantiate"));
    assertThat(occ.get("operationState").asText()).as(occ.toString()).isEqualTo("COMPLETED");

    JsonNode clean = check();
    assertThat(clean.get("status").asText()).as(clean.toString()).isEqualTo("IN_SYNC");
    assertThat(EndToEndApi.feature(clean, "vnf").get("inSync").asBoolean()).isTrue();
    IntendedConfig part = vnfPart(instance).orElseThrow();
    assertThat(part.getOperationId()).isEqualTo(occ.get("operationId").asText());
    assertThat(part.getSetLines())
        .contains("set virtual-network-functions vsrx-1 virtual-cpu count 2");

    ucpe.changeOutOfBand(
        "carol", "set virtual-network-functions vsrx-1 virtual-cpu count 1", "one is enough");
    JsonNode drift = check();
    assertThat(drift.get("status").asText()).isEqualTo("OUT_OF_SYNC");
    assertThat(drift.at("/lastCommit/user").asText()).isEqualTo("carol");
    JsonNode vnf = EndToEndApi.feature(drift, "vnf");
    assertThat(EndToEndApi.texts(vnf.get("missing")))
        .containsExactly("set virtual-network-functions vsrx-1 virtual-cpu count 2");
    assertThat(EndToEndApi.texts(vnf.get("extra")))
        .containsExactly("set virtual-network-functions vsrx-1 virtual-cpu count 1");
    JsonNode writer = vnf.get("lastWrittenBy").get(0);
    assertThat(writer.get("part").asText()).isEqualTo("vnf-" + instance);
    assertThat(writer.get("operationId").asText()).isEqualTo(occ.get("operationId").asText());
    assertThat(EndToEndApi.feature(drift, "system").get("inSync").asBoolean()).isTrue();

    assertThat(reconcile("REVERT").get("state").asText()).isEqualTo("COMPLETED");
    assertThat(SetCommands.render(ucpe.runningConfiguration()))
        .contains("set virtual-network-functions vsrx-1 virtual-cpu count 2")
        .doesNotContain("virtual-cpu count 1");
    assertThat(check().get("status").asText()).isEqualTo("IN_SYNC");

    JsonNode terminated = finished(post("/api/v1/vnf-instances/" + instance + "/terminate"));
    assertThat(terminated.get("operationState").asText()).isEqualTo("COMPLETED");
    assertThat(vnfPart(instance)).isEmpty();
    JsonNode after = check();
    assertThat(after.get("status").asText()).as(after.toString()).isEqualTo("IN_SYNC");
  }

  @Test
  void anInstanceInstantiatedBeforeItsPartWasRecordedGetsItFromItsInstantiation() {
    assertThat(reconcile("ADOPT").get("state").asText()).isEqualTo("COMPLETED");
    String instance = instance(uploadPackage());
    JsonNode occ = finished(post("/api/v1/vnf-instances/" + instance + "/instantiate"));
    assertThat(occ.get("operationState").asText()).as(occ.toString()).isEqualTo("COMPLETED");
    // as an instance instantiated before issue 16 is: configured, but no part of the intent
    intended.removed(device, "vnf-" + instance);
    JsonNode unrecorded = check();
    assertThat(EndToEndApi.texts(EndToEndApi.feature(unrecorded, "vnf").get("extra")))
        .as(unrecorded.toString())
        .contains("set virtual-network-functions vsrx-1 virtual-cpu count 2");

    assertThat(backfill.recordMissing()).contains(instance);

    IntendedConfig part = vnfPart(instance).orElseThrow();
    assertThat(part.getOperationId()).isEqualTo(occ.get("operationId").asText());
    assertThat(part.getProcessInstanceKey())
        .isEqualTo(
            get("/api/v1/operations/" + occ.get("operationId").asText())
                .get("processInstanceKey")
                .asLong());
    assertThat(part.getSetLines())
        .contains("set virtual-network-functions vsrx-1 virtual-cpu count 2");
    JsonNode recorded = check();
    assertThat(recorded.get("status").asText()).as(recorded.toString()).isEqualTo("IN_SYNC");
    assertThat(backfill.recordMissing()).as("once recorded, left alone").doesNotContain(instance);
  }

  @Test
  void aRolledBackInstantiationRecordsNothing() {
    ucpe.vnfHost().bootNeverFinishes(true);
    String instance = instance(uploadPackage());

    JsonNode occ = finished(post("/api/v1/vnf-instances/" + instance + "/instantiate"));

    assertThat(occ.get("operationState").asText()).as(occ.toString()).isEqualTo("ROLLED_BACK");
    assertThat(intended.of(device)).noneMatch(p -> p.getPart().startsWith("vnf-"));
  }

  @Test
  void aHealThatFindsTheDefinitionGoneCommitsItConfirmedAndConfirmsAfterTheHealthCheck() {
    String instance = instance(uploadPackage());
    finished(post("/api/v1/vnf-instances/" + instance + "/instantiate"));
    Set<String> configured = statements();
    ucpe.changeOutOfBand("carol", "delete virtual-network-functions vsrx-1", "removed by hand");
    assertThat(statements()).noneMatch(l -> l.startsWith("set virtual-network-functions"));

    JsonNode healed = finished(post("/api/v1/vnf-instances/" + instance + "/heal"));

    assertThat(healed.get("operationState").asText()).as(healed.toString()).isEqualTo("COMPLETED");
    assertThat(statements()).isEqualTo(configured);
    assertThat(ucpe.config().confirmDeadline()).as("confirmed").isEmpty();
    assertThat(ucpe.config().history())
        .as("the heal's commit was a confirmed one")
        .anyMatch(c -> c.log().equals("vnf vsrx-1 healed") && c.kind().equals("confirmed"));
    assertThat(ucpe.vnfHost().states(ucpe.runningConfiguration()))
        .singleElement()
        .satisfies(s -> assertThat(s.isUp()).isTrue());
    assertThat(vnfPart(instance).orElseThrow().getOperationId())
        .as("the heal wrote the part last")
        .isEqualTo(healed.get("operationId").asText());
  }

  @Test
  void aHealWhoseRecommittedVnfDoesNotBootUndoesItsCommit() {
    String instance = instantiatedWithItsDefinitionRemovedByHand();
    Set<String> found = statements();
    ucpe.vnfHost().bootNeverFinishes(true);

    JsonNode occ = ended(post("/api/v1/vnf-instances/" + instance + "/heal"));

    assertThat(occ.get("operationState").asText()).as(occ.toString()).isEqualTo("ROLLED_BACK");
    assertThat(occ.at("/error/detail").asText()).contains("did not boot within");
    assertThat(statements()).as("as the heal found it").isEqualTo(found);
    assertThat(ucpe.config().confirmDeadline()).as("no confirmation pending").isEmpty();
    assertThat(get("/api/v1/vnf-instances/" + instance).get("instantiationState").asText())
        .isEqualTo("INSTANTIATED");
  }

  @Test
  void failOnAHealWhoseCommitIsUnconfirmedRollsTheDeviceBackAtOnce() {
    String instance = instantiatedWithItsDefinitionRemovedByHand();
    Set<String> found = statements();
    ucpe.vnfHost().bootNeverFinishes(true);
    JsonNode accepted = post("/api/v1/vnf-instances/" + instance + "/heal");
    // the heal committed the definition again, confirmed, and waits for the boot; then the device
    // stops answering
    waitUntilActive(accepted, "waitBoot");
    assertThat(ucpe.config().confirmDeadline()).isPresent();
    ucpe.injectFault(Fault.UNREACHABLE);
    JsonNode occ = finished(accepted);
    assertThat(occ.get("operationState").asText()).as(occ.toString()).isEqualTo("FAILED_TEMP");
    ucpe.clearFault(Fault.UNREACHABLE);
    assertThat(ucpe.config().confirmDeadline()).as("still unconfirmed").isPresent();

    JsonNode failed = post("/api/v1/vnf-lcm-op-occs/" + occ.get("id").asText() + "/fail");

    assertThat(failed.get("operationState").asText()).isEqualTo("FAILED");
    assertThat(failed.at("/error/detail").asText())
        .as("the failed step's message, the connection the device refused")
        .containsIgnoringCase("connect");
    JsonNode ended = ended(failed);
    assertThat(ended.get("operationState").asText()).isEqualTo("FAILED");
    assertThat(ended.at("/error/detail").asText()).isEqualTo(failed.at("/error/detail").asText());
    assertThat(ucpe.config().confirmDeadline())
        .as("rolled back now, not when the device's 10-minute timer runs out")
        .isEmpty();
    assertThat(statements()).as("as the heal found it").isEqualTo(found);
    assertThat(ucpe.config().history())
        .anyMatch(c -> c.log().equals("vnf vsrx-1 heal rolled back"));
    assertThat(get("/api/v1/operations/" + occ.get("operationId").asText()).get("state").asText())
        .isEqualTo("FAILED");
    assertThat(get("/api/v1/vnf-instances/" + instance).get("instantiationState").asText())
        .isEqualTo("INSTANTIATED");
  }

  /** An instantiated VNF whose definition someone removed out of band: answers the instance. */
  private String instantiatedWithItsDefinitionRemovedByHand() {
    String instance = instance(uploadPackage());
    finished(post("/api/v1/vnf-instances/" + instance + "/instantiate"));
    ucpe.changeOutOfBand("carol", "delete virtual-network-functions vsrx-1", "removed by hand");
    return instance;
  }

  /** The device's committed configuration as a set of statements (order aside). */
  private Set<String> statements() {
    return new TreeSet<>(SetCommands.render(ucpe.runningConfiguration()).lines().toList());
  }

  private Optional<IntendedConfig> vnfPart(String instance) {
    return intended.of(device).stream()
        .filter(p -> p.getPart().equals("vnf-" + instance))
        .findFirst();
  }

  /** Runs a compliance check of the uCPE and answers its report. */
  private JsonNode check() {
    JsonNode operation = post("/api/v1/devices/" + device + "/compliance-checks");
    assertThat(operationEnded(operation).get("state").asText()).isEqualTo("COMPLETED");
    return get("/api/v1/devices/" + device + "/compliance");
  }

  private JsonNode reconcile(String mode) {
    return operationEnded(
        call(HttpMethod.POST, "/api/v1/devices/" + device + "/reconcile", Map.of("mode", mode)));
  }

  private JsonNode operationEnded(JsonNode operation) {
    String id = operation.get("id").asText();
    return await()
        .atMost(Duration.ofSeconds(90))
        .pollInterval(Duration.ofMillis(300))
        .until(
            () -> get("/api/v1/operations/" + id),
            o -> !Set.of("PENDING", "RUNNING").contains(o.get("state").asText()));
  }
}
