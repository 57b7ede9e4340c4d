package io.switchboard.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.devices.config.Datastore;
import io.switchboard.devices.config.SetCommands;
import io.switchboard.devices.config.Xml;
import io.switchboard.devices.fleet.SimulatedDevice;
import io.switchboard.devices.sdwan.Impairment;
import io.switchboard.devices.sdwan.VpnStatus;
import io.switchboard.inventory.device.DeviceRepository;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * SD-WAN as the devices report it: a hub and a spoke with an internet and an MPLS link each. The
 * plan preview is each device's own show | compare with clean candidates left behind; the rollout
 * records each tunnel's SLA; the steering check moves junos-sip off the internet path when that
 * link is impaired past the SLA, and back when the impairment clears. Two overlays over the same
 * pair of devices and links both come up, and one leaving takes only its own stanzas.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
class SdwanSteeringEndToEndIT {
  private static final int PORT = EndToEndApi.freePort();

  @Autowired TestRestTemplate rest;
  @Autowired DeviceRepository devices;
  HubAndSpoke network;

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    EndToEndApi.properties(registry, PORT);
  }

  @AfterEach
  void stopFleet() {
    if (network != null) {
      network.close();
    }
  }

  @Test
  void planPreviewIsTheDevicesOwnCompareAndSteeringFollowsTheSlaUnderImpairment() throws Exception {
    network = HubAndSpoke.start(api(), devices, "S", "steer", 1, 20);
    SimulatedDevice hub = network.hub;
    SimulatedDevice spoke = network.spoke();
    String tenant = network.tenant;
    String hubSite = network.hubSite;
    String spokeSite = network.spokeSite();
    String voice =
        create(
            "/api/v1/sla-profiles",
            Map.of(
                "tenantId",
                tenant,
                "name",
                "voice",
                "maxLossPercent",
                1,
                "maxRttMs",
                150,
                "maxJitterMs",
                30,
                "preferredPathLabel",
                "internet"));
    String overlay = network.hubAndSpokeOverlay("steered", "10.250.0.0/24");
    call(
        HttpMethod.PUT,
        "/api/v1/overlays/" + overlay + "/steering-rules",
        List.of(Map.of("application", "junos-sip", "slaProfileId", voice)));

    // the plan preview: each device's own compare of the whole change; a device whose candidate
    // is locked answers its own error; both candidates are left as they were
    String spokeRunning = spoke.runningConfig();
    hub.config().lock(4242, Datastore.CANDIDATE);
    JsonNode preview = call(HttpMethod.POST, "/api/v1/overlays/" + overlay + "/plan", null);
    hub.config().unlock(4242, Datastore.CANDIDATE);
    JsonNode spokePreview = byField(preview.get("devices"), "siteId", spokeSite);
    assertThat(spokePreview.get("compare").asText())
        .contains("st0", "sdwan-t1", "sdwan-t2", "10.250.0.", "<hidden>");
    assertThat(spokePreview.get("error").isNull()).isTrue();
    JsonNode hubPreview = byField(preview.get("devices"), "siteId", hubSite);
    assertThat(hubPreview.get("compare").isNull()).isTrue();
    assertThat(hubPreview.get("error").asText()).containsIgnoringCase("lock");
    assertThat(spoke.candidateConfig()).isEqualTo(spokeRunning);
    assertThat(spoke.runningConfig()).isEqualTo(spokeRunning);

    // the rollout measures each tunnel's SLA once the tunnels are up
    JsonNode done = finished(rollout(overlay));
    assertThat(done.get("state").asText()).as(done.toString()).isEqualTo("COMPLETED");
    JsonNode read = call(HttpMethod.GET, "/api/v1/overlays/" + overlay, null);
    assertThat(read.get("tunnels")).hasSize(2);
    for (JsonNode t : read.get("tunnels")) {
      assertThat(t.get("state").asText()).isEqualTo("UP");
      assertThat(t.get("sla").get("lossPercent").asDouble()).isZero();
      assertThat(t.get("sla").get("profiles").get(0).get("slaProfile").asText()).isEqualTo("voice");
      assertThat(t.get("sla").get("profiles").get(0).get("met").asBoolean()).isTrue();
    }

    // steering: junos-sip takes the preferred internet path while it meets the SLA
    assertThat(sipPath(overlay, spokeSite)).isEqualTo("internet");
    assertThat(sipPath(overlay, hubSite)).isEqualTo("internet");

    // the spoke's internet link loses 10 %: both ends steer junos-sip over mpls
    spoke.impair("ge-0/0/0", new Impairment(10, 0, 0));
    assertThat(sipPath(overlay, spokeSite)).isEqualTo("mpls");
    assertThat(sipPath(overlay, hubSite)).isEqualTo("mpls");
    JsonNode impaired = call(HttpMethod.GET, "/api/v1/overlays/" + overlay, null);
    JsonNode internet = byField(impaired.get("tunnels"), "pathLabel", "internet");
    assertThat(internet.get("sla").get("lossPercent").asDouble()).isEqualTo(10.0);
    assertThat(internet.get("sla").get("profiles").get(0).get("met").asBoolean()).isFalse();
    assertThat(internet.get("sla").get("profiles").get(0).get("violations").get(0).asText())
        .isEqualTo("loss 10 % > 1 %");

    // cleared: back to internet
    spoke.impair("ge-0/0/0", Impairment.NONE);
    assertThat(sipPath(overlay, spokeSite)).isEqualTo("internet");
    assertThat(sipPath(overlay, hubSite)).isEqualTo("internet");

    // a change to an active overlay previews as exactly that change on the device: the mpls
    // tunnel goes, the internet tunnel and its key do not show, and no key is in the answer
    String mpls =
        byField(
                call(HttpMethod.GET, "/api/v1/sites/" + spokeSite + "/wan-links", null),
                "pathLabel",
                "mpls")
            .get("id")
            .asText();
    call(HttpMethod.DELETE, "/api/v1/sites/" + spokeSite + "/wan-links/" + mpls, null);
    List<String> keys = keys(hub);
    String hubRunning = hub.runningConfig();
    JsonNode change = call(HttpMethod.POST, "/api/v1/overlays/" + overlay + "/plan", null);
    String hubChange = byField(change.get("devices"), "siteId", hubSite).get("compare").asText();
    assertThat(hubChange).contains("sdwan-t2").doesNotContain("vpn sdwan-t1");
    assertThat(keys).hasSize(2).allSatisfy(k -> assertThat(change.toString()).doesNotContain(k));
    assertThat(hub.candidateConfig()).isEqualTo(hubRunning);
  }

  @Test
  void twoOverlaysOverTheSamePairAndLinksComeUpTogetherAndOneLeavingTakesOnlyItsOwnStanzas()
      throws Exception {
    network = HubAndSpoke.start(api(), devices, "D", "dual", 1, 30);
    SimulatedDevice hub = network.hub;
    SimulatedDevice spoke = network.spoke();
    String hubSite = network.hubSite;
    String spokeSite = network.spokeSite();
    String first = network.hubAndSpokeOverlay("corp", "10.251.0.0/24");
    String second =
        network.overlay(
            "guest", "FULL_MESH", List.of(), List.of(hubSite, spokeSite), "10.252.0.0/24");
    JsonNode firstDone = finished(rollout(first));
    assertThat(firstDone.get("state").asText()).as(firstDone.toString()).isEqualTo("COMPLETED");
    JsonNode secondDone = finished(rollout(second));
    assertThat(secondDone.get("state").asText()).as(secondDone.toString()).isEqualTo("COMPLETED");

    // the same two WAN links carry both overlays' tunnels: IKE identities tell them apart
    assertThat(hub.vpnStatus()).hasSize(4).allMatch(VpnStatus::up);
    assertThat(spoke.vpnStatus()).hasSize(4).allMatch(VpnStatus::up);
    String firstTag = first.replace("-", "").substring(0, 8);
    String secondTag = second.replace("-", "").substring(0, 8);
    assertThat(spoke.runningConfig())
        .contains("sdwan-" + firstTag + "-ike", "sdwan-" + secondTag + "-ike");

    // the spoke leaves the second overlay: only the second overlay's stanzas go
    String leave =
        call(HttpMethod.DELETE, "/api/v1/overlays/" + second + "/sites/" + spokeSite, null)
            .get("operationId")
            .asText();
    JsonNode left = finished(leave);
    assertThat(left.get("state").asText()).as(left.toString()).isEqualTo("COMPLETED");
    assertThat(spoke.vpnStatus()).hasSize(2).allMatch(VpnStatus::up);
    assertThat(hub.vpnStatus()).hasSize(2).allMatch(VpnStatus::up);
    assertThat(setCommands(spoke))
        .contains(
            "set security ike proposal sdwan-" + firstTag + "-ike",
            "set security zones security-zone sdwan interfaces st0.",
            "set routing-instances sdwan-" + firstTag + "-internet")
        .doesNotContain("sdwan-" + secondTag);
    assertThat(call(HttpMethod.GET, "/api/v1/overlays/" + first, null).get("tunnels"))
        .hasSize(2)
        .allMatch(t -> t.get("state").asText().equals("UP"));
  }

  /** The path the steering check says junos-sip takes at a site (towards its one peer). */
  private String sipPath(String overlay, String site) {
    JsonNode check = call(HttpMethod.POST, "/api/v1/overlays/" + overlay + "/steering-check", null);
    assertThat(check.get("errors")).isEmpty();
    JsonNode rule = byField(check.get("sites"), "siteId", site).get("rules").get(0);
    assertThat(rule.get("application").asText()).isEqualTo("junos-sip");
    assertThat(rule.get("paths")).hasSize(1);
    return rule.get("paths").get(0).get("pathLabel").asText();
  }

  /** A device's running configuration as set commands. */
  private static String setCommands(SimulatedDevice device) throws Exception {
    return SetCommands.render(Xml.parse(device.runningConfig()).getDocumentElement());
  }

  /** The tunnel keys a device runs: they must never be in an answer. */
  private static List<String> keys(SimulatedDevice device) throws Exception {
    List<String> keys = new ArrayList<>();
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("ascii-text \"?([^\"\\s;]+)").matcher(setCommands(device));
    while (m.find()) {
      keys.add(m.group(1));
    }
    return keys;
  }

  private static JsonNode byField(JsonNode array, String field, String value) {
    for (JsonNode n : array) {
      if (n.get(field).asText().equals(value)) {
        return n;
      }
    }
    throw new AssertionError("no " + field + "=" + value + " in " + array);
  }

  private EndToEndApi api() {
    return new EndToEndApi(rest);
  }

  private JsonNode call(HttpMethod method, String path, Object body) {
    return new EndToEndApi(rest).call(method, path, body);
  }

  private String create(String path, Map<String, Object> body) {
    return new EndToEndApi(rest).create(path, body);
  }

  private String rollout(String overlay) {
    return call(HttpMethod.POST, "/api/v1/overlays/" + overlay + "/rollout", null)
        .get("operationId")
        .asText();
  }

  private JsonNode finished(String operationId) {
    return new EndToEndApi(rest).awaitEnded(operationId);
  }
}
