package io.switchboard.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.CamundaClient;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.switchboard.inventory.user.Role;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every role against every endpoint family, read and write, each inside the role's own scope: the
 * status says what the role may do (201/200 allowed, 403 forbidden).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessMatrixIT extends ApiIT {
  static final String PROCESS = "access-matrix-noop";

  @Autowired CamundaClient camunda;
  String opco;
  String tenant;
  String site;
  String model;
  String device;

  @BeforeAll
  void world() {
    callers();
    opco = newOpco();
    tenant = newTenant(opco);
    site = newSite(tenant);
    model = newModel();
    device = newDevice(tenant, site, model);
    camunda
        .newDeployResourceCommand()
        .addProcessModel(
            Bpmn.createExecutableProcess(PROCESS).startEvent().endEvent().done(), "noop.bpmn")
        .send()
        .join();
  }

  private Caller callerFor(Role role) {
    return switch (role.level()) {
      case PROVIDER -> user(role, null, null);
      case OPCO -> user(role, opco, null);
      case TENANT -> user(role, null, tenant);
    };
  }

  @ParameterizedTest
  @EnumSource(Role.class)
  void everyRoleAgainstEveryEndpointFamily(Role role) {
    Caller caller = callerFor(role);
    boolean sp = role == Role.SP_ADMIN;
    boolean opcoAdmin = role == Role.OPCO_ADMIN;
    boolean tenantAdmin = role == Role.TENANT_ADMIN;
    byte[] image = unique("image").getBytes(StandardCharsets.UTF_8);

    Map<String, Supplier<Integer>> probes = new LinkedHashMap<>();
    Map<String, Integer> expected = new LinkedHashMap<>();
    probe(
        probes,
        expected,
        "read opcos",
        200,
        () -> caller.get("/api/v1/opcos").getStatusCode().value());
    probe(
        probes,
        expected,
        "write opcos",
        sp ? 201 : 403,
        () -> caller.post("/api/v1/opcos", Map.of("name", unique("o"))).getStatusCode().value());
    probe(
        probes,
        expected,
        "read tenants",
        200,
        () -> caller.get("/api/v1/tenants").getStatusCode().value());
    probe(
        probes,
        expected,
        "write tenants",
        sp || opcoAdmin ? 201 : 403,
        () ->
            caller
                .post("/api/v1/tenants", Map.of("name", unique("t"), "opcoId", opco))
                .getStatusCode()
                .value());
    probe(
        probes,
        expected,
        "read sites",
        200,
        () -> caller.get("/api/v1/sites").getStatusCode().value());
    probe(
        probes,
        expected,
        "write sites",
        sp || opcoAdmin || tenantAdmin ? 201 : 403,
        () ->
            caller
                .post(
                    "/api/v1/sites", Map.of("tenantId", tenant, "name", unique("s"), "type", "HUB"))
                .getStatusCode()
                .value());
    probe(
        probes,
        expected,
        "read devices",
        200,
        () -> caller.get("/api/v1/devices").getStatusCode().value());
    probe(
        probes,
        expected,
        "write devices",
        sp || opcoAdmin || tenantAdmin ? 201 : 403,
        () ->
            caller
                .post(
                    "/api/v1/devices",
                    Map.of("tenantId", tenant, "serialNumber", unique("SN"), "modelId", model))
                .getStatusCode()
                .value());
    probe(
        probes,
        expected,
        "read device models",
        200,
        () -> caller.get("/api/v1/device-models").getStatusCode().value());
    probe(
        probes,
        expected,
        "write device models",
        sp ? 201 : 403,
        () ->
            caller
                .post(
                    "/api/v1/device-models",
                    Map.of("name", unique("m"), "vendor", "Juniper", "family", "srx"))
                .getStatusCode()
                .value());
    probe(
        probes,
        expected,
        "read images",
        200,
        () -> caller.get("/api/v1/images").getStatusCode().value());
    probe(
        probes,
        expected,
        "write images",
        sp ? 201 : 403,
        () ->
            caller
                .template()
                .postForEntity(
                    "/api/v1/images",
                    ImageFixtures.upload(
                        image,
                        unique("v"),
                        "srx",
                        ImageFixtures.sign(image, ImageFixtures.TRUSTED_PRIVATE)),
                    String.class)
                .getStatusCode()
                .value());
    probe(
        probes,
        expected,
        "read operations",
        200,
        () -> caller.get("/api/v1/operations").getStatusCode().value());
    probe(
        probes,
        expected,
        "run operations",
        role.canRunOperations() ? 201 : 403,
        () ->
            caller
                .post(
                    "/api/v1/operations",
                    Map.of(
                        "type",
                        PROCESS,
                        "target",
                        Map.of("kind", "DEVICE", "id", newDevice(tenant, site, model))))
                .getStatusCode()
                .value());
    probe(
        probes,
        expected,
        "read users",
        200,
        () -> caller.get("/api/v1/users").getStatusCode().value());
    probe(
        probes,
        expected,
        "write users",
        sp || opcoAdmin || tenantAdmin ? 201 : 403,
        () ->
            caller
                .post(
                    "/api/v1/users",
                    Map.of(
                        "username",
                        unique("u"),
                        "password",
                        PASSWORD,
                        "role",
                        "TENANT_VIEWER",
                        "tenantId",
                        tenant))
                .getStatusCode()
                .value());

    boolean anyAdmin = sp || opcoAdmin || tenantAdmin;
    probe(
        probes,
        expected,
        "update users",
        anyAdmin ? 200 : 403,
        () ->
            caller
                .call(
                    org.springframework.http.HttpMethod.PATCH,
                    "/api/v1/users/" + viewerId(),
                    Map.of("role", "TENANT_OPERATOR"))
                .getStatusCode()
                .value());
    probe(
        probes,
        expected,
        "reset passwords",
        anyAdmin ? 204 : 403,
        () ->
            caller
                .put(
                    "/api/v1/users/" + viewerId() + "/password",
                    Map.of("newPassword", "a reset password"))
                .getStatusCode()
                .value());
    probe(
        probes,
        expected,
        "change own password",
        204,
        () ->
            caller
                .put(
                    "/api/v1/users/"
                        + users.findByUsername(caller.username()).orElseThrow().getId()
                        + "/password",
                    Map.of("oldPassword", PASSWORD, "newPassword", PASSWORD))
                .getStatusCode()
                .value());
    probe(
        probes,
        expected,
        "renew activation secrets",
        anyAdmin ? 200 : 403,
        () ->
            caller
                .post("/api/v1/devices/" + device + "/activation-secret", null)
                .getStatusCode()
                .value());

    Map<String, Integer> actual = new LinkedHashMap<>();
    probes.forEach((name, probe) -> actual.put(name, probe.get()));
    assertThat(actual).as("statuses for " + role).isEqualTo(expected);
  }

  /** A fresh tenant viewer of the matrix's tenant, as the target of user updates. */
  private String viewerId() {
    Caller viewer = user(Role.TENANT_VIEWER, null, tenant);
    return users.findByUsername(viewer.username()).orElseThrow().getId();
  }

  @ParameterizedTest
  @EnumSource(Family.class)
  void anonymousCallsAreRefused(Family family) {
    assertThat(anonymous.get("/api/v1/" + family.path).getStatusCode().value()).isEqualTo(401);
  }

  enum Family {
    OPCOS("opcos"),
    TENANTS("tenants"),
    SITES("sites"),
    DEVICES("devices"),
    DEVICE_MODELS("device-models"),
    IMAGES("images"),
    OPERATIONS("operations"),
    USERS("users");

    final String path;

    Family(String path) {
      this.path = path;
    }

    @Override
    public String toString() {
      return path;
    }
  }

  private static void probe(
      Map<String, Supplier<Integer>> probes,
      Map<String, Integer> expected,
      String name,
      int status,
      Supplier<Integer> call) {
    probes.put(name, call);
    expected.put(name, status);
  }
}
