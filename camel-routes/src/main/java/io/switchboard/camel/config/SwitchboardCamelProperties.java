package io.switchboard.camel.config;

import io.switchboard.camel.netconf.NetconfClientSettings;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the Camel device layer: {@code switchboard.netconf.*}, {@code switchboard.junos.*},
 * {@code switchboard.ssh.*}.
 */
@ConfigurationProperties(prefix = "switchboard")
public class SwitchboardCamelProperties {

  private final Netconf netconf = new Netconf();
  private final Junos junos = new Junos();
  private final Ssh ssh = new Ssh();

  public Netconf getNetconf() {
    return netconf;
  }

  public Junos getJunos() {
    return junos;
  }

  public Ssh getSsh() {
    return ssh;
  }

  /** The shared NETCONF client; see {@link NetconfClientSettings} for each value's meaning. */
  public static class Netconf {
    private final NetconfClientSettings defaults = NetconfClientSettings.defaults();
    private int ioThreads = defaults.ioThreads();
    private int workerThreads = defaults.workerThreads();
    private Duration connectTimeout = defaults.connectTimeout();
    private Duration rpcTimeout = defaults.rpcTimeout();
    private int maxSessions = defaults.maxSessions();
    private int maxSessionsPerDevice = defaults.maxSessionsPerDevice();
    private Duration idleTimeout = defaults.idleTimeout();
    private Duration sessionWaitTimeout = defaults.sessionWaitTimeout();
    private int maxMessageBytes = defaults.maxMessageBytes();

    public NetconfClientSettings toSettings() {
      return new NetconfClientSettings(
          ioThreads,
          workerThreads,
          connectTimeout,
          rpcTimeout,
          maxSessions,
          maxSessionsPerDevice,
          idleTimeout,
          sessionWaitTimeout,
          maxMessageBytes);
    }

    public int getIoThreads() {
      return ioThreads;
    }

    public void setIoThreads(int ioThreads) {
      this.ioThreads = ioThreads;
    }

    public int getWorkerThreads() {
      return workerThreads;
    }

    public void setWorkerThreads(int workerThreads) {
      this.workerThreads = workerThreads;
    }

    public Duration getConnectTimeout() {
      return connectTimeout;
    }

    public void setConnectTimeout(Duration connectTimeout) {
      this.connectTimeout = connectTimeout;
    }

    public Duration getRpcTimeout() {
      return rpcTimeout;
    }

    public void setRpcTimeout(Duration rpcTimeout) {
      this.rpcTimeout = rpcTimeout;
    }

    public int getMaxSessions() {
      return maxSessions;
    }

    public void setMaxSessions(int maxSessions) {
      this.maxSessions = maxSessions;
    }

    public int getMaxSessionsPerDevice() {
      return maxSessionsPerDevice;
    }

    public void setMaxSessionsPerDevice(int maxSessionsPerDevice) {
      this.maxSessionsPerDevice = maxSessionsPerDevice;
    }

    public Duration getIdleTimeout() {
      return idleTimeout;
    }

    public void setIdleTimeout(Duration idleTimeout) {
      this.idleTimeout = idleTimeout;
    }

    public Duration getSessionWaitTimeout() {
      return sessionWaitTimeout;
    }

    public void setSessionWaitTimeout(Duration sessionWaitTimeout) {
      this.sessionWaitTimeout = sessionWaitTimeout;
    }

    public int getMaxMessageBytes() {
      return maxMessageBytes;
    }

    public void setMaxMessageBytes(int maxMessageBytes) {
      this.maxMessageBytes = maxMessageBytes;
    }
  }

  /** The Junos driver routes. */
  public static class Junos {
    private boolean routesEnabled = true;
    private Duration packageAddTimeout = Duration.ofMinutes(30);

    public boolean isRoutesEnabled() {
      return routesEnabled;
    }

    public void setRoutesEnabled(boolean routesEnabled) {
      this.routesEnabled = routesEnabled;
    }

    public Duration getPackageAddTimeout() {
      return packageAddTimeout;
    }

    public void setPackageAddTimeout(Duration packageAddTimeout) {
      this.packageAddTimeout = packageAddTimeout;
    }
  }

  /** The SSH CLI route. */
  public static class Ssh {
    private int cliPort = 22;
    private Duration timeout = Duration.ofSeconds(30);

    public int getCliPort() {
      return cliPort;
    }

    public void setCliPort(int cliPort) {
      this.cliPort = cliPort;
    }

    public Duration getTimeout() {
      return timeout;
    }

    public void setTimeout(Duration timeout) {
      this.timeout = timeout;
    }
  }
}
