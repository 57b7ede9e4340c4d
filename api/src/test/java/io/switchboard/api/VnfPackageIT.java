package io.switchboard.api;

import static io.switchboard.inventory.vnf.VnfPackageBuilder.aPackage;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.inventory.user.Role;
import io.switchboard.inventory.vnf.VnfPackageBuilder;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/** Package onboarding: only signed packages whose every file matches the manifest are kept. */
class VnfPackageIT extends ApiIT {
  static final Path PACKAGES = Path.of("target/api-it/vnf-packages");

  static HttpEntity<MultiValueMap<String, Object>> upload(Resource csar, String signature) {
    MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
    parts.add("file", csar);
    if (signature != null) {
      parts.add("signature", signature);
    }
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    return new HttpEntity<>(parts, headers);
  }

  /** Uploads {@code builder}'s package signed with {@code key} (null: unsigned). */
  ResponseEntity<JsonNode> upload(VnfPackageBuilder builder, String key) {
    byte[] csar = builder.build();
    return admin
        .template()
        .postForEntity(
            "/api/v1/vnf-packages",
            upload(named(csar), key == null ? null : builder.signature(key)),
            JsonNode.class);
  }

  /** Onboards {@code builder}'s package signed with the trusted key; answers its id. */
  static String onboarded(TestRestTemplate admin, VnfPackageBuilder builder) {
    ResponseEntity<JsonNode> response =
        admin.postForEntity(
            "/api/v1/vnf-packages",
            upload(named(builder.build()), builder.signature(ImageFixtures.TRUSTED_PRIVATE)),
            JsonNode.class);
    assertThat(response.getStatusCode().value()).as("%s", response.getBody()).isEqualTo(201);
    return response.getBody().get("id").asText();
  }

  static Resource named(byte[] csar) {
    return new ByteArrayResource(csar) {
      @Override
      public String getFilename() {
        return "package.csar";
      }
    };
  }

  static long stored() throws Exception {
    if (!Files.exists(PACKAGES)) {
      return 0;
    }
    try (Stream<Path> files = Files.walk(PACKAGES)) {
      return files.filter(Files::isRegularFile).count();
    }
  }

  @Test
  void aSignedPackageIsOnboardedAndCanBeDisabled() {
    ResponseEntity<JsonNode> response =
        upload(aPackage("vSRX", unique("23.4R1")), ImageFixtures.TRUSTED_PRIVATE);

    assertThat(response.getStatusCode().value()).as("%s", response.getBody()).isEqualTo(201);
    JsonNode body = response.getBody();
    assertThat(body.get("state").asText()).isEqualTo("ONBOARDED");
    assertThat(body.get("signingKeyId").asText()).isEqualTo("release-2026");
    assertThat(body.at("/flavours/0/id").asText()).isEqualTo("small");
    assertThat(body.at("/flavours/0/interfaces/2/role").asText()).isEqualTo("WAN");
    assertThat(body.at("/image/sizeBytes").asLong())
        .isEqualTo(VnfPackageBuilder.demoImage().length);
    String id = body.get("id").asText();

    assertThat(admin.get("/api/v1/vnf-packages/" + id).getBody().get("productName").asText())
        .isEqualTo("vSRX");
    ResponseEntity<JsonNode> patched =
        admin.call(HttpMethod.PATCH, "/api/v1/vnf-packages/" + id, Map.of("state", "DISABLED"));
    assertThat(patched.getBody().get("state").asText()).isEqualTo("DISABLED");
    assertThat(
            admin
                .get("/api/v1/vnf-packages?state=DISABLED&productName=vSRX")
                .getBody()
                .get("totalItems")
                .asLong())
        .isPositive();
  }

  @Test
  void aTamperedFileIsNamedAndNothingIsStored() throws Exception {
    long before = stored();
    ResponseEntity<JsonNode> response =
        upload(
            aPackage("vSRX", unique("t")).tampered("Files/images/image.qcow2"),
            ImageFixtures.TRUSTED_PRIVATE);

    assertThat(response.getStatusCode().value()).isEqualTo(422);
    assertThat(response.getBody().get("field").asText()).isEqualTo("file");
    assertThat(response.getBody().get("detail").asText())
        .contains("Files/images/image.qcow2", "SHA-256");
    assertThat(stored()).isEqualTo(before);
  }

