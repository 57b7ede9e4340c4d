package io.switchboard.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.inventory.user.Role;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;

/**
 * Firewall objects, zones, policies and versions over HTTP: tenant-scoped, problem+json naming the
 * field, rules kept in list order, publish refusing unknown names with the rule and field.
 */
class FirewallApiIT extends ApiIT {

  static Map<String, Object> rule(
      String name, List<String> sources, List<String> apps, String action) {
    Map<String, Object> rule = new HashMap<>();
    rule.put("name", name);
    rule.put("fromZones", List.of("trust"));
    rule.put("toZones", List.of("untrust"));
    rule.put("sources", sources);
    rule.put("applications", apps);
    rule.put("action", action);
    rule.put("logSessionInit", true);
    return rule;
  }

  @Test
  void aTenantAdminBuildsAPolicyPublishesVersionsAndRulesKeepTheirOrder() {
    String tenant = newTenant(null);
    String site = newSite(tenant);
    Caller tenantAdmin = user(Role.TENANT_ADMIN, null, tenant);
    tenantAdmin.create(
        "/api/v1/address-objects", Map.of("name", "lan", "kind", "PREFIX", "value", "10.1.0.0/16"));
    tenantAdmin.create(
        "/api/v1/address-objects",
        Map.of("name", "printers", "kind", "RANGE", "value", "10.1.9.10", "valueTo", "10.1.9.20"));
    tenantAdmin.create(
        "/api/v1/address-groups", Map.of("name", "office", "members", List.of("lan", "printers")));
    tenantAdmin.create(
        "/api/v1/applications",
        Map.of("name", "web-alt", "protocol", "tcp", "destinationPort", "8080-8088"));
    tenantAdmin.create(
        "/api/v1/application-sets",
        Map.of("name", "web", "members", List.of("junos-https", "web-alt")));
    tenantAdmin.create(
        "/api/v1/sites/" + site + "/zones",
        Map.of("name", "dmz", "interfaces", List.of("ge-0/0/2.0")));

    String policy =
        tenantAdmin.create(
            "/api/v1/firewall-policies",
            Map.of(
                "name", "office",
                "siteIds", List.of(site),
                "rules",
                    List.of(
                        rule("block-printers", List.of("printers"), List.of(), "DENY"),
                        rule("allow-web", List.of("office"), List.of("web"), "PERMIT"))));
    JsonNode read = tenantAdmin.get("/api/v1/firewall-policies/" + policy).getBody();
    assertThat(read.get("rules").get(0).get("name").asText()).isEqualTo("block-printers");
    assertThat(read.get("rules").get(0).get("applications").get(0).asText()).isEqualTo("any");
    assertThat(read.get("rules").get(1).get("logSessionInit").asBoolean()).isTrue();

    ResponseEntity<JsonNode> v1 =
        tenantAdmin.post("/api/v1/firewall-policies/" + policy + "/publish", null);
    assertThat(v1.getStatusCode().value()).isEqualTo(201);
    assertThat(v1.getBody().get("version").asInt()).isEqualTo(1);

    tenantAdmin.put(
        "/api/v1/firewall-policies/" + policy,
        Map.of(
            "name", "office",
            "siteIds", List.of(site),
            "rules",
                List.of(
                    rule("allow-web", List.of("office"), List.of("web"), "PERMIT"),
                    rule("block-printers", List.of("printers"), List.of(), "DENY"))));
    assertThat(
            tenantAdmin
                .post("/api/v1/firewall-policies/" + policy + "/publish", null)
                .getBody()
                .get("version")
                .asInt())
        .isEqualTo(2);
    JsonNode versions =
        tenantAdmin.get("/api/v1/firewall-policies/" + policy + "/versions").getBody();
    assertThat(versions.get(0).get("version").asInt()).isEqualTo(2);
    assertThat(versions.get(0).get("rules").get(0).get("name").asText()).isEqualTo("allow-web");
    assertThat(versions.get(1).get("rules").get(0).get("name").asText())
        .isEqualTo("block-printers");
    assertThat(tenantAdmin.get("/api/v1/firewall-policies/" + policy + "/deployments").getBody())
        .isEmpty();
  }

