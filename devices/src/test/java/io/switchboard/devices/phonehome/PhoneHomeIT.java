package io.switchboard.devices.phonehome;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.switchboard.devices.fault.Fault;
import io.switchboard.devices.fleet.SimulatedDevice;
import io.switchboard.devices.fleet.SimulatedFleet;
import io.switchboard.devices.netconf.NetconfTestClient;
import io.switchboard.devices.phonehome.PhoneHomeStatus.State;
import io.switchboard.devices.testing.TestHttpServer;
import io.switchboard.devices.testing.TestHttpServer.Response;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Phone-home against a tiny orchestrator stand-in (JDK HTTP server). */
class PhoneHomeIT {

  private static final String DEVICE_PATH =
      "/restconf/data/juniper-zerotouch-bootstrap-server:devices/device=";
  private static final ObjectMapper JSON = new ObjectMapper();

  private TestHttpServer server;
  private SimulatedFleet fleet;

  @BeforeEach
  void startServer() throws Exception {
    server = new TestHttpServer();
  }

  @AfterEach
  void stop() {
    if (fleet != null) {
      fleet.close();
    }
    server.close();
  }

  private SimulatedFleet fleet(URI orchestrator, String serial) {
    fleet =
        SimulatedFleet.builder()
            .serials(serial)
            .rebootDelay(Duration.ofMillis(200))
            .activationSecrets(s -> "s3cret-" + s)
            .phoneHome(
                new PhoneHomeSettings(
                    orchestrator,
                    5,
                    Duration.ofMillis(50),
                    Duration.ofMillis(200),
                    Duration.ofSeconds(5)))
            .build();
    return fleet;
  }

  private List<JsonNode> progress(String serial) {
    return server.requests("POST", DEVICE_PATH + serial + "/progress").stream()
        .map(
            r -> {
              try {
                return JSON.readTree(r.body());
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            })
        .toList();
  }

  @Test
  void unclaimedDeviceRetriesUntilClaimedThenAppliesConfigAndReportsBack() throws Exception {
    AtomicInteger gets = new AtomicInteger();
    server.handler(
        request -> {
          if (request.method().equals("GET") && request.path().endsWith("/bootstrap-data")) {
            return gets.incrementAndGet() <= 2
                ? Response.status(404)
                : Response.json(
                    200,
                    "{\"bootstrap-data\":{\"configuration\":\"set system host-name ztp-branch\\nset system services netconf rfc-compliant\","
                        + "\"configurationFormat\":\"set\"}}");
          }
          return request.method().equals("POST") ? Response.status(204) : null;
        });
    fleet(URI.create(server.baseUrl()), "CW0001").start();
    SimulatedDevice device = fleet.device("CW0001");

    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> device.phoneHomeStatus().state() == State.COMPLETE);

    assertThat(gets).hasValue(3);
    assertThat(device.runningConfig()).contains("ztp-branch").contains("rfc-compliant");
    assertThat(device.commitHistory().get(0).user()).isEqualTo("ztp");
    TestHttpServer.Request get = server.requests("GET", "/bootstrap-data").get(0);
    assertThat(get.path()).isEqualTo(DEVICE_PATH + "CW0001/bootstrap-data");
    assertThat(
            new String(
                Base64.getDecoder().decode(get.authorization().substring(6)),
                StandardCharsets.UTF_8))
        .isEqualTo("CW0001:s3cret-CW0001");
    List<JsonNode> notes = progress("CW0001");
    assertThat(notes)
        .extracting(n -> n.get("type").asText())
        .containsExactly("config-applied", "bootstrap-complete");
    JsonNode complete = notes.get(1);
    assertThat(complete.get("serialNumber").asText()).isEqualTo("CW0001");
    assertThat(complete.get("model").asText()).isEqualTo("srx300");
    assertThat(complete.get("softwareVersion").asText()).isEqualTo("21.4R3-S5.4");
    assertThat(complete.get("managementAddress").asText()).isEqualTo("127.0.0.1");
    assertThat(complete.get("netconfPort").asInt()).isEqualTo(device.port());
    assertThat(complete.get("hostKeyFingerprint").asText())
        .isEqualTo(device.hostKeyFingerprint())
        .startsWith("SHA256:");
  }

