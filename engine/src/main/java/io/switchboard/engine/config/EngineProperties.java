package io.switchboard.engine.config;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the embedded engine ({@code switchboard.engine.*}).
 *
 * @param enabled whether the embedded engine runs; off when the application talks to an external
 *     Camunda 8 cluster
 * @param basePath where the Camunda REST API is mounted on the application's own port
 */
@ConfigurationProperties("switchboard.engine")
public record EngineProperties(Boolean enabled, String basePath) {
  public EngineProperties {
    enabled = enabled == null || enabled;
    basePath = basePath == null ? "/v2" : basePath;
  }
}
