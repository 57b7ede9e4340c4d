package io.switchboard.inventory.image;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Image catalogue settings ({@code switchboard.images.*}).
 *
 * @param storeDir where verified images are kept, named by their SHA-256
 * @param trustedKeys signing keys by id: base64 X.509 Ed25519 public keys
 */
@ConfigurationProperties("switchboard.images")
public record ImageProperties(String storeDir, Map<String, String> trustedKeys) {
  public ImageProperties {
    storeDir = storeDir == null ? "./data/images" : storeDir;
    trustedKeys = trustedKeys == null ? Map.of() : Map.copyOf(trustedKeys);
  }
}
