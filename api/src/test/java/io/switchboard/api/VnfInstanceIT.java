package io.switchboard.api;

import static io.switchboard.inventory.vnf.VnfPackageBuilder.aPackage;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.inventory.user.Role;
import io.switchboard.inventory.vnf.ChainLan;
import io.switchboard.inventory.vnf.Day0Parameter;
import io.switchboard.inventory.vnf.VnfPackageBuilder;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;

/** VNF instances and their lifecycle occurrences: tenant scope, states, operations. */
class VnfInstanceIT extends ApiIT {

  String onboardedPackage() {
    return VnfPackageIT.onboarded(admin.template(), aPackage("vSRX", unique("i")));
  }

  Map<String, String> instanceBody(String tenant, String site, String device, String pkg) {
    return Map.of(
        "tenantId", tenant,
        "siteId", site,
        "deviceId", device,
        "packageId", pkg,
        "flavourId", "small",
        "name", "vsrx-1");
  }

  @Test
  void anInstanceIsCreatedNotInstantiatedAndOtherTenantsSeeNothingOfIt() {
    String tenant = newTenant(null);
    String site = newSite(tenant);
    String device = newDevice(tenant, site, newModel());
    String pkg = onboardedPackage();
    Caller tenantAdmin = user(Role.TENANT_ADMIN, null, tenant);

    ResponseEntity<JsonNode> created =
        tenantAdmin.post("/api/v1/vnf-instances", instanceBody(tenant, site, device, pkg));
    assertThat(created.getStatusCode().value()).as("%s", created.getBody()).isEqualTo(201);
    assertThat(created.getBody().get("instantiationState").asText()).isEqualTo("NOT_INSTANTIATED");
    String id = created.getBody().get("id").asText();

    assertThat(
            tenantAdmin
                .post("/api/v1/vnf-instances", instanceBody(tenant, site, device, pkg))
                .getStatusCode()
                .value())
        .as("same name on the device")
        .isEqualTo(409);

    Caller stranger = user(Role.TENANT_ADMIN, null, newTenant(null));
    assertThat(stranger.get("/api/v1/vnf-instances/" + id).getStatusCode().value()).isEqualTo(404);
    assertThat(stranger.get("/api/v1/vnf-instances/" + unique("x")).getStatusCode().value())
        .isEqualTo(404);
    assertThat(stranger.post("/api/v1/vnf-instances/" + id + "/instantiate", null).getStatusCode())
        .matches(s -> s.value() == 404);
    assertThat(stranger.delete("/api/v1/vnf-instances/" + id).getStatusCode().value())
        .isEqualTo(404);
    assertThat(tenantAdmin.delete("/api/v1/vnf-instances/" + id).getStatusCode().value())
        .isEqualTo(204);
  }

  @Test
  void theWanVlanIsChosenPerInstanceOneVnfPerWanVlanOnADevice() {
    String tenant = newTenant(null);
    String site = newSite(tenant);
    String device = newDevice(tenant, site, newModel());
    String pkg = onboardedPackage();
    Map<String, Object> body = new HashMap<>(instanceBody(tenant, site, device, pkg));

    JsonNode byDefault = admin.post("/api/v1/vnf-instances", body).getBody();
    assertThat(byDefault.get("wanVlan").asInt()).as("switchboard.vnf.wan-vlan").isEqualTo(4001);

    body.put("name", "vsrx-2");
    ResponseEntity<JsonNode> taken = admin.post("/api/v1/vnf-instances", body);
    assertThat(taken.getStatusCode().value()).isEqualTo(409);
    assertThat(taken.getBody().get("field").asText()).isEqualTo("wanVlan");

    body.put("wanVlan", 3001);
    ResponseEntity<JsonNode> chosen = admin.post("/api/v1/vnf-instances", body);
    assertThat(chosen.getStatusCode().value()).as("%s", chosen.getBody()).isEqualTo(201);
    assertThat(chosen.getBody().get("wanVlan").asInt()).isEqualTo(3001);

    body.put("name", "vsrx-3");
    body.put("wanVlan", 4095);
    ResponseEntity<JsonNode> outOfRange = admin.post("/api/v1/vnf-instances", body);
    assertThat(outOfRange.getStatusCode().value()).isEqualTo(400);
    assertThat(outOfRange.getBody().get("field").asText()).isEqualTo("wanVlan");

    body.put("wanVlan", ChainLan.DEFAULT_VLAN);
    ResponseEntity<JsonNode> lan = admin.post("/api/v1/vnf-instances", body);
    assertThat(lan.getStatusCode().value()).as("the site's LAN VLAN").isEqualTo(422);
    assertThat(lan.getBody().get("field").asText()).isEqualTo("wanVlan");
  }

