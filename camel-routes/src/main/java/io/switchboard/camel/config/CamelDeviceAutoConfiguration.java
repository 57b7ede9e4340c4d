package io.switchboard.camel.config;

import io.switchboard.camel.junos.JunosConfigRoutes;
import io.switchboard.camel.junos.JunosErrorHandling;
import io.switchboard.camel.junos.JunosFirewallRoutes;
import io.switchboard.camel.junos.JunosInfoRoutes;
import io.switchboard.camel.junos.JunosSoftwareRoutes;
import io.switchboard.camel.junos.JunosVnfRoutes;
import io.switchboard.camel.netconf.DeviceConnectionResolver;
import io.switchboard.camel.netconf.HostKeyStore;
import io.switchboard.camel.netconf.InMemoryHostKeyStore;
import io.switchboard.camel.netconf.NetconfComponent;
import io.switchboard.camel.ssh.PinnedSshClientBuilder;
import io.switchboard.camel.ssh.SshCliRoutes;
import org.apache.camel.CamelContext;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Registers the {@code netconf:} component (bean {@code netconf}), the Junos driver routes and,
 * when a {@link DeviceConnectionResolver} bean exists, the SSH CLI route. A {@link HostKeyStore}
 * bean (the inventory's) replaces the in-memory one.
 */
@AutoConfiguration
@ConditionalOnClass(CamelContext.class)
@EnableConfigurationProperties(SwitchboardCamelProperties.class)
public class CamelDeviceAutoConfiguration {

  @Bean
  @ConditionalOnMissingBean(HostKeyStore.class)
  public HostKeyStore inMemoryHostKeyStore() {
    return new InMemoryHostKeyStore();
  }

  @Bean(name = "netconf")
  @ConditionalOnMissingBean(NetconfComponent.class)
  public NetconfComponent netconfComponent(
      SwitchboardCamelProperties properties,
      HostKeyStore hostKeyStore,
      ObjectProvider<DeviceConnectionResolver> resolver) {
    return new NetconfComponent(
        properties.getNetconf().toSettings(), hostKeyStore, resolver.getIfAvailable());
  }

  @Bean
  @ConditionalOnProperty(
      prefix = "switchboard.junos",
      name = "routes-enabled",
      matchIfMissing = true)
  public JunosErrorHandling junosErrorHandling() {
    return new JunosErrorHandling();
  }

  @Bean
  @ConditionalOnProperty(
      prefix = "switchboard.junos",
      name = "routes-enabled",
      matchIfMissing = true)
  public JunosInfoRoutes junosInfoRoutes() {
    return new JunosInfoRoutes();
  }

  @Bean
  @ConditionalOnProperty(
      prefix = "switchboard.junos",
      name = "routes-enabled",
      matchIfMissing = true)
  public JunosConfigRoutes junosConfigRoutes() {
    return new JunosConfigRoutes();
  }

  @Bean
  @ConditionalOnProperty(
      prefix = "switchboard.junos",
      name = "routes-enabled",
      matchIfMissing = true)
  public io.switchboard.camel.junos.JunosSdwanRoutes junosSdwanRoutes() {
    return new io.switchboard.camel.junos.JunosSdwanRoutes();
  }

  @Bean
  @ConditionalOnProperty(
      prefix = "switchboard.junos",
      name = "routes-enabled",
      matchIfMissing = true)
  public JunosFirewallRoutes junosFirewallRoutes() {
    return new JunosFirewallRoutes();
  }

  @Bean
  @ConditionalOnProperty(
      prefix = "switchboard.junos",
      name = "routes-enabled",
      matchIfMissing = true)
  public JunosVnfRoutes junosVnfRoutes() {
    return new JunosVnfRoutes();
  }

  @Bean
  @ConditionalOnProperty(
      prefix = "switchboard.junos",
      name = "routes-enabled",
      matchIfMissing = true)
  public JunosSoftwareRoutes junosSoftwareRoutes(SwitchboardCamelProperties properties) {
    return new JunosSoftwareRoutes(properties.getJunos().getPackageAddTimeout());
  }

  @Bean
  @ConditionalOnBean(DeviceConnectionResolver.class)
  public SshCliRoutes sshCliRoutes(
      SwitchboardCamelProperties properties,
      DeviceConnectionResolver resolver,
      HostKeyStore hostKeyStore) {
    return new SshCliRoutes(
        resolver,
        new PinnedSshClientBuilder(hostKeyStore),
        properties.getSsh().getCliPort(),
        properties.getSsh().getTimeout());
  }
}
