package io.switchboard.camel.netconf;

import java.time.Duration;
import java.util.Map;
import org.apache.camel.Endpoint;
import org.apache.camel.support.DefaultComponent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code netconf:} component: a NETCONF client (RFC 6241 over RFC 6242 SSH) on Apache MINA
 * SSHD. URI: {@code netconf:host[:port][?options]}, or {@code netconf:device?options} with the
 * device named by header {@link NetconfConstants#DEVICE_ID} and resolved through the {@link
 * DeviceConnectionResolver}. All endpoints share one {@link NetconfClient}.
 */
public class NetconfComponent extends DefaultComponent {

  /** The URI path that means "resolve the device from the header". */
  public static final String RESOLVED_DEVICE = "device";

  private static final Logger LOG = LoggerFactory.getLogger(NetconfComponent.class);

  private NetconfClientSettings settings = NetconfClientSettings.defaults();
  private HostKeyStore hostKeyStore;
  private DeviceConnectionResolver deviceConnectionResolver;
  private NetconfClient client;
  private volatile NetconfRpcObserver rpcObserver = NetconfRpcObserver.NONE;

  public NetconfComponent() {}

  public NetconfComponent(
      NetconfClientSettings settings,
      HostKeyStore hostKeyStore,
      DeviceConnectionResolver resolver) {
    this.settings = settings;
    this.hostKeyStore = hostKeyStore;
    this.deviceConnectionResolver = resolver;
  }

  @Override
  protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters)
      throws Exception {
    NetconfEndpointOptions options = new NetconfEndpointOptions();
    String host = null;
    int port = 830;
    String path = remaining.startsWith("//") ? remaining.substring(2) : remaining;
    if (!RESOLVED_DEVICE.equals(path)) {
      int colon = path.lastIndexOf(':');
      host = colon < 0 ? path : path.substring(0, colon);
      if (colon >= 0) {
        port = Integer.parseInt(path.substring(colon + 1));
      }
      if (host.isBlank()) {
        throw new IllegalArgumentException("netconf: needs host[:port] or 'device', got " + uri);
      }
    }
    String operation = getAndRemoveParameter(parameters, "operation", String.class);
    if (operation != null) {
      options.operation = NetconfOperation.of(operation);
    }
    options.target = getAndRemoveParameter(parameters, "target", String.class, options.target);
    options.source = getAndRemoveParameter(parameters, "source", String.class);
    options.filter = getAndRemoveParameter(parameters, "filter", String.class);
    options.defaultOperation = getAndRemoveParameter(parameters, "defaultOperation", String.class);
    options.editOperation = getAndRemoveParameter(parameters, "editOperation", String.class);
    options.testOption = getAndRemoveParameter(parameters, "testOption", String.class);
    options.errorOption = getAndRemoveParameter(parameters, "errorOption", String.class);
    options.confirmed = getAndRemoveParameter(parameters, "confirmed", Boolean.class, false);
    options.confirmTimeout = getAndRemoveParameter(parameters, "confirmTimeout", Integer.class);
    options.persist = getAndRemoveParameter(parameters, "persist", String.class);
    options.persistId = getAndRemoveParameter(parameters, "persistId", String.class);
    Long rpcTimeout = getAndRemoveParameter(parameters, "rpcTimeout", Long.class);
    options.rpcTimeout = rpcTimeout == null ? null : Duration.ofMillis(rpcTimeout);
    options.deviceId = getAndRemoveParameter(parameters, "deviceId", String.class);
    options.username = getAndRemoveParameter(parameters, "username", String.class);
    options.password = getAndRemoveParameter(parameters, "password", String.class);
    options.privateKeyFile = getAndRemoveParameter(parameters, "privateKeyFile", String.class);
    options.passphrase = getAndRemoveParameter(parameters, "passphrase", String.class);
    options.baseVersion = getAndRemoveParameter(parameters, "baseVersion", String.class, "1.1");
    if (!"1.0".equals(options.baseVersion) && !"1.1".equals(options.baseVersion)) {
      throw new IllegalArgumentException(
          "baseVersion must be 1.0 or 1.1, got " + options.baseVersion);
    }
    if (host != null && options.username == null) {
      throw new IllegalArgumentException("netconf:" + path + " needs a username option");
    }
    return new NetconfEndpoint(uri, this, host, port, options);
  }

  @Override
  protected void doStart() throws Exception {
    super.doStart();
    if (hostKeyStore == null) {
      hostKeyStore = getCamelContext().getRegistry().findSingleByType(HostKeyStore.class);
    }
    if (hostKeyStore == null) {
      LOG.warn(
          "No HostKeyStore configured: host keys are pinned in memory and forgotten on restart");
      hostKeyStore = new InMemoryHostKeyStore();
    }
    if (deviceConnectionResolver == null) {
      deviceConnectionResolver =
          getCamelContext().getRegistry().findSingleByType(DeviceConnectionResolver.class);
    }
    client = new NetconfClient(settings, hostKeyStore);
  }

  @Override
  protected void doStop() throws Exception {
    if (client != null) {
      client.close();
      client = null;
    }
    super.doStop();
  }

  NetconfClient client() {
    if (client == null) {
      throw new IllegalStateException("netconf component is not started");
    }
    return client;
  }

  /** Who is told about every RPC (metrics); {@link NetconfRpcObserver#NONE} by default. */
  public NetconfRpcObserver getRpcObserver() {
    return rpcObserver;
  }

  public void setRpcObserver(NetconfRpcObserver rpcObserver) {
    this.rpcObserver = rpcObserver == null ? NetconfRpcObserver.NONE : rpcObserver;
  }

  /** Session counts of the shared client, for logs, tests and benchmarks. */
  public NetconfSessionStats sessionStats() {
    return client().stats();
  }

  public NetconfClientSettings getSettings() {
    return settings;
  }

  public void setSettings(NetconfClientSettings settings) {
    this.settings = settings;
  }

  public HostKeyStore getHostKeyStore() {
    return hostKeyStore;
  }

  public void setHostKeyStore(HostKeyStore hostKeyStore) {
    this.hostKeyStore = hostKeyStore;
  }

  public DeviceConnectionResolver getDeviceConnectionResolver() {
    return deviceConnectionResolver;
  }

  public void setDeviceConnectionResolver(DeviceConnectionResolver resolver) {
    this.deviceConnectionResolver = resolver;
  }
}
