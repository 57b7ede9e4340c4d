package io.switchboard.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.switchboard.inventory.user.Role;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;

/** Registering a site with its device starts ZTP; one call upgrades a device. */
class OnboardingIT extends ApiIT {
  @Autowired CamundaClient camunda;

  @BeforeEach
  void stubProcesses() {
    for (String id : List.of("ztp-onboarding", "device-upgrade")) {
      camunda
          .newDeployResourceCommand()
          .addProcessModel(
              Bpmn.createExecutableProcess(id)
                  .startEvent()
                  .serviceTask("first", t -> t.zeebeJobType("stub." + id))
                  .endEvent()
                  .done(),
              id + ".bpmn")
          .send()
          .join();
    }
  }

  /** The stub job of this serial's instance, which starts just after the request's commit. */
  private ActivatedJob jobFor(String type, String serial) {
    return Awaitility.await()
        .atMost(Duration.ofSeconds(15))
        .until(
            () ->
                camunda
                    .newActivateJobsCommand()
                    .jobType(type)
                    .maxJobsToActivate(50)
                    .timeout(Duration.ofMillis(500))
                    .requestTimeout(Duration.ofSeconds(1))
                    .send()
                    .join()
                    .getJobs()
                    .stream()
                    .filter(j -> serial.equals(j.getVariablesAsMap().get("serialNumber")))
                    .findFirst(),
            java.util.Optional::isPresent)
        .orElseThrow();
  }

  @Test
  void registeringASiteWithItsDeviceStartsZeroTouchOnboarding() {
    String tenant = newTenant(null);
    String serial = unique("CW");
    Caller tenantAdmin = user(Role.TENANT_ADMIN, null, tenant);
    ResponseEntity<JsonNode> started =
        tenantAdmin.post(
            "/api/v1/onboardings",
            Map.of(
                "tenantId",
                tenant,
                "site",
                Map.of("name", "paris-9", "type", "BRANCH", "targetSoftwareVersion", "23.4R1"),
                "device",
                Map.of(
                    "serialNumber",
                    serial,
                    "modelId",
                    newModel(),
                    "credentials",
                    Map.of("username", "netconf", "password", "pw"),
                    "activationSecret",
                    "secret-1234"),
                "activationTimeout",
                "P3D"));

    assertThat(started.getStatusCode().value())
        .as(String.valueOf(started.getBody()))
        .isEqualTo(201);
    ActivatedJob job = jobFor("stub.ztp-onboarding", serial);
    assertThat(job.getVariablesAsMap())
        .containsEntry("activationTimeout", "P3D")
        .containsEntry("tenantId", tenant)
        .containsEntry("targetId", started.getBody().get("deviceId").asText());
    assertThat(
            admin
                .get("/api/v1/devices/" + started.getBody().get("deviceId").asText())
                .getBody()
                .get("hasActivationSecret")
                .asBoolean())
        .isTrue();
    assertThat(
            admin
                .get("/api/v1/operations/" + started.getBody().get("operationId").asText())
                .getBody()
                .get("type")
                .asText())
        .isEqualTo("ztp-onboarding");
  }

  @Test
  void anOnboardingWithoutASecretAnswersAGeneratedOneOnceThatTheDeviceCanPhoneHomeWith() {
    String tenant = newTenant(null);
    String serial = unique("CW");
    ResponseEntity<JsonNode> started =
        admin.post(
            "/api/v1/onboardings",
            Map.of(
                "tenantId",
                tenant,
                "site",
                Map.of("name", unique("lyon"), "type", "BRANCH"),
                "device",
                Map.of(
                    "serialNumber",
                    serial,
                    "modelId",
                    newModel(),
                    "credentials",
                    Map.of("username", "netconf", "password", "pw"))));

    assertThat(started.getStatusCode().value()).isEqualTo(201);
    assertThat(started.getHeaders().getCacheControl()).contains("no-store");
    String secret = started.getBody().get("activationSecret").asText();
    assertThat(secret).hasSizeGreaterThanOrEqualTo(16);
    ResponseEntity<String> bootstrap =
        rest.withBasicAuth(serial, secret)
            .getForEntity(
                "/restconf/data/juniper-zerotouch-bootstrap-server:devices/device="
                    + serial
                    + "/bootstrap-data",
                String.class);
    assertThat(bootstrap.getStatusCode().value()).isEqualTo(200);
    assertThat(
            admin
                .get("/api/v1/devices/" + started.getBody().get("deviceId").asText())
                .getBody()
                .has("activationSecret"))
        .isFalse();
  }

  @Test
  void aRefusedOnboardingWritesNothing() {
    String tenant = newTenant(null);
    String serial = unique("CW");
    ResponseEntity<JsonNode> refused =
        admin.post(
            "/api/v1/onboardings",
            Map.of(
                "tenantId", tenant,
                "site", Map.of("name", "oslo-1", "type", "HUB"),
                "device",
                    Map.of(
                        "serialNumber",
                        serial,
                        "modelId",
                        "no-such-model",
                        "credentials",
                        Map.of("username", "u", "password", "p"))));
    assertThat(refused.getStatusCode().value()).isEqualTo(422);
    assertThat(refused.getBody().get("field").asText()).isEqualTo("device.modelId");
    assertThat(admin.get("/api/v1/sites?tenantId=" + tenant).getBody().get("totalItems").asLong())
        .isZero();
  }

  @Test
  void oneCallUpgradesADeviceAndViewersMayNot() {
    String tenant = newTenant(null);
    String device = newDevice(tenant, newSite(tenant), newModel());
    String serial = admin.get("/api/v1/devices/" + device).getBody().get("serialNumber").asText();

    assertThat(
            user(Role.TENANT_VIEWER, null, tenant)
                .post(
                    "/api/v1/devices/" + device + "/upgrade",
                    Map.of("targetSoftwareVersion", "23.4R1"))
                .getStatusCode()
                .value())
        .isEqualTo(403);
    assertThat(
            user(Role.TENANT_OPERATOR, null, newTenant(null))
                .post(
                    "/api/v1/devices/" + device + "/upgrade",
                    Map.of("targetSoftwareVersion", "23.4R1"))
                .getStatusCode()
                .value())
        .isEqualTo(404);

    ResponseEntity<JsonNode> started =
        user(Role.TENANT_OPERATOR, null, tenant)
            .post(
                "/api/v1/devices/" + device + "/upgrade",
                Map.of("targetSoftwareVersion", "23.4R1"));
    assertThat(started.getStatusCode().value()).isEqualTo(201);
    assertThat(jobFor("stub.device-upgrade", serial).getVariablesAsMap())
        .containsEntry("targetSoftwareVersion", "23.4R1");
  }
}
