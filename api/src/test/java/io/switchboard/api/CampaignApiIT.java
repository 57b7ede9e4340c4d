package io.switchboard.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.search.response.Variable;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.switchboard.inventory.device.Device;
import io.switchboard.inventory.device.DeviceLifecycle;
import io.switchboard.inventory.device.DeviceRepository;
import io.switchboard.inventory.user.Role;
import io.switchboard.workflows.campaign.FleetUpgrade;
import io.switchboard.workflows.firewall.FirewallDeploy;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;

/**
 * The campaign API against a stand-in fleet-upgrade (an approval user task, then the end), so the
 * steering calls meet a real instance on the embedded engine.
 */
class CampaignApiIT extends ApiIT {
  @Autowired CamundaClient camunda;
  @Autowired DeviceRepository devices;

  private String tenant;
  private String image;
  private String version;
  private String model;

  @BeforeEach
  void stubProcessTenantAndImage() {
    camunda
        .newDeployResourceCommand()
        .addProcessModel(
            Bpmn.createExecutableProcess(FleetUpgrade.PROCESS_ID)
                .startEvent()
                .userTask(FleetUpgrade.ELEMENT_APPROVAL, u -> u.zeebeUserTask())
                .endEvent()
                .done(),
            "fleet-upgrade.bpmn")
        .send()
        .join();
    tenant = newTenant(null);
    model = newModel();
    version = unique("23.4R1");
    byte[] file = ("image " + version).getBytes(StandardCharsets.UTF_8);
    image =
        rest.withBasicAuth(ADMIN, ADMIN_PASSWORD)
            .postForEntity(
                "/api/v1/images",
                ImageFixtures.upload(
                    file, version, "srx", ImageFixtures.sign(file, ImageFixtures.TRUSTED_PRIVATE)),
                JsonNode.class)
            .getBody()
            .get("id")
            .asText();
  }

  private String activeDevice(String softwareVersion) {
    String id = newDevice(tenant, newSite(tenant), model);
    Device device = devices.findById(id).orElseThrow();
    device.setLifecycleState(DeviceLifecycle.ACTIVE);
    device.setSoftwareVersion(softwareVersion);
    devices.save(device);
    return id;
  }

  private Map<String, Object> request(List<String> deviceIds, Object serial) {
    Map<String, Object> body = new HashMap<>();
    body.put("tenantId", tenant);
    body.put("name", "q4 rollout");
    body.put("imageId", image);
    body.put("selection", Map.of("deviceIds", deviceIds));
    body.put("serial", serial);
    body.put("maxFailurePercent", 20);
    body.put("approvalRequired", true);
    return body;
  }

  private Map<String, Object> processVariables(String operationId) {
    long key =
        Awaitility.await()
            .atMost(Duration.ofSeconds(15))
            .until(
                () ->
                    admin
                        .get("/api/v1/operations/" + operationId)
                        .getBody()
                        .get("processInstanceKey"),
                k -> k != null && !k.isNull())
            .asLong();
    Map<String, Object> vars = new HashMap<>();
    for (Variable v :
        camunda
            .newVariableSearchRequest()
            .filter(f -> f.processInstanceKey(key).scopeKey(key))
            .send()
            .join()
            .items()) {
      vars.put(v.getName(), v.getValue());
    }
    return vars;
  }

