package io.switchboard.api;

import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * Signed and unsigned image uploads for tests. The trusted key's public half is in the test config.
 */
public final class ImageFixtures {
  /** Private half of the trusted key release-2026 (test only). */
  static final String TRUSTED_PRIVATE =
      "MC4CAQAwBQYDK2VwBCIEIMCmyhssYjcFj2B8khxrHnQGOAx+CUUkeKWUzb0Jr3bm";

  /** A key nobody trusts. */
  static final String UNTRUSTED_PRIVATE =
      "MC4CAQAwBQYDK2VwBCIEIIsqEG4sdmTDcvVgltapHZturAnarijpRZZbbKfuLWOK";

  private ImageFixtures() {}

  public static String sign(byte[] image, String privateKeyBase64) {
    try {
      PrivateKey key =
          KeyFactory.getInstance("Ed25519")
              .generatePrivate(
                  new PKCS8EncodedKeySpec(Base64.getDecoder().decode(privateKeyBase64)));
      Signature signer = Signature.getInstance("Ed25519");
      signer.initSign(key);
      signer.update(MessageDigest.getInstance("SHA-256").digest(image));
      return Base64.getEncoder().encodeToString(signer.sign());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  public static HttpEntity<MultiValueMap<String, Object>> upload(
      byte[] image, String version, String family, String signature) {
    return upload(image, version, family, signature, "junos-" + version + ".tgz");
  }

  /** An upload whose file part carries {@code fileName}. */
  public static HttpEntity<MultiValueMap<String, Object>> upload(
      byte[] image, String version, String family, String signature, String fileName) {
    MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
    parts.add(
        "file",
        new ByteArrayResource(image) {
          @Override
          public String getFilename() {
            return fileName;
          }
        });
    parts.add("version", version);
    parts.add("modelFamily", family);
    if (signature != null) {
      parts.add("signature", signature);
    }
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    return new HttpEntity<>(parts, headers);
  }
}
