package io.switchboard.engine.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the embedded engine ({@code switchboard.engine.*}).
 *
 * @param enabled whether the embedded engine runs; off when the application talks to an external
 *     Camunda 8 cluster
 * @param basePath where the Camunda REST API is mounted on the application's own port
 * @param clockControl whether {@code PUT /v2/clock} may pin the engine's clock (tests, demos)
 * @param history how long the read model keeps ended process instances
 * @param ownership how this engine makes itself the only one on its database
 */
@ConfigurationProperties("switchboard.engine")
public record EngineProperties(
    Boolean enabled,
    String basePath,
    ClockControl clockControl,
    History history,
    Ownership ownership) {
  public EngineProperties {
    enabled = enabled == null || enabled;
    basePath = basePath == null ? "/v2" : basePath;
    clockControl = clockControl == null ? new ClockControl(false) : clockControl;
    history = history == null ? new History(null, null, null) : history;
    ownership = ownership == null ? new Ownership(null, null) : ownership;
  }

  /**
   * @param ttl how long the lease lasts without a renewal (default 15 s): after a crash, the next
   *     engine on the database starts at most this much later
   * @param startWait how long a starting engine waits for another's lease to expire before it
   *     refuses to start (default 30 s)
   */
  public record Ownership(Duration ttl, Duration startWait) {
    public Ownership {
      ttl = ttl == null ? Duration.ofSeconds(15) : ttl;
      startWait = startWait == null ? Duration.ofSeconds(30) : startWait;
    }
  }

  /**
   * @param enabled off by default: a pinned clock moves every tenant's timers
   */
  public record ClockControl(boolean enabled) {}

  /**
   * @param retention how long an ended process instance's history stays searchable (default 30
   *     days)
   * @param cleanupInterval how often the removal runs (default one minute)
   * @param batchSize at most this many ended process instances are removed per transaction
   */
  public record History(Duration retention, Duration cleanupInterval, Integer batchSize) {
    public History {
      retention = retention == null ? Duration.ofDays(30) : retention;
      cleanupInterval = cleanupInterval == null ? Duration.ofMinutes(1) : cleanupInterval;
      batchSize = batchSize == null || batchSize <= 0 ? 500 : batchSize;
    }
  }
}