  @Test
  void aRuleNameTwoPoliciesShareInAZonePairOfASiteIsRefusedAtPublishAndAtAssignment() {
    String tenant = newTenant(null);
    String site = newSite(tenant);
    String other = newSite(tenant);
    Caller tenantAdmin = user(Role.TENANT_ADMIN, null, tenant);
    String base = policyWith(tenantAdmin, "base", site, "allow-web");
    assertThat(publish(tenantAdmin, base).getStatusCode().value()).isEqualTo(201);

    String office = policyWith(tenantAdmin, "office", site, "allow-web");
    ResponseEntity<JsonNode> atPublish = publish(tenantAdmin, office);
    assertThat(atPublish.getStatusCode().value()).isEqualTo(422);
    assertThat(atPublish.getBody().get("field").asText()).isEqualTo("rules[0].name");
    assertThat(atPublish.getBody().get("detail").asText())
        .contains("'allow-web'", "'office'", "'base'", "from-zone trust to-zone untrust");

    // Published on another site, the same rule name only collides once the site is shared.
    String branch = policyWith(tenantAdmin, "branch", other, "allow-web");
    assertThat(publish(tenantAdmin, branch).getStatusCode().value()).isEqualTo(201);
    ResponseEntity<JsonNode> atAssignment =
        tenantAdmin.put(
            "/api/v1/firewall-policies/" + branch,
            Map.of(
                "name",
                "branch",
                "siteIds",
                List.of(other, site),
                "rules",
                List.of(rule("allow-web", List.of(), List.of("junos-https"), "PERMIT"))));
    assertThat(atAssignment.getStatusCode().value()).isEqualTo(422);
    assertThat(atAssignment.getBody().get("field").asText()).isEqualTo("siteIds[1]");
    assertThat(atAssignment.getBody().get("detail").asText())
        .contains("'allow-web'", "'branch'", "'base'", "from-zone trust to-zone untrust");
    assertThat(
            tenantAdmin.get("/api/v1/firewall-policies/" + branch).getBody().get("siteIds").size())
        .isEqualTo(1);
  }

  private static ResponseEntity<JsonNode> publish(Caller admin, String policy) {
    return admin.post("/api/v1/firewall-policies/" + policy + "/publish", null);
  }

  private static String policyWith(Caller admin, String name, String site, String rule) {
    return admin.create(
        "/api/v1/firewall-policies",
        Map.of(
            "name",
            name,
            "siteIds",
            List.of(site),
            "rules",
            List.of(rule(rule, List.of(), List.of("junos-https"), "PERMIT"))));
  }

  @Test
  void aSitesZonesAreDerivedFromItsLanSegmentsAndWanLinksAndMarkedSoBesideDeclaredOnes() {
    String tenant = newTenant(null);
    String site = newSite(tenant);
    Caller tenantAdmin = user(Role.TENANT_ADMIN, null, tenant);
    tenantAdmin.create(
        "/api/v1/sites/" + site + "/lan-segments",
        Map.of("name", "users", "vlanId", 20, "prefix", "192.168.20.0/24"));
    tenantAdmin.create(
        "/api/v1/sites/" + site + "/wan-links",
        Map.of(
            "interfaceName", "ge-0/0/0",
            "accessType", "INTERNET",
            "addressing", "DHCP",
            "pathLabel", "internet"));
    tenantAdmin.create(
        "/api/v1/sites/" + site + "/zones",
        Map.of("name", "dmz", "interfaces", List.of("ge-0/0/2.0")));

    JsonNode zones = tenantAdmin.get("/api/v1/sites/" + site + "/zones").getBody();
    assertThat(zones).hasSize(3);
    assertThat(zones.get(0).get("name").asText()).isEqualTo("dmz");
    assertThat(zones.get(0).get("derived").asBoolean()).isFalse();
    assertThat(zones.get(1).get("name").asText()).isEqualTo("trust");
    assertThat(zones.get(1).get("interfaces").get(0).asText()).isEqualTo("irb.20");
    assertThat(zones.get(1).get("derived").asBoolean()).isTrue();
    assertThat(zones.get(1).hasNonNull("id")).isFalse();
    assertThat(zones.get(2).get("name").asText()).isEqualTo("untrust");
    assertThat(zones.get(2).get("interfaces").get(0).asText()).isEqualTo("ge-0/0/0.0");
    assertThat(zones.get(2).get("derived").asBoolean()).isTrue();
    Caller viewer = user(Role.TENANT_VIEWER, null, tenant);
    assertThat(viewer.get("/api/v1/sites/" + site + "/zones").getBody()).hasSize(3);
    assertThat(
            user(Role.TENANT_ADMIN, null, newTenant(null))
                .get("/api/v1/sites/" + site + "/zones")
                .getStatusCode()
                .value())
        .isEqualTo(404);
  }

