package io.switchboard.camel.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.switchboard.camel.config.CamelDeviceAutoConfiguration;
import io.switchboard.camel.netconf.NetconfComponent;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;

/** Binds {@link NetconfMetrics} to the {@code netconf:} component when a meter registry exists. */
@AutoConfiguration(
    after = CamelDeviceAutoConfiguration.class,
    afterName =
        "org.springframework.boot.actuate.autoconfigure.metrics.CompositeMeterRegistryAutoConfiguration")
@ConditionalOnClass(MeterRegistry.class)
public class NetconfMetricsAutoConfiguration {

  @Bean
  @ConditionalOnBean({NetconfComponent.class, MeterRegistry.class})
  public NetconfMetrics switchboardNetconfMetrics(
      NetconfComponent component, MeterRegistry registry) {
    NetconfMetrics metrics = new NetconfMetrics(registry, component);
    component.setRpcObserver(metrics);
    return metrics;
  }
}
