package io.switchboard.camel.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.camel.junos.JunosRouteIds;
import io.switchboard.camel.netconf.HostKeyStore;
import io.switchboard.camel.netconf.InMemoryDeviceConnectionResolver;
import io.switchboard.camel.netconf.NetconfComponent;
import io.switchboard.camel.ssh.SshCliRouteIds;
import java.time.Duration;
import org.apache.camel.CamelContext;
import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class CamelDeviceAutoConfigurationTest {

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withConfiguration(
              AutoConfigurations.of(
                  CamelAutoConfiguration.class, CamelDeviceAutoConfiguration.class));

  @Test
  void registersTheComponentAndTheJunosRoutesWithTheirIds() {
    runner
        .withPropertyValues(
            "switchboard.netconf.max-sessions=42", "switchboard.netconf.rpc-timeout=5s")
        .run(
            context -> {
              NetconfComponent component = context.getBean("netconf", NetconfComponent.class);
              assertThat(component.getSettings().maxSessions()).isEqualTo(42);
              assertThat(component.getSettings().rpcTimeout()).isEqualTo(Duration.ofSeconds(5));
              assertThat(context).hasSingleBean(HostKeyStore.class);
              CamelContext camel = context.getBean(CamelContext.class);
              assertThat(camel.getComponent("netconf")).isSameAs(component);
              assertThat(camel.getRoute(JunosRouteIds.PUSH_CONFIGURATION)).isNotNull();
              assertThat(camel.getRoute(JunosRouteIds.REQUEST_PACKAGE_ADD)).isNotNull();
              assertThat(camel.getRoute(SshCliRouteIds.CLI_COMMAND)).isNull();
            });
  }

  @Test
  void addsTheCliRouteWhenDevicesCanBeResolved() {
    runner
        .withBean(InMemoryDeviceConnectionResolver.class)
        .run(
            context -> {
              CamelContext camel = context.getBean(CamelContext.class);
              assertThat(camel.getRoute(SshCliRouteIds.CLI_COMMAND)).isNotNull();
              assertThat(context.getBean(NetconfComponent.class).getDeviceConnectionResolver())
                  .isSameAs(context.getBean(InMemoryDeviceConnectionResolver.class));
            });
  }
}
