package io.switchboard.app.observability;

import io.switchboard.api.observability.ProcessReadiness;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Health {@code processes}: {@code OUT_OF_SERVICE} until Switchboard's processes are deployed (and
 * when their deployment failed), so the readiness group keeps traffic away until then.
 */
@Component("processes")
public class ProcessesHealthIndicator implements HealthIndicator {
  private final ProcessReadiness readiness;

  public ProcessesHealthIndicator(ProcessReadiness readiness) {
    this.readiness = readiness;
  }

  @Override
  public Health health() {
    Health.Builder health = readiness.isReady() ? Health.up() : Health.outOfService();
    return health
        .withDetail("state", readiness.state().name())
        .withDetail("detail", readiness.detail())
        .build();
  }
}