  @Test
  void aFlavourThePackageDoesNotHaveIsNamed() {
    String tenant = newTenant(null);
    String site = newSite(tenant);
    String device = newDevice(tenant, site, newModel());
    ResponseEntity<JsonNode> response =
        admin.post(
            "/api/v1/vnf-instances",
            Map.of(
                "tenantId",
                tenant,
                "siteId",
                site,
                "deviceId",
                device,
                "packageId",
                onboardedPackage(),
                "flavourId",
                "huge",
                "name",
                "vsrx-1"));
    assertThat(response.getStatusCode().value()).isEqualTo(422);
    assertThat(response.getBody().get("field").asText()).isEqualTo("flavourId");
    assertThat(response.getHeaders().getContentType().toString())
        .startsWith("application/problem+json");
  }

  @Test
  void instantiateAnswersTheOccurrenceWhichIsAlsoAnOperation() {
    String tenant = newTenant(null);
    String site = newSite(tenant);
    String device = newDevice(tenant, site, newModel());
    String id =
        admin.create(
            "/api/v1/vnf-instances", instanceBody(tenant, site, device, onboardedPackage()));
    Caller operator = user(Role.TENANT_OPERATOR, null, tenant);

    ResponseEntity<JsonNode> accepted =
        operator.post("/api/v1/vnf-instances/" + id + "/instantiate", null);

    assertThat(accepted.getStatusCode().value()).as("%s", accepted.getBody()).isEqualTo(202);
    String location = accepted.getHeaders().getLocation().getPath();
    assertThat(location).startsWith("/api/v1/vnf-lcm-op-occs/");
    JsonNode occ = operator.get(location).getBody();
    assertThat(occ.get("operation").asText()).isEqualTo("INSTANTIATE");
    assertThat(occ.get("vnfInstanceId").asText()).isEqualTo(id);
    assertThat(occ.get("startTime").asText()).isNotBlank();
    String operationId = occ.get("operationId").asText();
    JsonNode operation = operator.get("/api/v1/operations/" + operationId).getBody();
    assertThat(operation.get("type").asText()).isEqualTo("vnf-instantiation");
    assertThat(
            operator
                .get("/api/v1/vnf-lcm-op-occs?vnfInstanceId=" + id)
                .getBody()
                .get("totalItems")
                .asLong())
        .isEqualTo(1);
    assertThat(operator.post(location + "/retry", null).getStatusCode().value())
        .as("only FAILED_TEMP can be retried")
        .isEqualTo(409);
    assertThat(
            operator
                .post("/api/v1/vnf-instances/" + id + "/terminate", null)
                .getStatusCode()
                .value())
        .as("not instantiated")
        .isEqualTo(409);
    assertThat(operator.post("/api/v1/vnf-instances/" + id + "/heal", null).getStatusCode().value())
        .as("nothing to heal before it is instantiated")
        .isEqualTo(409);
    ResponseEntity<JsonNode> longCause =
        operator.post("/api/v1/vnf-instances/" + id + "/heal", Map.of("cause", "x".repeat(256)));
    assertThat(longCause.getStatusCode().value()).isEqualTo(400);
    assertThat(longCause.getBody().get("field").asText()).isEqualTo("cause");
    assertThat(
            user(Role.TENANT_ADMIN, null, newTenant(null))
                .post("/api/v1/vnf-instances/" + id + "/heal", null)
                .getStatusCode()
                .value())
        .isEqualTo(404);
    assertThat(
            user(Role.TENANT_VIEWER, null, tenant)
                .post("/api/v1/vnf-instances/" + id + "/heal", null)
                .getStatusCode()
                .value())
        .isEqualTo(403);
    assertThat(
            user(Role.TENANT_VIEWER, null, tenant)
                .post("/api/v1/vnf-instances/" + id + "/instantiate", null)
                .getStatusCode()
                .value())
        .isEqualTo(403);
  }

  static final String SECRET = "s3cr3t-Root-pw!";

