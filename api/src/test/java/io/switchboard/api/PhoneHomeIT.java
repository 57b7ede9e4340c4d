package io.switchboard.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

/**
 * The device phone-home endpoint: device authentication, bootstrap data, and the message to the
 * process.
 */
class PhoneHomeIT extends ApiIT {
  private static final String RESOURCE =
      "/restconf/data/juniper-zerotouch-bootstrap-server:devices/device=";
  @Autowired CamundaClient camunda;

  private String registerDevice(String serial, String secret) {
    String tenant = newTenant(null);
    String site = newSite(tenant);
    return admin.create(
        "/api/v1/devices",
        Map.of(
            "tenantId",
            tenant,
            "siteId",
            site,
            "serialNumber",
            serial,
            "modelId",
            newModel(),
            "activationSecret",
            secret));
  }

  private ResponseEntity<JsonNode> deviceCall(
      HttpMethod method, String serial, String path, String user, String password, Object body) {
    HttpHeaders headers = new HttpHeaders();
    if (user != null) {
      headers.setBasicAuth(user, password);
    }
    headers.set("Content-Type", "application/json");
    return rest.exchange(
        RESOURCE + serial + path, method, new HttpEntity<>(body, headers), JsonNode.class);
  }

  @Test
  void deviceWithTheRightSecretGetsBootstrapDataOthersDoNot() {
    String serial = unique("CW");
    registerDevice(serial, "activation-secret-1");

    ResponseEntity<JsonNode> ok =
        deviceCall(HttpMethod.GET, serial, "/bootstrap-data", serial, "activation-secret-1", null);
    assertThat(ok.getStatusCode().value()).isEqualTo(200);
    assertThat(ok.getBody().get("bootstrap-data").get("configuration").asText())
        .contains("set system services netconf ssh");

    assertThat(
            deviceCall(HttpMethod.GET, serial, "/bootstrap-data", null, null, null)
                .getStatusCode()
                .value())
        .isEqualTo(401);
    assertThat(
            deviceCall(HttpMethod.GET, serial, "/bootstrap-data", serial, "wrong-secret", null)
                .getStatusCode()
                .value())
        .isEqualTo(401);
    assertThat(
            deviceCall(
                    HttpMethod.GET, serial, "/bootstrap-data", "OTHER", "activation-secret-1", null)
                .getStatusCode()
                .value())
        .isEqualTo(401);
    String unknown = unique("UNCLAIMED");
    assertThat(
            deviceCall(HttpMethod.GET, unknown, "/bootstrap-data", unknown, "x", null)
                .getStatusCode()
                .value())
        .isEqualTo(404);
  }

  @Test
  void completedBootstrapIsCorrelatedToTheDevicesRunningOperation() {
    String serial = unique("CW");
    String device = registerDevice(serial, "activation-secret-2");
    String process = unique("wait-for-phone-home");
    String jobType = unique("after-phone-home");
    camunda
        .newDeployResourceCommand()
        .addProcessModel(
            Bpmn.createExecutableProcess(process)
                .startEvent()
                .intermediateCatchEvent("phonedHome")
                .message(
                    m -> m.name("device.phone-home").zeebeCorrelationKeyExpression("operationId"))
                .serviceTask("next", t -> t.zeebeJobType(jobType))
                .endEvent()
                .done(),
            "p.bpmn")
        .send()
        .join();
    admin.create(
        "/api/v1/operations",
        Map.of("type", process, "target", Map.of("kind", "DEVICE", "id", device)));

    ResponseEntity<JsonNode> posted =
        deviceCall(
            HttpMethod.POST,
            serial,
            "/progress",
            serial,
            "activation-secret-2",
            Map.of(
                "type",
                "bootstrap-complete",
                "serialNumber",
                serial,
                "softwareVersion",
                "22.1R3",
                "model",
                "SRX300",
                "managementAddress",
                "127.0.0.1",
                "netconfPort",
                30001,
                "hostKeyFingerprint",
                "SHA256:abc"));
    assertThat(posted.getStatusCode().value()).isEqualTo(204);

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
    assertThat(jobs.get(0).getVariablesAsMap())
        .containsEntry("softwareVersion", "22.1R3")
        .containsEntry("reportedModel", "SRX300")
        .containsEntry("netconfPort", 30001);
    JsonNode view = admin.get("/api/v1/devices/" + device).getBody();
    assertThat(view.get("managementAddress").asText()).isEqualTo("127.0.0.1");
    assertThat(view.get("netconfPort").asInt()).isEqualTo(30001);
    assertThat(view.get("hasActivationSecret").asBoolean()).isTrue();
  }
}