  @Test
  void publishNamesTheRuleAndFieldThatReferencesSomethingTheTenantDoesNotHave() {
    String tenant = newTenant(null);
    String other = newTenant(null);
    user(Role.TENANT_ADMIN, null, other)
        .create(
            "/api/v1/address-objects",
            Map.of("name", "theirs", "kind", "PREFIX", "value", "10.9.0.0/16"));
    Caller tenantAdmin = user(Role.TENANT_ADMIN, null, tenant);
    String policy =
        tenantAdmin.create(
            "/api/v1/firewall-policies",
            Map.of(
                "name",
                "p",
                "rules",
                List.of(
                    rule("ok", List.of(), List.of("junos-ssh"), "PERMIT"),
                    rule("bad", List.of("theirs"), List.of(), "PERMIT"))));

    ResponseEntity<JsonNode> unpublished =
        tenantAdmin.post("/api/v1/firewall-policies/" + policy + "/preview", null);
    assertThat(unpublished.getStatusCode().value()).isEqualTo(409);
    assertThat(unpublished.getBody().get("field").asText()).isEqualTo("version");

    ResponseEntity<JsonNode> refused =
        tenantAdmin.post("/api/v1/firewall-policies/" + policy + "/publish", null);
    assertThat(refused.getStatusCode().value()).isEqualTo(422);
    assertThat(refused.getHeaders().getContentType().toString()).contains("problem+json");
    assertThat(refused.getBody().get("field").asText()).isEqualTo("rules[1].sources");
    assertThat(refused.getBody().get("detail").asText()).contains("'bad'").contains("'theirs'");
  }

  @Test
  void badObjectsAreRefusedNamingTheField() {
    Caller tenantAdmin = user(Role.TENANT_ADMIN, null, newTenant(null));
    ResponseEntity<JsonNode> prefix =
        tenantAdmin.post(
            "/api/v1/address-objects",
            Map.of("name", "x", "kind", "PREFIX", "value", "10.1.0.0/33"));
    assertThat(prefix.getStatusCode().value()).isEqualTo(400);
    assertThat(prefix.getBody().get("field").asText()).isEqualTo("value");
    ResponseEntity<JsonNode> member =
        tenantAdmin.post("/api/v1/address-groups", Map.of("name", "g", "members", List.of("nope")));
    assertThat(member.getStatusCode().value()).isEqualTo(422);
    assertThat(member.getBody().get("field").asText()).isEqualTo("members[0]");
    ResponseEntity<JsonNode> port =
        tenantAdmin.post(
            "/api/v1/applications",
            Map.of("name", "a", "protocol", "tcp", "destinationPort", "70000"));
    assertThat(port.getBody().get("field").asText()).isEqualTo("destinationPort");
    tenantAdmin.create(
        "/api/v1/address-objects", Map.of("name", "dup", "kind", "DNS", "value", "a.example.com"));
    assertThat(
            tenantAdmin
                .post(
                    "/api/v1/address-objects",
                    Map.of("name", "dup", "kind", "DNS", "value", "b.example.com"))
                .getStatusCode()
                .value())
        .isEqualTo(409);
  }

  @Test
  void anotherTenantSeesNoneOfItAndRolesLimitWhatOneMayDo() {
    String tenant = newTenant(null);
    String site = newSite(tenant);
    Caller tenantAdmin = user(Role.TENANT_ADMIN, null, tenant);
    String policy =
        tenantAdmin.create(
            "/api/v1/firewall-policies",
            Map.of(
                "name",
                "p",
                "siteIds",
                List.of(site),
                "rules",
                List.of(rule("r", List.of(), List.of(), "DENY"))));
    tenantAdmin.create(
        "/api/v1/address-objects", Map.of("name", "lan", "kind", "PREFIX", "value", "10.1.0.0/16"));

    Caller stranger = user(Role.TENANT_ADMIN, null, newTenant(null));
    assertThat(stranger.get("/api/v1/firewall-policies/" + policy).getStatusCode().value())
        .isEqualTo(404);
    assertThat(
            stranger
                .post("/api/v1/firewall-policies/" + policy + "/publish", null)
                .getStatusCode()
                .value())
        .isEqualTo(404);
    assertThat(
            stranger
                .get("/api/v1/firewall-policies/" + policy + "/versions")
                .getStatusCode()
                .value())
        .isEqualTo(404);
    assertThat(stranger.get("/api/v1/sites/" + site + "/zones").getStatusCode().value())
        .isEqualTo(404);
    assertThat(stranger.get("/api/v1/address-objects").getBody().get("totalItems").asInt())
        .isZero();
    assertThat(stranger.get("/api/v1/firewall-policies").getBody().get("totalItems").asInt())
        .isZero();
    ResponseEntity<JsonNode> foreignSite =
        stranger.post(
            "/api/v1/firewall-policies",
            Map.of("name", "q", "siteIds", List.of(site), "rules", List.of()));
    assertThat(foreignSite.getStatusCode().value()).isEqualTo(422);
    assertThat(foreignSite.getBody().get("field").asText()).isEqualTo("siteIds[0]");

    Caller viewer = user(Role.TENANT_VIEWER, null, tenant);
    assertThat(viewer.get("/api/v1/firewall-policies/" + policy).getStatusCode().value())
        .isEqualTo(200);
    assertThat(
            viewer
                .post("/api/v1/firewall-policies/" + policy + "/publish", null)
                .getStatusCode()
                .value())
        .isEqualTo(403);
    assertThat(
            viewer
                .post("/api/v1/firewall-policies/" + policy + "/preview", null)
                .getStatusCode()
                .value())
        .isEqualTo(403);
    assertThat(
            stranger
                .post("/api/v1/firewall-policies/" + policy + "/preview", null)
                .getStatusCode()
                .value())
        .isEqualTo(404);
    Caller operator = user(Role.TENANT_OPERATOR, null, tenant);
    assertThat(
            operator
                .post(
                    "/api/v1/address-objects",
                    Map.of("name", "x", "kind", "PREFIX", "value", "10.0.0.0/8"))
                .getStatusCode()
                .value())
        .isEqualTo(403);
    assertThat(operator.get("/api/v1/address-objects").getBody().get("totalItems").asInt())
        .isEqualTo(1);
    assertThat(tenantAdmin.delete("/api/v1/firewall-policies/" + policy).getStatusCode().value())
        .isEqualTo(204);
  }

