package io.switchboard.engine.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.switchboard.engine.Engine;
import io.switchboard.engine.config.EngineAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;

/** Binds {@link EngineMetrics} to the application's meter registry when both exist. */
@AutoConfiguration(
    after = EngineAutoConfiguration.class,
    afterName =
        "org.springframework.boot.actuate.autoconfigure.metrics.CompositeMeterRegistryAutoConfiguration")
@ConditionalOnClass(MeterRegistry.class)
public class EngineMetricsAutoConfiguration {

  @Bean
  @ConditionalOnBean({Engine.class, MeterRegistry.class})
  public EngineMetrics switchboardEngineMetrics(Engine engine, MeterRegistry registry) {
    EngineMetrics metrics = new EngineMetrics(registry);
    engine.observe(metrics);
    return metrics;
  }
}
