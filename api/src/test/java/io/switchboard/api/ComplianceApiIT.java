package io.switchboard.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.camunda.client.CamundaClient;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.switchboard.inventory.compliance.ComplianceRecorder;
import io.switchboard.inventory.compliance.ComplianceStatus;
import io.switchboard.inventory.compliance.LastCommit;
import io.switchboard.inventory.device.Device;
import io.switchboard.inventory.device.DeviceLifecycle;
import io.switchboard.inventory.device.DeviceRepository;
import io.switchboard.inventory.user.Role;
import io.switchboard.workflows.compliance.ConfigCompliance;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;

/**
 * The compliance API: reports, the fleet summary, checks and reconcile as operations, against
 * stand-in processes; tenant isolation (404), roles (403) and field-naming errors.
 */
class ComplianceApiIT extends ApiIT {
  @Autowired CamundaClient camunda;
  @Autowired DeviceRepository devices;
  @Autowired ComplianceRecorder reports;

  private String tenant;
  private String device;
  private String other;

  @BeforeEach
  void stubProcessesAndADevice() {
    for (String id :
        new String[] {ConfigCompliance.PROCESS_ID, ConfigCompliance.RECONCILE_PROCESS_ID}) {
      camunda
          .newDeployResourceCommand()
          .addProcessModel(
              Bpmn.createExecutableProcess(id).startEvent().endEvent().done(), id + ".bpmn")
          .send()
          .join();
    }
    tenant = newTenant(null);
    device = newDevice(tenant, newSite(tenant), newModel());
    Device d = devices.findById(device).orElseThrow();
    d.setLifecycleState(DeviceLifecycle.ACTIVE);
    devices.save(d);
    other = newDevice(tenant, newSite(tenant), newModel());
    Device o = devices.findById(other).orElseThrow();
    o.setLifecycleState(DeviceLifecycle.ACTIVE);
    devices.save(o);
  }

  private void outOfSync(String deviceId) {
    reports.record(
        deviceId,
        ComplianceStatus.OUT_OF_SYNC,
        new LastCommit("alice", "2026-12-02 10:00:00 UTC", "cli", "by hand"),
        "[{\"feature\":\"system\",\"inSync\":false,\"missing\":[],"
            + "\"extra\":[\"set system location building 7\"],\"reordered\":[],"
            + "\"lastWrittenBy\":[{\"part\":\"site\",\"operationId\":\"op-1\","
            + "\"processInstanceKey\":42}]}]",
        "out of sync in system; last commit by alice via cli",
        "op-check",
        7L);
  }

  @Test
  void theLatestReportNamesTheDriftAndWhoChangedTheDevice() {
    outOfSync(device);
    Caller viewer = user(Role.TENANT_VIEWER, null, tenant);

    ResponseEntity<JsonNode> response = viewer.get("/api/v1/devices/" + device + "/compliance");

    assertThat(response.getStatusCode().value()).isEqualTo(200);
    JsonNode report = response.getBody();
    assertThat(report.get("status").asText()).isEqualTo("OUT_OF_SYNC");
    assertThat(report.get("lastCommit").get("user").asText()).isEqualTo("alice");
    assertThat(report.get("lastCommit").get("client").asText()).isEqualTo("cli");
    assertThat(report.get("features").get(0).get("extra").get(0).asText())
        .isEqualTo("set system location building 7");
    assertThat(
            report.get("features").get(0).get("lastWrittenBy").get(0).get("operationId").asText())
        .isEqualTo("op-1");
    assertThat(report.get("processInstanceKey").asText()).isEqualTo("7");
    assertThat(report.get("outOfSyncSince").isNull()).isFalse();
    assertThat(viewer.get("/api/v1/devices/" + other + "/compliance").getStatusCode().value())
        .as("not checked yet")
        .isEqualTo(404);
  }

  @Test
  void theSummaryCountsVerdictsPerTenantAndListsTheDevicesOutOfSync() {
    outOfSync(device);
    Caller viewer = user(Role.TENANT_VIEWER, null, tenant);

    JsonNode summary = viewer.get("/api/v1/compliance?tenantId=" + tenant).getBody();

    assertThat(summary.get("tenants").get(0).get("devices").asInt()).isEqualTo(2);
    assertThat(summary.get("tenants").get(0).get("byStatus").get("OUT_OF_SYNC").asInt())
        .isEqualTo(1);
    assertThat(summary.get("totals").get("notChecked").asInt()).isEqualTo(1);
    assertThat(summary.get("outOfSync").get(0).get("deviceId").asText()).isEqualTo(device);
    JsonNode all = viewer.get("/api/v1/compliance").getBody();
    assertThat(all.get("tenants")).hasSize(1);
  }

