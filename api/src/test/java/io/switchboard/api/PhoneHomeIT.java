package io.switchboard.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.switchboard.inventory.device.Device;
import io.switchboard.inventory.device.DeviceLifecycle;
import io.switchboard.inventory.device.DeviceRepository;
import io.switchboard.inventory.operation.Operation;
import io.switchboard.inventory.operation.OperationRepository;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

/**
 * The device phone-home endpoint: device authentication, bootstrap data, the message to the
 * process, and what an authenticated device may not do.
 */
@ExtendWith(OutputCaptureExtension.class)
class PhoneHomeIT extends ApiIT {
  private static final String RESOURCE =
      "/restconf/data/juniper-zerotouch-bootstrap-server:devices/device=";
  private static final String PINNED = "SHA256:pinned-host-key";

  @Autowired CamundaClient camunda;
  @Autowired DeviceRepository devices;
  @Autowired OperationRepository operations;

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

  private ResponseEntity<String> deviceCall(
      HttpMethod method, String serial, String path, String user, String password, Object body) {
    HttpHeaders headers = new HttpHeaders();
    if (user != null) {
      headers.setBasicAuth(user, password);
    }
    headers.set("Content-Type", "application/json");
    return rest.exchange(
        RESOURCE + serial + path, method, new HttpEntity<>(body, headers), String.class);
  }

  private ResponseEntity<String> bootstrap(String serial, String user, String password) {
    return deviceCall(HttpMethod.GET, serial, "/bootstrap-data", user, password, null);
  }

  private static Map<String, Object> complete(String serial, String address, int port, String key) {
    Map<String, Object> body = new HashMap<>();
    body.put("type", "bootstrap-complete");
    body.put("serialNumber", serial);
    body.put("softwareVersion", "22.1R3");
    body.put("model", "SRX300");
    body.put("managementAddress", address);
    body.put("netconfPort", port);
    body.put("hostKeyFingerprint", key);
    return body;
  }

  /** A device in service at 10.0.0.1:830 whose host key is pinned. */
  private Device activeDevice(String serial, String secret) {
    Device device = devices.findById(registerDevice(serial, secret)).orElseThrow();
    device.setLifecycleState(DeviceLifecycle.ACTIVE);
    device.setManagementAddress("10.0.0.1");
    device.setNetconfPort(830);
    device.setSshHostKeyFingerprint(PINNED);
    return devices.save(device);
  }

  /** An operation of {@code type} that holds the device and runs a process that waits. */
  private void runningOperation(Device device, String type) {
    String process = unique("waits");
    camunda
        .newDeployResourceCommand()
        .addProcessModel(
            Bpmn.createExecutableProcess(process)
                .startEvent()
                .intermediateCatchEvent("wait")
                .message(m -> m.name(unique("never")).zeebeCorrelationKeyExpression("\"x\""))
                .endEvent()
                .done(),
            "wait.bpmn")
        .send()
        .join();
    long key =
        camunda
            .newCreateInstanceCommand()
            .bpmnProcessId(process)
            .latestVersion()
            .send()
            .join()
            .getProcessInstanceKey();
    Operation operation =
        new Operation(device.getTenantId(), type, "DEVICE", device.getId(), "test");
    operation.started(key);
    operations.save(operation);
  }

  @Test
  void deviceWithTheRightSecretGetsBootstrapDataOthersDoNot() {
    String serial = unique("CW");
    String device = registerDevice(serial, "activation-secret-1");
    assertThat(admin.get("/api/v1/devices/" + device).getBody().has("activationSecret"))
        .as("a secret the caller chose is never echoed")
        .isFalse();

    ResponseEntity<String> ok = bootstrap(serial, serial, "activation-secret-1");
    assertThat(ok.getStatusCode().value()).isEqualTo(200);
    assertThat(ok.getBody()).contains("set system services netconf ssh");

    ResponseEntity<String> anonymous = bootstrap(serial, null, null);
    assertThat(anonymous.getStatusCode().value()).isEqualTo(401);
    assertThat(anonymous.getHeaders().getFirst("WWW-Authenticate")).startsWith("Basic");
    assertThat(bootstrap(serial, serial, "wrong-secret").getStatusCode().value()).isEqualTo(404);
    assertThat(bootstrap(serial, "OTHER", "activation-secret-1").getStatusCode().value())
        .isEqualTo(404);
  }

  @Test
  void unknownAndClaimedSerialsAreAnsweredAlike() {
    String claimed = unique("CLAIMED");
    registerDevice(claimed, "activation-secret-3");
    String unknown = unique("UNKNOWN");

    ResponseEntity<String> forClaimed = bootstrap(claimed, claimed, "guess-guess");
    ResponseEntity<String> forUnknown = bootstrap(unknown, unknown, "guess-guess");

    assertThat(forClaimed.getStatusCode()).isEqualTo(forUnknown.getStatusCode());
    assertThat(forClaimed.getHeaders().getContentType())
        .isEqualTo(forUnknown.getHeaders().getContentType());
    assertThat(forClaimed.getBody().replace(claimed, "SERIAL"))
        .isEqualTo(forUnknown.getBody().replace(unknown, "SERIAL"));
  }

