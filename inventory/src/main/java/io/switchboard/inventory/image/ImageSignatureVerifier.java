package io.switchboard.inventory.image;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Verifies image signatures against the provider's trusted keys. Scheme: Ed25519 over the raw
 * 32-byte SHA-256 digest of the image file (so huge images verify without being held in memory);
 * keys are configured as {@code switchboard.images.trusted-keys.<keyId>=<base64 of the X.509
 * SubjectPublicKeyInfo>}.
 */
@Component
public class ImageSignatureVerifier {
  private final Map<String, PublicKey> trustedKeys = new LinkedHashMap<>();

  public ImageSignatureVerifier(ImageProperties properties) {
    properties.trustedKeys().forEach((id, encoded) -> trustedKeys.put(id, parse(id, encoded)));
  }

  private static PublicKey parse(String id, String encoded) {
    try {
      return KeyFactory.getInstance("Ed25519")
          .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(encoded.trim())));
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new IllegalStateException(
          "Trusted image key '" + id + "' is not a base64 Ed25519 public key", e);
    }
  }

  /** The id of the trusted key the signature verifies with, if any. */
  public Optional<String> verify(byte[] sha256, byte[] signature) {
    for (Map.Entry<String, PublicKey> key : trustedKeys.entrySet()) {
      try {
        Signature verifier = Signature.getInstance("Ed25519");
        verifier.initVerify(key.getValue());
        verifier.update(sha256);
        if (verifier.verify(signature)) {
          return Optional.of(key.getKey());
        }
      } catch (GeneralSecurityException e) {
        // a malformed signature verifies with no key
      }
    }
    return Optional.empty();
  }

  public boolean hasTrustedKeys() {
    return !trustedKeys.isEmpty();
  }
}
