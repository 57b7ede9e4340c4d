package io.switchboard.api;

import static io.switchboard.inventory.vnf.VnfPackageBuilder.aPackage;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.inventory.user.Role;
import io.switchboard.inventory.vnf.ChainLan;
import java.util.HashMap;
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
}