  @Test
  void anUnsignedPackageIsRefused() {
    ResponseEntity<JsonNode> response = upload(aPackage("vSRX", unique("u")), null);
    assertThat(response.getStatusCode().value()).isEqualTo(400);
    assertThat(response.getBody().get("field").asText()).isEqualTo("signature");
  }

  @Test
  void aPackageSignedByAnUntrustedKeyIsRefusedNamingTheSignature() throws Exception {
    long before = stored();
    ResponseEntity<JsonNode> response =
        upload(aPackage("vSRX", unique("k")), ImageFixtures.UNTRUSTED_PRIVATE);
    assertThat(response.getStatusCode().value()).isEqualTo(422);
    assertThat(response.getBody().get("field").asText()).isEqualTo("signature");
    assertThat(stored()).isEqualTo(before);
  }

  @Test
  void aFileMissingFromTheManifestIsNamed() {
    ResponseEntity<JsonNode> response =
        upload(
            aPackage("vSRX", unique("m"))
                .file("Scripts/day0.sh", "#!/bin/sh".getBytes())
                .unlisted("Scripts/day0.sh"),
            ImageFixtures.TRUSTED_PRIVATE);
    assertThat(response.getStatusCode().value()).isEqualTo(422);
    assertThat(response.getBody().get("detail").asText()).contains("Scripts/day0.sh", "not listed");
  }

  @Test
  void aDay0TemplateWithAnUnknownPlaceholderIsRefusedNamingItAndNothingIsStored() throws Exception {
    long before = stored();
    ResponseEntity<JsonNode> response =
        upload(
            aPackage("vSRX", unique("d")).day0("set system host-name {{hostname}}\n"),
            ImageFixtures.TRUSTED_PRIVATE);

    assertThat(response.getStatusCode().value()).isEqualTo(422);
    assertThat(response.getBody().get("field").asText()).isEqualTo("file");
    assertThat(response.getBody().get("detail").asText())
        .contains(VnfPackageBuilder.DAY0_PATH, "{{hostname}}", "vnf_name");
    assertThat(stored()).isEqualTo(before);
  }

  @Test
  void onlyTheProviderAdministratorOnboardsPackages() {
    String tenant = newTenant(null);
    Caller tenantAdmin = user(Role.TENANT_ADMIN, null, tenant);
    VnfPackageBuilder builder = aPackage("vSRX", unique("r"));
    byte[] csar = builder.build();
    ResponseEntity<JsonNode> response =
        tenantAdmin
            .template()
            .postForEntity(
                "/api/v1/vnf-packages",
                upload(named(csar), builder.signature(ImageFixtures.TRUSTED_PRIVATE)),
                JsonNode.class);
    assertThat(response.getStatusCode().value()).isEqualTo(403);
    assertThat(tenantAdmin.get("/api/v1/vnf-packages").getStatusCode().value()).isEqualTo(200);
  }

  @Test
  void aLargePackageStreamsThrough() throws Exception {
    long size = 48L * 1024 * 1024;
    VnfPackageBuilder builder =
        aPackage("vSRX", unique("big")).image(() -> new PatternStream(size));
    Path csar = Files.createTempFile("vnf-big", ".csar");
    try {
      try (OutputStream out = Files.newOutputStream(csar)) {
        builder.writeTo(out);
      }
      ResponseEntity<JsonNode> response =
          admin
              .template()
              .postForEntity(
                  "/api/v1/vnf-packages",
                  upload(
                      new FileSystemResource(csar),
                      builder.signature(ImageFixtures.TRUSTED_PRIVATE)),
                  JsonNode.class);
      assertThat(response.getStatusCode().value()).as("%s", response.getBody()).isEqualTo(201);
      assertThat(response.getBody().at("/image/sizeBytes").asLong()).isEqualTo(size);
    } finally {
      Files.deleteIfExists(csar);
    }
  }

  /** {@code size} bytes of a pattern, generated as they are read. */
  static final class PatternStream extends InputStream {
    private final long size;
    private long position;

    PatternStream(long size) {
      this.size = size;
    }

    @Override
    public int read() {
      return position < size ? (int) (position++ * 13 & 0xff) : -1;
    }

    @Override
    public int read(byte[] b, int off, int len) {
      if (position >= size) {
        return -1;
      }
      int n = (int) Math.min(len, size - position);
      for (int i = 0; i < n; i++) {
        b[off + i] = (byte) ((position + i) * 13);
      }
      position += n;
      return n;
    }
  }
}
