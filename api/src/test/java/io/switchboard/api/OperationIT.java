package io.switchboard.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;

class OperationIT extends ApiIT {
  @Autowired CamundaClient camunda;

  @Test
  void startingAnOperationRecordsItAndStartsTheProcessWithItsVariables() {
    String process = unique("upgrade-device");
    String jobType = unique("device.check");
    camunda
        .newDeployResourceCommand()
        .addProcessModel(
            Bpmn.createExecutableProcess(process)
                .startEvent()
                .serviceTask("check", t -> t.zeebeJobType(jobType))
                .endEvent()
                .done(),
            "p.bpmn")
        .send()
        .join();
    String tenant = newTenant(null);
    String device = newDevice(tenant, newSite(tenant), newModel());

    ResponseEntity<JsonNode> started =
        admin.post(
            "/api/v1/operations",
            Map.of(
                "type",
                process,
                "target",
                Map.of("kind", "DEVICE", "id", device),
                "variables",
                Map.of("targetVersion", "23.4R1")));

    assertThat(started.getStatusCode().value()).isEqualTo(201);
    JsonNode operation = started.getBody();
    // recorded first, started after the commit
    assertThat(operation.get("state").asText()).isIn("PENDING", "RUNNING");
    assertThat(operation.get("tenantId").asText()).isEqualTo(tenant);
    assertThat(operation.get("requestedBy").asText()).isEqualTo(ADMIN);
    String id = operation.get("id").asText();
    JsonNode running =
        Awaitility.await()
            .atMost(Duration.ofSeconds(10))
            .until(
                () -> admin.get("/api/v1/operations/" + id).getBody(),
                o -> "RUNNING".equals(o.get("state").asText()));
    long processInstanceKey = Long.parseLong(running.get("processInstanceKey").asText());

    List<ActivatedJob> jobs =
        camunda
            .newActivateJobsCommand()
            .jobType(jobType)
            .maxJobsToActivate(1)
            .requestTimeout(Duration.ofSeconds(5))
            .send()
            .join()
            .getJobs();
    assertThat(jobs).hasSize(1);
    assertThat(jobs.get(0).getProcessInstanceKey()).isEqualTo(processInstanceKey);
    assertThat(jobs.get(0).getVariablesAsMap())
        .containsEntry("operationId", operation.get("id").asText())
        .containsEntry("tenantId", tenant)
        .containsEntry("targetKind", "DEVICE")
        .containsEntry("targetId", device)
        .containsEntry("targetVersion", "23.4R1");
    assertThat(
            admin
                .get("/api/v1/operations/" + operation.get("id").asText())
                .getBody()
                .get("processInstanceKey")
                .asText())
        .isEqualTo(String.valueOf(processInstanceKey));
  }

  @Test
  void anOperationWhoseProcessCannotStartLeavesNothingBehind() {
    String tenant = newTenant(null);
    long before =
        admin.get("/api/v1/operations?tenantId=" + tenant).getBody().get("totalItems").asLong();

    ResponseEntity<JsonNode> refused =
        admin.post(
            "/api/v1/operations",
            Map.of(
                "type", unique("not-deployed"), "target", Map.of("kind", "TENANT", "id", tenant)));

    assertThat(refused.getStatusCode().value()).isEqualTo(422);
    assertThat(refused.getBody().get("field").asText()).isEqualTo("type");
    assertThat(
            admin.get("/api/v1/operations?tenantId=" + tenant).getBody().get("totalItems").asLong())
        .isEqualTo(before);
  }

  @Test
  void operationsListFiltersByTenantTypeStateAndTimeAndPages() {
    String process = unique("noop");
    camunda
        .newDeployResourceCommand()
        .addProcessModel(
            Bpmn.createExecutableProcess(process).startEvent().endEvent().done(), "p.bpmn")
        .send()
        .join();
    String tenant = newTenant(null);
    Instant before = Instant.now().minusSeconds(1);
    for (int i = 0; i < 3; i++) {
      admin.create(
          "/api/v1/operations",
          Map.of("type", process, "target", Map.of("kind", "SITE", "id", newSite(tenant))));
    }
    String query =
        "/api/v1/operations?tenantId="
            + tenant
            + "&type="
            + process
            + "&state=COMPLETED&from="
            + before
            + "&size=2&page=0";
    JsonNode page =
        Awaitility.await()
            .atMost(Duration.ofSeconds(10))
            .until(() -> admin.get(query).getBody(), p -> p.get("totalItems").asLong() == 3);
    assertThat(page.get("totalItems").asLong()).isEqualTo(3);
    assertThat(page.get("items")).hasSize(2);
    assertThat(page.get("totalPages").asInt()).isEqualTo(2);
    assertThat(
            admin
                .get("/api/v1/operations?tenantId=" + tenant + "&to=" + before)
                .getBody()
                .get("totalItems")
                .asLong())
        .isZero();
  }
}
