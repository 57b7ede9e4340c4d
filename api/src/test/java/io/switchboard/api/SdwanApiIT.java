package io.switchboard.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.inventory.user.Role;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;

/**
 * WAN links, LAN segments, overlays, SLA profiles and steering rules over HTTP: tenant-scoped,
 * problem+json naming the field, the plan preview read-only and without keys.
 */
class SdwanApiIT extends ApiIT {

  private String site(String tenant, String address) {
    String site = newSite(tenant);
    admin.create(
        "/api/v1/sites/" + site + "/wan-links",
        Map.of(
            "interfaceName", "ge-0/0/0",
            "accessType", "INTERNET",
            "addressing", "STATIC",
            "address", address + "/24",
            "gateway", address.substring(0, address.lastIndexOf('.')) + ".254",
            "pathLabel", "internet"));
    return site;
  }

  @Test
  void anOverlayIsPlannedFromItsSitesLinksAndSegmentsWithoutShowingKeys() {
    String tenant = newTenant(null);
    String hub = site(tenant, "198.51.100.1");
    String spoke = site(tenant, "198.51.100.2");
    admin.create(
        "/api/v1/sites/" + spoke + "/lan-segments",
        Map.of("name", "office", "vlanId", 10, "prefix", "192.168.20.0/24", "dhcp", true));
    Caller tenantAdmin = user(Role.TENANT_ADMIN, null, tenant);

    String overlay =
        tenantAdmin.create(
            "/api/v1/overlays",
            Map.of(
                "tenantId",
                tenant,
                "name",
                "corp",
                "topology",
                "HUB_SPOKE",
                "hubSiteIds",
                List.of(hub),
                "siteIds",
                List.of(spoke),
                "tunnelPool",
                "10.255.0.0/16"));

    JsonNode read = tenantAdmin.get("/api/v1/overlays/" + overlay).getBody();
    assertThat(read.get("state").asText()).isEqualTo("DRAFT");
    assertThat(read.get("hubSiteIds").get(0).asText()).isEqualTo(hub);
    assertThat(read.get("tunnels")).isEmpty();

    ResponseEntity<JsonNode> plan = tenantAdmin.post("/api/v1/overlays/" + overlay + "/plan", null);
    assertThat(plan.getStatusCode().value()).isEqualTo(200);
    JsonNode tunnel = plan.getBody().get("tunnels").get(0);
    assertThat(tunnel.get("number").asInt()).isEqualTo(1);
    assertThat(tunnel.get("aSiteId").asText()).isEqualTo(hub);
    assertThat(tunnel.get("bAddress").asText()).isEqualTo("10.255.0.1");
    String hubConfig = plan.getBody().get("configuration").get(hub).toString();
    assertThat(hubConfig)
        .contains("set security ike gateway sdwan-t1 address 198.51.100.2")
        .contains("set routing-options static route 192.168.20.0/24 next-hop st0.1")
        .contains("ascii-text \\\"<hidden>\\\"");
    // read-only: nothing was allocated
    assertThat(tenantAdmin.get("/api/v1/overlays/" + overlay).getBody().get("tunnels")).isEmpty();
  }

  @Test
  void aSiteGoesWithItsLinksAndSegmentsButStaysWhileAnOverlayOrADeviceUsesIt() {
    String tenant = newTenant(null);
    String alone = site(tenant, "198.51.100.1");
    admin.create(
        "/api/v1/sites/" + alone + "/lan-segments",
        Map.of("name", "office", "vlanId", 10, "prefix", "192.168.20.0/24", "dhcp", true));
    assertThat(admin.delete("/api/v1/sites/" + alone).getStatusCode().value()).isEqualTo(204);
    assertThat(admin.get("/api/v1/sites/" + alone).getStatusCode().value()).isEqualTo(404);

    String hub = site(tenant, "198.51.100.2");
    String spoke = site(tenant, "198.51.100.3");
    admin.create(
        "/api/v1/overlays",
        Map.of(
            "tenantId",
            tenant,
            "name",
            "corp",
            "topology",
            "HUB_SPOKE",
            "hubSiteIds",
            List.of(hub),
            "siteIds",
            List.of(spoke),
            "tunnelPool",
            "10.255.0.0/16"));
    newDevice(tenant, spoke, newModel());

    ResponseEntity<JsonNode> inOverlay = admin.delete("/api/v1/sites/" + hub);
    assertThat(inOverlay.getStatusCode().value()).isEqualTo(409);
    assertThat(inOverlay.getBody().get("detail").asText()).endsWith("is still used by 1 overlay");
    ResponseEntity<JsonNode> withDevice = admin.delete("/api/v1/sites/" + spoke);
    assertThat(withDevice.getBody().get("detail").asText())
        .endsWith("is still used by 1 device, 1 overlay");
    assertThat(admin.get("/api/v1/sites/" + hub + "/wan-links").getBody()).hasSize(1);
  }

