package io.switchboard.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;

class ImageSignatureIT extends ApiIT {

  private ResponseEntity<JsonNode> upload(byte[] image, String version, String signature) {
    return rest.withBasicAuth(ADMIN, ADMIN_PASSWORD)
        .postForEntity(
            "/api/v1/images",
            ImageFixtures.upload(image, version, "srx", signature),
            JsonNode.class);
  }

  private static long storedFiles() throws Exception {
    Path dir = Path.of("target/api-it/images");
    if (!Files.exists(dir)) {
      return 0;
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files.count();
    }
  }

  @Test
  void goodSignatureIsStoredWithItsDigestAndCanBeDownloaded() throws Exception {
    byte[] image = ("junos image " + unique("v")).getBytes(StandardCharsets.UTF_8);
    String version = unique("23.4R1");
    ResponseEntity<JsonNode> response =
        upload(image, version, ImageFixtures.sign(image, ImageFixtures.TRUSTED_PRIVATE));

    assertThat(response.getStatusCode().value()).isEqualTo(201);
    String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(image));
    assertThat(response.getBody().get("sha256").asText()).isEqualTo(sha);
    assertThat(response.getBody().get("signingKeyId").asText()).isEqualTo("release-2026");
    assertThat(response.getBody().get("sizeBytes").asLong()).isEqualTo(image.length);

    ResponseEntity<byte[]> content =
        rest.withBasicAuth(ADMIN, ADMIN_PASSWORD)
            .getForEntity(
                "/api/v1/images/" + response.getBody().get("id").asText() + "/content",
                byte[].class);
    assertThat(content.getBody()).isEqualTo(image);
  }

  @Test
  void tamperedImageIsRefusedAndNothingIsStored() throws Exception {
    byte[] image = "original image".getBytes(StandardCharsets.UTF_8);
    String signature = ImageFixtures.sign(image, ImageFixtures.TRUSTED_PRIVATE);
    byte[] tampered = "original imagE".getBytes(StandardCharsets.UTF_8);
    long before = storedFiles();
    String version = unique("23.4R2");

    ResponseEntity<JsonNode> response = upload(tampered, version, signature);

    assertThat(response.getStatusCode().value()).isEqualTo(422);
    assertThat(response.getBody().get("field").asText()).isEqualTo("signature");
    assertThat(storedFiles()).isEqualTo(before);
    assertThat(admin.get("/api/v1/images?version=" + version).getBody().get("totalItems").asLong())
        .isZero();
  }

  @Test
  void signatureByAnUntrustedKeyIsRefused() {
    byte[] image = "image".getBytes(StandardCharsets.UTF_8);
    ResponseEntity<JsonNode> response =
        upload(image, unique("v"), ImageFixtures.sign(image, ImageFixtures.UNTRUSTED_PRIVATE));
    assertThat(response.getStatusCode().value()).isEqualTo(422);
  }

  @Test
  void unsignedImageIsRefused() {
    ResponseEntity<JsonNode> response =
        upload("image".getBytes(StandardCharsets.UTF_8), unique("v"), null);
    assertThat(response.getStatusCode().value()).isEqualTo(400);
    assertThat(response.getBody().get("field").asText()).isEqualTo("signature");
    assertThat(response.getHeaders().getContentType().toString())
        .startsWith("application/problem+json");
  }

  @Test
  void aHostileFileNameCannotRewriteTheDownloadHeader() {
    byte[] image = unique("hostile").getBytes(java.nio.charset.StandardCharsets.UTF_8);
    String version = unique("v");
    ResponseEntity<JsonNode> uploaded =
        admin
            .template()
            .postForEntity(
                "/api/v1/images",
                ImageFixtures.upload(
                    image,
                    version,
                    "srx",
                    ImageFixtures.sign(image, ImageFixtures.TRUSTED_PRIVATE),
                    "evil\".tgz\"; filename=\"pwned.exe\u202e.tgz"),
                JsonNode.class);
    assertThat(uploaded.getStatusCode().value())
        .as(String.valueOf(uploaded.getBody()))
        .isEqualTo(201);

    ResponseEntity<byte[]> content =
        admin
            .template()
            .getForEntity(
                "/api/v1/images/" + uploaded.getBody().get("id").asText() + "/content",
                byte[].class);
    String header = content.getHeaders().getFirst("Content-Disposition");
    assertThat(header).startsWith("attachment;").contains("filename*=UTF-8''");
    assertThat(header.chars().filter(c -> c == '"').count())
        .as("only the quotes around the one filename: " + header)
        .isEqualTo(2);
    assertThat(header).doesNotContain("filename=\"pwned.exe", "\u202e");
    assertThat(content.getBody()).isEqualTo(image);
  }
}
