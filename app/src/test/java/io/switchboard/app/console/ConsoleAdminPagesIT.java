package io.switchboard.app.console;

import static io.switchboard.app.console.ConsoleNetworkPagesIT.fieldError;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The administration pages of the catalogue: the provider administrator creates operating companies
 * and device models and uploads signed images through the forms (the API's words beside the field
 * when it refuses, nothing kept), while tenant users may read the catalogue as the API lets them
 * but change nothing.
 */
class ConsoleAdminPagesIT extends ConsoleTestBase {
  @BeforeEach
  void data() {
    fixture();
  }

  private static ConsoleSession as(String user, String password) {
    ConsoleSession session = new ConsoleSession(BASE);
    assertThat(session.signIn(user, password)).endsWith("/console");
    return session;
  }

  @Test
  void theProviderAdministratorCreatesAnOperatingCompanyAndADeviceModel() {
    ConsoleSession admin = as("admin", ADMIN_PASSWORD);
    admin.get("/console/admin/opcos");
    HttpResponse<String> blank = admin.post("/console/admin/opcos", Map.of("description", "x"));
    assertThat(blank.statusCode()).isEqualTo(400);
    assertThat(fieldError(blank.body(), "o-name")).isEqualTo("must not be blank");
    assertThat(blank.body()).contains(">x</textarea>");
    HttpResponse<String> created =
        admin.post("/console/admin/opcos", Map.of("name", "Globex Telecom"));
    assertThat(created.statusCode()).isEqualTo(302);
    assertThat(admin.get("/console/admin/opcos").body()).contains("Globex Telecom");

    admin.get("/console/admin/device-models");
    HttpResponse<String> noFamily =
        admin.post("/console/admin/device-models", Map.of("name", "NFX250", "vendor", "Juniper"));
    assertThat(fieldError(noFamily.body(), "m-family")).isEqualTo("must not be blank");
    assertThat(
            admin
                .post(
                    "/console/admin/device-models",
                    Map.of("name", "NFX250", "vendor", "Juniper", "family", "nfx"))
                .statusCode())
        .isEqualTo(302);
    assertThat(admin.get("/console/admin/device-models").body()).contains("NFX250");
  }

  @Test
  void anImageIsStoredOnlyWhenItsSignatureVerifies() throws Exception {
    ConsoleSession admin = as("admin", ADMIN_PASSWORD);
    String version = "24.2R" + UUID.randomUUID().toString().substring(0, 4);
    byte[] image = ("console upload " + version).getBytes(StandardCharsets.UTF_8);
    admin.get("/console/admin/images");
    HttpResponse<String> unsigned =
        admin.upload(
            "/console/admin/images",
            Map.of("version", version, "modelFamily", "srx"),
            "file",
            "junos.tgz",
            image);
    assertThat(unsigned.statusCode()).isEqualTo(400);
    assertThat(fieldError(unsigned.body(), "i-signature")).startsWith("is required");
    HttpResponse<String> forged =
        admin.upload(
            "/console/admin/images",
            Map.of("version", version, "modelFamily", "srx", "signature", sign(new byte[] {1})),
            "file",
            "junos.tgz",
            image);
    assertThat(forged.statusCode()).isEqualTo(400);
    assertThat(fieldError(forged.body(), "i-signature"))
        .isEqualTo("the signature does not verify with any trusted key; the image was not stored");
    assertThat(api("GET", "/api/v1/images?version=" + version, null).get("items")).isEmpty();

    HttpResponse<String> stored =
        admin.upload(
            "/console/admin/images",
            Map.of("version", version, "modelFamily", "srx", "signature", sign(image)),
            "file",
            "junos.tgz",
            image);
    assertThat(stored.statusCode()).isEqualTo(302);
    assertThat(admin.get("/console/admin/images").body()).contains(version).contains("console");
    assertThat(api("GET", "/api/v1/images?version=" + version, null).get("items")).hasSize(1);

    admin.get("/console/admin/vnf-packages");
    HttpResponse<String> empty =
        admin.upload(
            "/console/admin/vnf-packages",
            Map.of("signature", sign(image)),
            "file",
            "empty.csar",
            new byte[0]);
    assertThat(fieldError(empty.body(), "p-file")).isEqualTo("must not be empty");
  }

  @Test
  void tenantUsersReadTheCatalogueButChangeNothingAndSeeNoAdministrationOfIt() {
    ConsoleSession operator = as(OPERATOR, OPERATOR_PASSWORD);
    assertThat(operator.get("/console").body())
        .doesNotContain("/console/admin/images")
        .doesNotContain("/console/admin/opcos");
    String models = operator.get("/console/admin/device-models").body();
    assertThat(models).contains("SRX300").doesNotContain("id=\"model-form\"");
    assertThat(
            operator
                .post(
                    "/console/admin/device-models",
                    Map.of("name", "Sneaky", "vendor", "x", "family", "y"))
                .statusCode())
        .isEqualTo(403);
    assertThat(operator.post("/console/admin/opcos", Map.of("name", "Sneaky Co")).statusCode())
        .isEqualTo(403);
    operator.get("/console/admin/images");
    assertThat(
            operator
                .upload(
                    "/console/admin/images",
                    Map.of("version", "1.0", "modelFamily", "srx", "signature", "AAAA"),
                    "file",
                    "x.tgz",
                    new byte[] {1})
                .statusCode())
        .isEqualTo(403);
    assertThat(api("GET", "/api/v1/device-models?family=y", null).get("items")).isEmpty();
  }
}
