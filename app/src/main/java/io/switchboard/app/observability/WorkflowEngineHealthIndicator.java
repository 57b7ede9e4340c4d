package io.switchboard.app.observability;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.Topology;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Health {@code workflowEngine}: the engine the Camunda client talks to (the embedded one or a
 * Camunda 8 cluster) answers its topology request, through the same client and credentials the
 * workers use. Answers are cached for {@link #CACHE} so probes do not load the cluster.
 */
@Component("workflowEngine")
public class WorkflowEngineHealthIndicator implements HealthIndicator {
  static final Duration CACHE = Duration.ofSeconds(5);
  private static final Duration TIMEOUT = Duration.ofSeconds(3);

  private final ObjectProvider<CamundaClient> client;
  private volatile Health last;
  private volatile long lastAt;

  public WorkflowEngineHealthIndicator(ObjectProvider<CamundaClient> client) {
    this.client = client;
  }

  @Override
  public Health health() {
    long now = System.nanoTime();
    Health cached = last;
    if (cached != null && now - lastAt < CACHE.toNanos()) {
      return cached;
    }
    Health fresh = ask();
    last = fresh;
    lastAt = now;
    return fresh;
  }

  private Health ask() {
    try {
      Topology topology =
          client
              .getObject()
              .newTopologyRequest()
              .requestTimeout(TIMEOUT)
              .send()
              .join(TIMEOUT.toMillis() + 1000, TimeUnit.MILLISECONDS);
      return Health.up()
          .withDetail("gatewayVersion", String.valueOf(topology.getGatewayVersion()))
          .withDetail("brokers", topology.getBrokers().size())
          .build();
    } catch (RuntimeException e) {
      return Health.down().withDetail("error", String.valueOf(e.getMessage())).build();
    }
  }
}