  @Test
  void aCampaignPlansWavesSkipsDevicesOnTheVersionAndStartsItsOperation() {
    String a = activeDevice("21.4R3");
    String b = activeDevice("21.4R3");
    String c = activeDevice("21.4R3");
    String done = activeDevice(version);
    Caller tenantAdmin = user(Role.TENANT_ADMIN, null, tenant);
    ResponseEntity<JsonNode> created =
        tenantAdmin.post(
            "/api/v1/upgrade-campaigns", request(List.of(a, b, c, done), List.of(1, "50%")));
    assertThat(created.getStatusCode().value())
        .as(String.valueOf(created.getBody()))
        .isEqualTo(201);
    JsonNode body = created.getBody();
    JsonNode waves = body.get("waves");
    assertThat(waves).hasSize(3);
    assertThat(waves.get(0).get("canary").asBoolean()).isTrue();
    assertThat(waves.get(0).get("devices").get(0).get("deviceId").asText()).isEqualTo(a);
    assertThat(waves.get(0).get("devices").get(0).get("status").asText()).isEqualTo("NOT_STARTED");
    assertThat(body.get("skipped").get(0).get("deviceId").asText()).isEqualTo(done);
    assertThat(body.get("skipped").get(0).get("message").asText())
        .isEqualTo("already runs " + version);
    String id = body.get("campaign").get("id").asText();
    String operationId = body.get("campaign").get("operationId").asText();

    Map<String, Object> vars = processVariables(operationId);
    assertThat(vars)
        .containsEntry(FleetUpgrade.VAR_CAMPAIGN_ID, "\"" + id + "\"")
        .containsEntry(FleetUpgrade.VAR_TARGET_VERSION, "\"" + version + "\"")
        .containsEntry(FleetUpgrade.VAR_APPROVAL_REQUIRED, "true")
        .containsEntry(
            FleetUpgrade.VAR_MAX_PARALLEL, String.valueOf(FleetUpgrade.DEFAULT_MAX_PARALLEL));
    assertThat(body.get("maxParallel").asInt()).isEqualTo(FleetUpgrade.DEFAULT_MAX_PARALLEL);
    assertThat(admin.get("/api/v1/operations/" + operationId).getBody().get("targetKind").asText())
        .isEqualTo("CAMPAIGN");
    assertThat(
            tenantAdmin.get("/api/v1/upgrade-campaigns?tenantId=" + tenant).getBody().get("items"))
        .hasSize(1);

    // another tenant's admin sees nothing of it
    Caller stranger = user(Role.TENANT_ADMIN, null, newTenant(null));
    assertThat(stranger.get("/api/v1/upgrade-campaigns/" + id).getStatusCode().value())
        .isEqualTo(404);
    assertThat(
            stranger
                .post("/api/v1/upgrade-campaigns/" + id + "/pause", Map.of())
                .getStatusCode()
                .value())
        .isEqualTo(404);

    // pause and resume steer the instance; the approval completes its user task
    assertThat(
            tenantAdmin
                .post("/api/v1/upgrade-campaigns/" + id + "/pause", Map.of())
                .getBody()
                .get("campaign")
                .get("state")
                .asText())
        .isEqualTo("PAUSED");
    assertThat(processVariables(operationId)).containsEntry(FleetUpgrade.VAR_PAUSED, "true");
    assertThat(
            tenantAdmin
                .post("/api/v1/upgrade-campaigns/" + id + "/pause", Map.of())
                .getStatusCode()
                .value())
        .isEqualTo(409);
    tenantAdmin.post("/api/v1/upgrade-campaigns/" + id + "/resume", Map.of());
    assertThat(processVariables(operationId)).containsEntry(FleetUpgrade.VAR_PAUSED, "false");

    Awaitility.await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                tenantAdmin
                    .post(
                        "/api/v1/upgrade-campaigns/" + id + "/approve",
                        Map.of("approved", true, "comment", "canary fine"))
                    .getStatusCode()
                    .value(),
            s -> s == 200);
    assertThat(
            camunda
                .newUserTaskSearchRequest()
                .filter(f -> f.elementId(FleetUpgrade.ELEMENT_APPROVAL))
                .send()
                .join()
                .items())
        .anyMatch(t -> t.getState().name().equals("COMPLETED"));
    assertThat(
            tenantAdmin
                .post("/api/v1/upgrade-campaigns/" + id + "/approve", Map.of("approved", true))
                .getStatusCode()
                .value())
        .isEqualTo(409);
  }

  @Test
  void badRequestsNameTheirField() {
    String a = activeDevice("21.4R3");
    ResponseEntity<JsonNode> badSerial =
        admin.post("/api/v1/upgrade-campaigns", request(List.of(a), List.of(1, "lots")));
    assertThat(badSerial.getStatusCode().value()).isEqualTo(400);
    assertThat(badSerial.getBody().toString()).contains("serial");
    ResponseEntity<JsonNode> nothing =
        admin.post(
            "/api/v1/upgrade-campaigns", request(List.of(activeDevice(version)), List.of(1)));
    assertThat(nothing.getStatusCode().value()).isEqualTo(422);
    assertThat(nothing.getBody().toString()).contains("selection");
    Caller viewer = user(Role.TENANT_VIEWER, null, tenant);
    assertThat(
            viewer
                .post("/api/v1/upgrade-campaigns", request(List.of(a), List.of(1)))
                .getStatusCode()
                .value())
        .isEqualTo(403);
    assertThat(admin.get("/api/v1/upgrade-campaigns?colour=red").getStatusCode().value())
        .isEqualTo(400);
  }

  @Test
  void cancelRefusesAnOpenApprovalAndAsksTheProcessToStop() {
    String a = activeDevice("21.4R3");
    JsonNode body =
        admin.post("/api/v1/upgrade-campaigns", request(List.of(a), List.of(1))).getBody();
    String id = body.get("campaign").get("id").asText();
    String operationId = body.get("campaign").get("operationId").asText();
    processVariables(operationId);
    Awaitility.await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                admin
                    .post("/api/v1/upgrade-campaigns/" + id + "/cancel", Map.of())
                    .getStatusCode()
                    .value(),
            s -> s == 200);
    assertThat(processVariables(operationId))
        .containsEntry(FleetUpgrade.VAR_CANCEL_REQUESTED, "true")
        .containsEntry(FleetUpgrade.VAR_APPROVED, "false");
  }

  @Test
  void twoCampaignsAndAnOperationStartedAtOnceNeverShareADevice() throws Exception {
    // an operation on the device whose process waits (the real ones would end at once here)
    camunda
        .newDeployResourceCommand()
        .addProcessModel(
            Bpmn.createExecutableProcess("device-hold-probe")
                .startEvent()
                .userTask("waitHere", u -> u.zeebeUserTask())
                .endEvent()
                .done(),
            "device-hold-probe.bpmn")
        .send()
        .join();
    Caller tenantAdmin = user(Role.TENANT_ADMIN, null, tenant);
    ExecutorService pool = Executors.newFixedThreadPool(3);
    try {
      for (int round = 0; round < 4; round++) {
        String shared = activeDevice("21.4R3");
        String ownA = activeDevice("21.4R3");
        String ownB = activeDevice("21.4R3");
        CountDownLatch go = new CountDownLatch(1);
        Future<ResponseEntity<JsonNode>> a =
            pool.submit(
                () -> {
                  go.await();
                  return tenantAdmin.post(
                      "/api/v1/upgrade-campaigns", request(List.of(shared, ownA), List.of(2)));
                });
        Future<ResponseEntity<JsonNode>> b =
            pool.submit(
                () -> {
                  go.await();
                  return tenantAdmin.post(
                      "/api/v1/upgrade-campaigns", request(List.of(shared, ownB), List.of(2)));
                });
        Future<ResponseEntity<JsonNode>> probe =
            pool.submit(
                () -> {
                  go.await();
                  return admin.post(
                      "/api/v1/operations",
                      Map.of(
                          "type",
                          "device-hold-probe",
                          "target",
                          Map.of("kind", "DEVICE", "id", shared)));
                });
        go.countDown();
        int holders = 0;
        for (Future<ResponseEntity<JsonNode>> campaign : List.of(a, b)) {
          ResponseEntity<JsonNode> created = campaign.get(60, TimeUnit.SECONDS);
          assertThat(created.getStatusCode().value())
              .as(String.valueOf(created.getBody()))
              .isEqualTo(201);
          boolean skipped = false;
          for (JsonNode s : created.getBody().get("skipped")) {
            skipped |= s.get("deviceId").asText().equals(shared);
          }
          holders += skipped ? 0 : 1;
        }
        ResponseEntity<JsonNode> operation = probe.get(60, TimeUnit.SECONDS);
        assertThat(operation.getStatusCode().value())
            .as(String.valueOf(operation.getBody()))
            .isIn(201, 202, 409);
        holders += operation.getStatusCode().is2xxSuccessful() ? 1 : 0;
        assertThat(holders).as("round " + round + ": holders of the shared device").isEqualTo(1);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aRunningFirewallDeploymentClaimsItsDevicesUntilItEnds() {
    // a deployment whose process waits (the real one needs devices and workers)
    camunda
        .newDeployResourceCommand()
        .addProcessModel(
            Bpmn.createExecutableProcess(FirewallDeploy.PROCESS_ID)
                .startEvent()
                .userTask("deploying", u -> u.zeebeUserTask())
                .endEvent()
                .done(),
            "firewall-policy-deploy.bpmn")
        .send()
        .join();
    String deployed = activeDevice("21.4R3");
    String free = activeDevice("21.4R3");
    String site = devices.findById(deployed).orElseThrow().getSiteId();
    Caller tenantAdmin = user(Role.TENANT_ADMIN, null, tenant);
    String policy =
        tenantAdmin.create(
            "/api/v1/firewall-policies",
            Map.of(
                "name",
                "office",
                "siteIds",
                List.of(site),
                "rules",
                List.of(FirewallApiIT.rule("r", List.of(), List.of(), "DENY"))));
    tenantAdmin.post("/api/v1/firewall-policies/" + policy + "/publish", null);
    ResponseEntity<JsonNode> started =
        tenantAdmin.post("/api/v1/firewall-policies/" + policy + "/deployments", Map.of());
    assertThat(started.getStatusCode().value()).as("%s", started.getBody()).isEqualTo(202);
    String deployment = started.getBody().get("id").asText();

    // a single-device upgrade is refused, naming the device and the deployment's operation
    ResponseEntity<JsonNode> upgrade =
        tenantAdmin.post(
            "/api/v1/devices/" + deployed + "/upgrade", Map.of("targetSoftwareVersion", version));
    assertThat(upgrade.getStatusCode().value()).isEqualTo(409);
    assertThat(upgrade.getBody().get("detail").asText())
        .contains(deployed, deployment, FirewallDeploy.PROCESS_ID);
    // a campaign leaves the device out, saying which operation has it
    JsonNode campaign =
        tenantAdmin
            .post("/api/v1/upgrade-campaigns", request(List.of(deployed, free), List.of(1)))
            .getBody();
    assertThat(campaign.get("skipped")).hasSize(1);
    assertThat(campaign.get("skipped").get(0).get("deviceId").asText()).isEqualTo(deployed);
    assertThat(campaign.get("skipped").get(0).get("message").asText())
        .isEqualTo("busy with operation " + deployment + " (" + FirewallDeploy.PROCESS_ID + ")");
    // and another policy's deployment to the same device waits for this one to end
    String other =
        tenantAdmin.create(
            "/api/v1/firewall-policies",
            Map.of(
                "name",
                "guest",
                "siteIds",
                List.of(site),
                "rules",
                List.of(FirewallApiIT.rule("g", List.of(), List.of(), "DENY"))));
    tenantAdmin.post("/api/v1/firewall-policies/" + other + "/publish", null);
    ResponseEntity<JsonNode> second =
        tenantAdmin.post("/api/v1/firewall-policies/" + other + "/deployments", Map.of());
    assertThat(second.getStatusCode().value()).isEqualTo(409);
    assertThat(second.getBody().get("detail").asText()).contains(deployed, deployment);

    // the deployment ends (here: cancelled outright): its claim is gone
    cancelAndAwait(deployment);
    assertThat(
            tenantAdmin
                .post(
                    "/api/v1/devices/" + deployed + "/upgrade",
                    Map.of("targetSoftwareVersion", version))
                .getStatusCode()
                .value())
        .isEqualTo(201);
  }

  @Test
  void aRunningCampaignHoldsItsDevicesAgainstOtherOperationsUntilItEnds() {
    String held = activeDevice("21.4R3");
    String free = activeDevice("21.4R3");
    Caller tenantAdmin = user(Role.TENANT_ADMIN, null, tenant);
    JsonNode campaign =
        tenantAdmin
            .post("/api/v1/upgrade-campaigns", request(List.of(held), List.of(1)))
            .getBody()
            .get("campaign");
    String operationId = campaign.get("operationId").asText();

    ResponseEntity<JsonNode> refused =
        tenantAdmin.post("/api/v1/devices/" + held + "/reconcile", Map.of("mode", "REVERT"));
    assertThat(refused.getStatusCode().value()).isEqualTo(409);
    assertThat(refused.getBody().toString())
        .contains("q4 rollout", campaign.get("id").asText(), held);
    // reading is no change: a compliance check still runs
    ResponseEntity<JsonNode> check =
        tenantAdmin.post("/api/v1/devices/" + held + "/compliance-checks", null);
    assertThat(check.getStatusCode().value()).isEqualTo(202);
    String checkId = check.getBody().get("id").asText();
    // another campaign leaves the held device out, saying which campaign holds it
    JsonNode second =
        tenantAdmin
            .post("/api/v1/upgrade-campaigns", request(List.of(held, free), List.of(1)))
            .getBody();
    assertThat(second.get("skipped").get(0).get("deviceId").asText()).isEqualTo(held);
    assertThat(second.get("skipped").get(0).get("message").asText())
        .isEqualTo("in upgrade campaign 'q4 rollout' (" + campaign.get("id").asText() + ")");
    assertThat(
            tenantAdmin
                .post("/api/v1/devices/" + free + "/reconcile", Map.of("mode", "REVERT"))
                .getStatusCode()
                .value())
        .as("held by the second campaign now")
        .isEqualTo(409);

    // the campaign ends (here: cancelled outright): its devices are free again
    cancelAndAwait(operationId);
    // the check is an operation on the device too: until it has ended the device is busy (409)
    Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> admin.get("/api/v1/operations/" + checkId).getBody().get("state").asText(),
            state -> !state.equals("PENDING") && !state.equals("RUNNING"));
    assertThat(
            tenantAdmin
                .post("/api/v1/devices/" + held + "/reconcile", Map.of("mode", "REVERT"))
                .getStatusCode()
                .value())
        .isEqualTo(202);
  }

  /** Cancels an operation as the provider admin (answered 200) and waits until it is CANCELLED. */
  private void cancelAndAwait(String operationId) {
    assertThat(
            admin
                .post("/api/v1/operations/" + operationId + "/cancel", Map.of())
                .getStatusCode()
                .value())
        .isEqualTo(200);
    Awaitility.await()
        .atMost(Duration.ofSeconds(15))
        .until(
            () -> admin.get("/api/v1/operations/" + operationId).getBody().get("state").asText(),
            state -> state.equals("CANCELLED"));
  }
}