  @Test
  void operatorsStartDeploymentsAndBadRequestsNameTheField() {
    String tenant = newTenant(null);
    String site = newSite(tenant);
    String bare = newSite(tenant);
    String device = newDevice(tenant, site, newModel());
    Caller tenantAdmin = user(Role.TENANT_ADMIN, null, tenant);
    String policy =
        tenantAdmin.create(
            "/api/v1/firewall-policies",
            Map.of(
                "name",
                "deployed",
                "siteIds",
                List.of(site, bare),
                "rules",
                List.of(rule("r", List.of(), List.of(), "DENY"))));
    Caller operator = user(Role.TENANT_OPERATOR, null, tenant);
    String deployments = "/api/v1/firewall-policies/" + policy + "/deployments";

    ResponseEntity<JsonNode> unpublished =
        operator.post(deployments, Map.of("siteIds", List.of(site)));
    assertThat(unpublished.getStatusCode().value()).isEqualTo(409);
    assertThat(unpublished.getBody().get("field").asText()).isEqualTo("version");
    tenantAdmin.post("/api/v1/firewall-policies/" + policy + "/publish", null);

    Map<String, ResponseEntity<JsonNode>> refused =
        Map.of(
            "window.end",
            operator.post(
                deployments,
                Map.of("siteIds", List.of(site), "window", Map.of("end", "2020-01-01T00:00:00Z"))),
            "siteIds[0]",
            operator.post(deployments, Map.of("siteIds", List.of(newSite(tenant)))),
            "siteIds[1]",
            operator.post(deployments, Map.of("siteIds", List.of(site, bare))),
            "version",
            operator.post(deployments, Map.of("version", 7, "siteIds", List.of(site))),
            "failureThresholdPercent",
            operator.post(
                deployments, Map.of("siteIds", List.of(site), "failureThresholdPercent", 101)));
    refused.forEach(
        (field, response) -> {
          assertThat(response.getStatusCode().value()).as(field).isIn(400, 422);
          assertThat(response.getBody().get("field").asText()).as(field).isEqualTo(field);
        });
    assertThat(refused.get("window.end").getStatusCode().value()).isEqualTo(400);
    assertThat(refused.get("siteIds[1]").getBody().get("detail").asText())
        .contains("has no device");

    Caller viewer = user(Role.TENANT_VIEWER, null, tenant);
    assertThat(viewer.post(deployments, Map.of("siteIds", List.of(site))).getStatusCode().value())
        .isEqualTo(403);
    Caller stranger = user(Role.TENANT_OPERATOR, null, newTenant(null));
    assertThat(stranger.post(deployments, Map.of("siteIds", List.of(site))).getStatusCode().value())
        .isEqualTo(404);

    ResponseEntity<JsonNode> accepted =
        operator.post(deployments, Map.of("version", 1, "siteIds", List.of(site)));
    assertThat(accepted.getStatusCode().value()).as("%s", accepted.getBody()).isEqualTo(202);
    JsonNode started = accepted.getBody();
    assertThat(started.get("type").asText()).isEqualTo("firewall-policy-deploy");
    assertThat(started.get("targetKind").asText()).isEqualTo("FIREWALL_POLICY");
    assertThat(started.get("targetId").asText()).isEqualTo(policy);
    assertThat(started.get("deployments")).hasSize(1);
    assertThat(started.get("deployments").get(0).get("deviceId").asText()).isEqualTo(device);
    assertThat(started.get("deployments").get(0).get("state").asText()).isEqualTo("PENDING");
    assertThat(operator.get(deployments).getBody()).hasSize(1);
    assertThat(stranger.get(deployments).getStatusCode().value()).isEqualTo(404);
    assertThat(
            stranger
                .get("/api/v1/operations/" + started.get("id").asText())
                .getStatusCode()
                .value())
        .isEqualTo(404);
  }
}
