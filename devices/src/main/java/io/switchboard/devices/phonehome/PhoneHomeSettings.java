package io.switchboard.devices.phonehome;

import java.net.URI;
import java.time.Duration;

/**
 * Where and how persistently devices phone home. Retries back off exponentially from {@code
 * initialBackoff} to {@code maxBackoff}, at most {@code maxAttempts} requests per boot.
 */
public record PhoneHomeSettings(
    URI orchestrator,
    int maxAttempts,
    Duration initialBackoff,
    Duration maxBackoff,
    Duration requestTimeout) {

  public static final String RESOURCE =
      "/restconf/data/juniper-zerotouch-bootstrap-server:devices/device=";

  public PhoneHomeSettings {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1");
    }
  }

  public static PhoneHomeSettings defaults(URI orchestrator) {
    return new PhoneHomeSettings(
        orchestrator, 30, Duration.ofSeconds(2), Duration.ofSeconds(60), Duration.ofSeconds(30));
  }

  /**
   * {@code
   * <orchestrator>/restconf/data/juniper-zerotouch-bootstrap-server:devices/device=<serial>}.
   */
  public URI deviceResource(String serial, String leaf) {
    String base = orchestrator.toString();
    if (base.endsWith("/")) {
      base = base.substring(0, base.length() - 1);
    }
    String encoded =
        java.net.URLEncoder.encode(serial, java.nio.charset.StandardCharsets.UTF_8)
            .replace("+", "%20");
    return URI.create(base + RESOURCE + encoded + "/" + leaf);
  }
}