  @Test
  void bootstrapImageIsInstalledThenTheDeviceRebootsAndPhonesHomeOnTheNewVersion()
      throws Exception {
    byte[] image = "junos 22.4R3 for srx".getBytes(StandardCharsets.UTF_8);
    server.serve("/images/junos-srxsme-22.4R3.tgz", image);
    String body =
        "{\"configuration\":\"<configuration><system><host-name>up</host-name></system></configuration>\","
            + "\"image\":{\"url\":\""
            + server.url("/images/junos-srxsme-22.4R3.tgz")
            + "\",\"sha256\":\""
            + TestHttpServer.sha256(image)
            + "\"}}";
    server.handler(
        request ->
            request.path().endsWith("/bootstrap-data")
                ? Response.json(200, body)
                : request.method().equals("POST") ? Response.status(204) : null);
    fleet(URI.create(server.baseUrl()), "CW0002").start();
    SimulatedDevice device = fleet.device("CW0002");

    await()
        .atMost(Duration.ofSeconds(15))
        .until(() -> device.bootCount() == 2 && device.phoneHomeStatus().state() == State.COMPLETE);

    assertThat(device.softwareVersion()).isEqualTo("22.4R3");
    assertThat(progress("CW0002"))
        .extracting(n -> n.get("type").asText())
        .containsExactly(
            "config-applied", "image-installed", "config-applied", "bootstrap-complete");
    assertThat(progress("CW0002").get(3).get("softwareVersion").asText()).isEqualTo("22.4R3");
  }

  @Test
  void aDeviceRebootedOverNetconfPhonesHomeAgain() throws Exception {
    server.handler(
        request ->
            request.path().endsWith("/bootstrap-data")
                ? Response.json(200, "{}")
                : request.method().equals("POST") ? Response.status(204) : null);
    fleet(URI.create(server.baseUrl()), "CW0003").start();
    SimulatedDevice device = fleet.device("CW0003");
    await().atMost(Duration.ofSeconds(10)).until(() -> progress("CW0003").size() == 1);
    try (NetconfTestClient nc = NetconfTestClient.connect(device)) {
      nc.rpc("<request-reboot/>");
    }
    await().atMost(Duration.ofSeconds(10)).until(() -> progress("CW0003").size() == 2);
    assertThat(device.bootCount()).isEqualTo(2);
    assertThat(progress("CW0003"))
        .extracting(n -> n.get("type").asText())
        .containsOnly("bootstrap-complete");
  }

  @Test
  void wrongSerialAsksForSomeoneElsesDataAndGivesUp() {
    server.handler(
        request -> request.path().contains("device=CW0004/") ? Response.json(200, "{}") : null);
    fleet(URI.create(server.baseUrl()), "CW0004");
    SimulatedDevice device = fleet.device("CW0004");
    device.injectFault(Fault.WRONG_SERIAL);
    fleet.start();
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> device.phoneHomeStatus().state() == State.GAVE_UP);
    assertThat(server.requests("GET", "/bootstrap-data"))
        .hasSize(5)
        .allMatch(r -> r.path().contains("device=CW0004X/"));
    assertThat(device.phoneHomeStatus().message())
        .contains("HTTP 404")
        .contains("giving up after 5 attempts");
  }

  @Test
  void wrongActivationSecretStopsAtOnce() {
    server.handler(request -> Response.status(401));
    fleet(URI.create(server.baseUrl()), "CW0005").start();
    SimulatedDevice device = fleet.device("CW0005");
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> device.phoneHomeStatus().state() == State.GAVE_UP);
    assertThat(server.requests()).hasSize(1);
    assertThat(device.phoneHomeStatus().message()).contains("HTTP 401");
  }

  @Test
  void configurationThatCannotBeAppliedIsReportedAsFailed() {
    server.handler(
        request ->
            request.path().endsWith("/bootstrap-data")
                ? Response.json(
                    200,
                    "{\"configuration\":\"set interfaces bogus0 disable\",\"configurationFormat\":\"set\"}")
                : Response.status(204));
    fleet(URI.create(server.baseUrl()), "CW0006").start();
    SimulatedDevice device = fleet.device("CW0006");
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> device.phoneHomeStatus().state() == State.FAILED);
    assertThat(progress("CW0006"))
        .extracting(n -> n.get("type").asText())
        .containsExactly("config-failed", "bootstrap-failed");
    assertThat(progress("CW0006").get(0).get("message").asText())
        .contains("invalid interface type in 'bogus0'");
    assertThat(device.runningConfig()).doesNotContain("bogus0");
  }

  @Test
  void unreachableServerIsRetriedWithBackOffThenGivenUp() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    fleet(URI.create("http://127.0.0.1:" + closedPort), "CW0007").start();
    SimulatedDevice device = fleet.device("CW0007");
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> device.phoneHomeStatus().state() == State.GAVE_UP);
    assertThat(device.phoneHomeStatus().attempts()).isEqualTo(5);
    assertThat(device.phoneHomeStatus().message()).contains("server unreachable");
  }
}
