package io.switchboard.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.camunda.client.api.search.response.Incident;
import io.switchboard.devices.fault.Fault;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * SOL003 fail on an occurrence whose incident is on its undo path itself: the device refuses the
 * commit that would undo (a heal's undo of its own commit, an instantiation's compensation), so
 * there is no undo left to run. Fail ends it FAILED with the device's message and nothing running.
 */
class VnfFailOnUndoEndToEndIT extends VnfEndToEndBase {

  @Test
  void failWhenTheHealsUndoIsRefusedEndsItFailedWithTheDevicesMessageAndNothingRunning() {
    String instance = instance(uploadPackage());
    finished(post("/api/v1/vnf-instances/" + instance + "/instantiate"));
    ucpe.changeOutOfBand("carol", "delete virtual-network-functions vsrx-1", "removed by hand");
    ucpe.vnfHost().bootNeverFinishes(true);
    JsonNode accepted = post("/api/v1/vnf-instances/" + instance + "/heal");
    // the heal committed the definition again and waits for a boot that never comes; its undo's
    // commit will be refused
    waitUntilActive(accepted, "waitBoot");
    ucpe.injectFault(Fault.COMMIT_FAILURE);

    JsonNode occ = finished(accepted);
    assertThat(occ.get("operationState").asText()).as(occ.toString()).isEqualTo("FAILED_TEMP");
    assertThat(incidentElements(occ)).containsExactly("undoRestore");

    JsonNode failed = post("/api/v1/vnf-lcm-op-occs/" + occ.get("id").asText() + "/fail");

    assertThat(failed.get("operationState").asText()).isEqualTo("FAILED");
    assertThat(failed.at("/error/detail").asText())
        .as("the device's own refusal of the undo")
        .containsIgnoringCase("check-out");
    JsonNode ended = ended(failed);
    assertThat(ended.get("operationState").asText()).isEqualTo("FAILED");
    assertThat(ended.at("/error/detail").asText()).isEqualTo(failed.at("/error/detail").asText());
    assertNothingRunning(occ);
    assertThat(get("/api/v1/vnf-instances/" + instance).get("instantiationState").asText())
        .as("a failed heal leaves the instance instantiated with its resources")
        .isEqualTo("INSTANTIATED");
    assertThat(get("/api/v1/vnf-instances/" + instance).at("/reservedResources/vcpus").asInt())
        .isPositive();
    ucpe.clearFault(Fault.COMMIT_FAILURE);
    assertThat(ucpe.config().confirmDeadline())
        .as("the commit the undo could not remove is left to the device's confirmation timer")
        .isPresent();
  }

  @Test
  void failWhenAnInstantiationsCompensationIsRefusedEndsItFailedAndReleasesTheResources() {
    String instance = instance(uploadPackage());
    ucpe.vnfHost().bootNeverFinishes(true);
    JsonNode accepted = post("/api/v1/vnf-instances/" + instance + "/instantiate");
    waitUntilActive(accepted, "waitBoot");
    ucpe.injectFault(Fault.COMMIT_FAILURE);

    JsonNode occ = finished(accepted);
    assertThat(occ.get("operationState").asText()).as(occ.toString()).isEqualTo("FAILED_TEMP");
    assertThat(incidentElements(occ)).containsExactly("undoConfigure");

    JsonNode failed = post("/api/v1/vnf-lcm-op-occs/" + occ.get("id").asText() + "/fail");

    assertThat(failed.get("operationState").asText()).isEqualTo("FAILED");
    assertThat(failed.at("/error/detail").asText()).containsIgnoringCase("check-out");
    assertThat(ended(failed).get("operationState").asText()).isEqualTo("FAILED");
    assertNothingRunning(occ);
    JsonNode read = get("/api/v1/vnf-instances/" + instance);
    assertThat(read.get("instantiationState").asText()).isEqualTo("NOT_INSTANTIATED");
    assertThat(read.at("/reservedResources/vcpus").asInt()).isZero();
    ucpe.clearFault(Fault.COMMIT_FAILURE);
  }

  private List<String> incidentElements(JsonNode occ) {
    return camunda
        .newIncidentSearchRequest()
        .filter(f -> f.processInstanceKey(processInstanceKey(occ)))
        .send()
        .join()
        .items()
        .stream()
        .filter(i -> i.getState().name().equals("ACTIVE"))
        .map(Incident::getElementId)
        .toList();
  }

  /** The operation has ended and its process instance is no longer active. */
  private void assertNothingRunning(JsonNode occ) {
    String operation = "/api/v1/operations/" + occ.get("operationId").asText();
    assertThat(get(operation).get("state").asText()).isIn("CANCELLED", "FAILED");
    long key = processInstanceKey(occ);
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                assertThat(
                        camunda
                            .newProcessInstanceSearchRequest()
                            .filter(f -> f.processInstanceKey(key))
                            .send()
                            .join()
                            .items())
                    .singleElement()
                    .satisfies(p -> assertThat(p.getState().name()).isNotEqualTo("ACTIVE")));
  }

  private long processInstanceKey(JsonNode occ) {
    return get("/api/v1/operations/" + occ.get("operationId").asText())
        .get("processInstanceKey")
        .asLong();
  }
}