  /** A package whose day-0 template uses three declared parameters, one of them secret. */
  static VnfPackageBuilder withDay0Parameters(String version) {
    return aPackage("vSRX", version)
        .day0(
            "set system host-name {{vnf_name}}-{{site_code}}\n"
                + "set system root-authentication plain-text-password-value {{root_password}}\n"
                + "set interfaces ge-0/0/1 mtu {{mtu}}\n")
        .day0Parameter(
            new Day0Parameter(
                "site_code", Day0Parameter.Type.STRING, false, true, null, "[A-Z]{3}"))
        .day0Parameter(
            new Day0Parameter("root_password", Day0Parameter.Type.STRING, true, true, null, null))
        .day0Parameter(
            new Day0Parameter("mtu", Day0Parameter.Type.INTEGER, false, false, "1500", null));
  }

  @Test
  void day0ParametersAreCheckedBeforeAnythingStartsAndASecretIsNeverShown() {
    String tenant = newTenant(null);
    String site = newSite(tenant);
    String device = newDevice(tenant, site, newModel());
    String pkg = VnfPackageIT.onboarded(admin.template(), withDay0Parameters(unique("p")));
    JsonNode declared = admin.get("/api/v1/vnf-packages/" + pkg).getBody();
    assertThat(declared.at("/day0Parameters/1/name").asText()).isEqualTo("root_password");
    assertThat(declared.at("/day0Parameters/1/secret").asBoolean()).isTrue();
    String id = admin.create("/api/v1/vnf-instances", instanceBody(tenant, site, device, pkg));
    String instantiate = "/api/v1/vnf-instances/" + id + "/instantiate";

    Map<String, Map<String, Object>> refused =
        Map.of(
            "additionalParams.licence",
            Map.of("site_code", "LYS", "root_password", SECRET, "licence", "x"),
            "additionalParams.root_password",
            Map.of("site_code", "LYS"),
            "additionalParams.site_code",
            Map.of("site_code", "lyon", "root_password", SECRET),
            "additionalParams.mtu",
            Map.of("site_code", "LYS", "root_password", SECRET, "mtu", "9000"));
    refused.forEach(
        (field, params) -> {
          ResponseEntity<JsonNode> answer =
              admin.post(instantiate, Map.of("additionalParams", params));
          assertThat(answer.getStatusCode().value()).as("%s", answer.getBody()).isEqualTo(422);
          assertThat(answer.getBody().get("field").asText()).isEqualTo(field);
          assertThat(answer.getBody().toString()).doesNotContain(SECRET);
        });
    assertThat(admin.post(instantiate, null).getBody().get("field").asText())
        .as("no body: the required ones are missing")
        .isIn("additionalParams.site_code", "additionalParams.root_password");
    assertThat(
            admin
                .get("/api/v1/vnf-lcm-op-occs?vnfInstanceId=" + id)
                .getBody()
                .get("totalItems")
                .asLong())
        .as("nothing started")
        .isZero();

    Map<String, Object> good =
        Map.of("additionalParams", Map.of("site_code", "LYS", "root_password", SECRET));
    assertThat(
            user(Role.TENANT_ADMIN, null, newTenant(null))
                .post(instantiate, good)
                .getStatusCode()
                .value())
        .isEqualTo(404);
    ResponseEntity<JsonNode> accepted = admin.post(instantiate, good);
    assertThat(accepted.getStatusCode().value()).as("%s", accepted.getBody()).isEqualTo(202);

    JsonNode read = admin.get("/api/v1/vnf-instances/" + id).getBody();
    assertThat(read.get("additionalParams").get("site_code").asText()).isEqualTo("LYS");
    assertThat(read.get("additionalParams").get("mtu").asText())
        .as("its default")
        .isEqualTo("1500");
    assertThat(read.get("additionalParams").get("root_password").asText()).isEqualTo("<hidden>");
    String occ = accepted.getHeaders().getLocation().getPath();
    for (String answer :
        List.of(
            accepted.getBody().toString(),
            read.toString(),
            admin.get("/api/v1/vnf-instances?deviceId=" + device).getBody().toString(),
            admin.get(occ).getBody().toString(),
            admin
                .get("/api/v1/operations/" + admin.get(occ).getBody().get("operationId").asText())
                .getBody()
                .toString())) {
      assertThat(answer).doesNotContain(SECRET);
    }
  }
}