  @Test
  void checksAndReconcileAreOperationsOnTheDevice() {
    Caller operator = user(Role.TENANT_OPERATOR, null, tenant);
    ResponseEntity<JsonNode> check =
        operator.post("/api/v1/devices/" + device + "/compliance-checks", null);
    assertThat(check.getStatusCode().value()).as(String.valueOf(check.getBody())).isEqualTo(202);
    assertThat(check.getBody().get("type").asText()).isEqualTo(ConfigCompliance.PROCESS_ID);
    assertThat(check.getBody().get("targetKind").asText()).isEqualTo("DEVICE");

    ResponseEntity<JsonNode> tenantCheck =
        operator.post("/api/v1/compliance-checks", Map.of("tenantId", tenant));
    assertThat(tenantCheck.getStatusCode().value()).isEqualTo(202);
    assertThat(tenantCheck.getBody().get("targetKind").asText()).isEqualTo("TENANT");

    Caller tenantAdmin = user(Role.TENANT_ADMIN, null, tenant);
    ResponseEntity<JsonNode> adopt =
        tenantAdmin.post("/api/v1/devices/" + other + "/reconcile", Map.of("mode", "ADOPT"));
    assertThat(adopt.getStatusCode().value()).as(String.valueOf(adopt.getBody())).isEqualTo(202);
    assertThat(adopt.getBody().get("type").asText())
        .isEqualTo(ConfigCompliance.RECONCILE_PROCESS_ID);
  }

  @Test
  void adoptIsForTenantAdminsAndUpChecksForOperatorsAndUp() {
    Caller operator = user(Role.TENANT_OPERATOR, null, tenant);
    Caller viewer = user(Role.TENANT_VIEWER, null, tenant);

    assertThat(
            operator
                .post("/api/v1/devices/" + device + "/reconcile", Map.of("mode", "ADOPT"))
                .getStatusCode()
                .value())
        .isEqualTo(403);
    assertThat(
            viewer
                .post("/api/v1/devices/" + device + "/reconcile", Map.of("mode", "REVERT"))
                .getStatusCode()
                .value())
        .isEqualTo(403);
    assertThat(
            viewer
                .post("/api/v1/devices/" + device + "/compliance-checks", null)
                .getStatusCode()
                .value())
        .isEqualTo(403);
  }

  @Test
  void anotherTenantSeesNothing() {
    outOfSync(device);
    Caller stranger = user(Role.TENANT_ADMIN, null, newTenant(null));

    assertThat(stranger.get("/api/v1/devices/" + device + "/compliance").getStatusCode().value())
        .isEqualTo(404);
    assertThat(
            stranger
                .post("/api/v1/devices/" + device + "/compliance-checks", null)
                .getStatusCode()
                .value())
        .isEqualTo(404);
    assertThat(
            stranger
                .post("/api/v1/devices/" + device + "/reconcile", Map.of("mode", "REVERT"))
                .getStatusCode()
                .value())
        .isEqualTo(404);
    assertThat(stranger.get("/api/v1/compliance?tenantId=" + tenant).getStatusCode().value())
        .isEqualTo(404);
    assertThat(
            stranger
                .post("/api/v1/compliance-checks", Map.of("tenantId", tenant))
                .getStatusCode()
                .value())
        .isEqualTo(422);
    JsonNode own = stranger.get("/api/v1/compliance").getBody();
    assertThat(own.toString()).doesNotContain(device).doesNotContain(tenant);
  }

  @Test
  void badInputNamesTheField() {
    ResponseEntity<JsonNode> badMode =
        admin.post("/api/v1/devices/" + device + "/reconcile", Map.of("mode", "SYNC"));
    assertThat(badMode.getStatusCode().value()).isEqualTo(400);
    assertThat(badMode.getBody().toString()).contains("mode");
    ResponseEntity<JsonNode> noTenant = admin.post("/api/v1/compliance-checks", Map.of());
    assertThat(noTenant.getStatusCode().value()).isEqualTo(400);
    assertThat(noTenant.getBody().toString()).contains("tenantId");
  }
}