  @Test
  void anotherTenantsSitesAndOverlaysAnswerAsIfTheyDidNotExist() {
    String mine = newTenant(null);
    String theirs = newTenant(null);
    String myHub = site(mine, "198.51.100.1");
    String theirSite = site(theirs, "198.51.100.9");
    Caller me = user(Role.TENANT_ADMIN, null, mine);

    ResponseEntity<JsonNode> foreignSite =
        me.post(
            "/api/v1/overlays",
            Map.of(
                "tenantId",
                mine,
                "name",
                "x",
                "topology",
                "HUB_SPOKE",
                "hubSiteIds",
                List.of(myHub),
                "siteIds",
                List.of(theirSite),
                "tunnelPool",
                "10.255.0.0/16"));
    ResponseEntity<JsonNode> missingSite =
        me.post(
            "/api/v1/overlays",
            Map.of(
                "tenantId",
                mine,
                "name",
                "x",
                "topology",
                "HUB_SPOKE",
                "hubSiteIds",
                List.of(myHub),
                "siteIds",
                List.of("no-such-site"),
                "tunnelPool",
                "10.255.0.0/16"));
    assertThat(foreignSite.getStatusCode().value()).isEqualTo(422);
    assertThat(foreignSite.getBody().get("field").asText()).isEqualTo("siteIds[0]");
    assertThat(foreignSite.getBody().get("detail").asText())
        .isEqualTo("siteIds[0]: site '" + theirSite + "' not found");
    assertThat(missingSite.getStatusCode().value()).isEqualTo(422);
    assertThat(missingSite.getBody().get("detail").asText())
        .isEqualTo("siteIds[0]: site 'no-such-site' not found");

    assertThat(me.get("/api/v1/sites/" + theirSite + "/wan-links").getStatusCode().value())
        .isEqualTo(404);
    String theirOverlay =
        admin.create(
            "/api/v1/overlays",
            Map.of(
                "tenantId", theirs,
                "name", "theirs",
                "topology", "FULL_MESH",
                "siteIds", List.of(theirSite),
                "tunnelPool", "10.255.0.0/16"));
    assertThat(me.get("/api/v1/overlays/" + theirOverlay).getStatusCode().value()).isEqualTo(404);
    assertThat(me.post("/api/v1/overlays/" + theirOverlay + "/plan", null).getStatusCode().value())
        .isEqualTo(404);
    assertThat(me.get("/api/v1/overlays").getBody().toString()).doesNotContain(theirOverlay);
  }

  @Test
  void badInputIsProblemJsonNamingTheField() {
    String tenant = newTenant(null);
    String site = newSite(tenant);
    ResponseEntity<JsonNode> noGateway =
        admin.post(
            "/api/v1/sites/" + site + "/wan-links",
            Map.of(
                "interfaceName", "ge-0/0/0",
                "accessType", "INTERNET",
                "addressing", "STATIC",
                "address", "198.51.100.1/24",
                "pathLabel", "internet"));
    assertThat(noGateway.getStatusCode().value()).isEqualTo(400);
    assertThat(noGateway.getBody().get("field").asText()).isEqualTo("gateway");
    assertThat(noGateway.getHeaders().getContentType().toString()).contains("problem+json");

    ResponseEntity<JsonNode> badPool =
        admin.post(
            "/api/v1/overlays",
            Map.of(
                "tenantId", tenant,
                "name", "p",
                "topology", "FULL_MESH",
                "siteIds", List.of(site),
                "tunnelPool", "10.255.0.0"));
    assertThat(badPool.getStatusCode().value()).isEqualTo(400);
    assertThat(badPool.getBody().get("field").asText()).isEqualTo("tunnelPool");

    ResponseEntity<JsonNode> badPrefix =
        admin.post(
            "/api/v1/sites/" + site + "/lan-segments", Map.of("name", "x", "prefix", "nope"));
    assertThat(badPrefix.getBody().get("field").asText()).isEqualTo("prefix");
  }

  @Test
  void slaProfilesAndSteeringRulesAreKeptInOrder() {
    String tenant = newTenant(null);
    String site = site(tenant, "198.51.100.1");
    String overlay =
        admin.create(
            "/api/v1/overlays",
            Map.of(
                "tenantId", tenant,
                "name", "mesh",
                "topology", "FULL_MESH",
                "siteIds", List.of(site),
                "tunnelPool", "10.255.0.0/24"));
    String voice =
        admin.create(
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
                "mpls"));

    ResponseEntity<JsonNode> put =
        admin.put(
            "/api/v1/overlays/" + overlay + "/steering-rules",
            List.of(
                Map.of("application", "junos-sip", "slaProfileId", voice),
                Map.of("dscp", 46, "slaProfileId", voice)));
    assertThat(put.getStatusCode().value()).isEqualTo(200);
    JsonNode rules = admin.get("/api/v1/overlays/" + overlay + "/steering-rules").getBody();
    assertThat(rules.get(0).get("application").asText()).isEqualTo("junos-sip");
    assertThat(rules.get(1).get("dscp").asInt()).isEqualTo(46);
    assertThat(rules.get(1).get("order").asInt()).isEqualTo(2);
  }
}