  @Test
  void aDeviceRegisteredWithoutASecretGetsAGeneratedOneOnceAndCannotPhoneHomeWithout() {
    String tenant = newTenant(null);
    String serial = unique("NOSECRET");
    ResponseEntity<JsonNode> created =
        admin.post(
            "/api/v1/devices",
            Map.of(
                "tenantId",
                tenant,
                "siteId",
                newSite(tenant),
                "serialNumber",
                serial,
                "modelId",
                newModel()));
    assertThat(created.getStatusCode().value()).isEqualTo(201);
    assertThat(created.getHeaders().getCacheControl()).contains("no-store");
    String secret = created.getBody().get("activationSecret").asText();
    assertThat(secret).hasSizeGreaterThanOrEqualTo(20);
    assertThat(created.getBody().get("hasActivationSecret").asBoolean()).isTrue();
    String device = created.getBody().get("id").asText();
    assertThat(admin.get("/api/v1/devices/" + device).getBody().toString()).doesNotContain(secret);

    assertThat(bootstrap(serial, serial, "").getStatusCode().value()).isEqualTo(404);
    assertThat(bootstrap(serial, serial, secret).getStatusCode().value()).isEqualTo(200);

    // a new secret replaces the old one at once
    String renewed =
        admin
            .post("/api/v1/devices/" + device + "/activation-secret", null)
            .getBody()
            .get("activationSecret")
            .asText();
    assertThat(bootstrap(serial, serial, secret).getStatusCode().value()).isEqualTo(404);
    assertThat(bootstrap(serial, serial, renewed).getStatusCode().value()).isEqualTo(200);
  }

  @Test
  void anActiveDeviceCannotBeReBootstrappedOrReAddressedWhenNoOperationExpectsIt(
      CapturedOutput output) {
    String serial = unique("ACTIVE");
    Device device = activeDevice(serial, "activation-secret-4");

    assertThat(bootstrap(serial, serial, "activation-secret-4").getStatusCode().value())
        .isEqualTo(403);
    ResponseEntity<String> moved =
        deviceCall(
            HttpMethod.POST,
            serial,
            "/progress",
            serial,
            "activation-secret-4",
            complete(serial, "203.0.113.66", 2222, PINNED));
    assertThat(moved.getStatusCode().value()).isEqualTo(403);

    Device after = devices.findById(device.getId()).orElseThrow();
    assertThat(after.getManagementAddress()).isEqualTo("10.0.0.1");
    assertThat(after.getNetconfPort()).isEqualTo(830);
    assertThat(output.getOut()).contains("Refused", serial, "no operation expects it");
  }

  @Test
  void anUpgradeWaitingForTheRebootLetsTheDeviceComeBackOnANewPortWithItsPinnedKeyOnly() {
    String serial = unique("UPGRADE");
    Device device = activeDevice(serial, "activation-secret-5");
    runningOperation(device, io.switchboard.workflows.upgrade.DeviceUpgrade.PROCESS_ID);

    assertThat(bootstrap(serial, serial, "activation-secret-5").getStatusCode().value())
        .isEqualTo(200);
    ResponseEntity<String> impostor =
        deviceCall(
            HttpMethod.POST,
            serial,
            "/progress",
            serial,
            "activation-secret-5",
            complete(serial, "203.0.113.66", 2222, "SHA256:someone-else"));
    assertThat(impostor.getStatusCode().value()).isEqualTo(409);
    assertThat(impostor.getBody()).contains("hostKeyFingerprint");
    assertThat(devices.findById(device.getId()).orElseThrow().getManagementAddress())
        .isEqualTo("10.0.0.1");

    ResponseEntity<String> genuine =
        deviceCall(
            HttpMethod.POST,
            serial,
            "/progress",
            serial,
            "activation-secret-5",
            complete(serial, "10.0.0.1", 31000, PINNED));
    assertThat(genuine.getStatusCode().value()).isEqualTo(204);
    assertThat(devices.findById(device.getId()).orElseThrow().getNetconfPort()).isEqualTo(31000);
  }

  @Test
  void anOperationOfAnotherKindDoesNotOpenPhoneHome() {
    String serial = unique("OTHEROP");
    Device device = activeDevice(serial, "activation-secret-6");
    runningOperation(device, "ngfw-policy");
    assertThat(bootstrap(serial, serial, "activation-secret-6").getStatusCode().value())
        .isEqualTo(403);
  }

  @Test
  void aForgedLogLineInAProgressReportIsEscaped(CapturedOutput output) {
    String serial = unique("LOG");
    registerDevice(serial, "activation-secret-7");
    String forged =
        "config-applied\r\n2026-12-02T04:00:00Z INFO  admin granted SP_ADMIN to mallory";
    ResponseEntity<String> posted =
        deviceCall(
            HttpMethod.POST,
            serial,
            "/progress",
            serial,
            "activation-secret-7",
            Map.of("type", "config-applied", "message", forged));
    assertThat(posted.getStatusCode().value()).isEqualTo(204);
    String line =
        output
            .getOut()
            .lines()
            .filter(l -> l.contains("Device " + serial + " reports"))
            .findFirst()
            .orElseThrow();
    assertThat(line).contains("config-applied\\r\\n2026-12-02T04:00:00Z INFO  admin granted");
    assertThat(output.getOut().lines().filter(l -> l.startsWith("2026-12-02T04:00:00Z"))).isEmpty();
  }

  @Test
  void controlCharactersInAReportedTypeAreRefusedNamingTheField() {
    String serial = unique("CTL");
    registerDevice(serial, "activation-secret-8");
    ResponseEntity<String> posted =
        deviceCall(
            HttpMethod.POST,
            serial,
            "/progress",
            serial,
            "activation-secret-8",
            Map.of("type", "bootstrap-complete\nINFO forged"));
    assertThat(posted.getStatusCode().value()).isEqualTo(400);
    assertThat(posted.getBody()).contains("\"field\":\"type\"");
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

    ResponseEntity<String> posted =
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
