package io.switchboard.camel.netconf;

import java.nio.file.Path;
import org.apache.camel.Consumer;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.support.DefaultEndpoint;

/** A {@code netconf:} endpoint: where to connect and what to ask by default. Producer only. */
public class NetconfEndpoint extends DefaultEndpoint {

  private final String host;
  private final int port;
  private final NetconfEndpointOptions options;

  NetconfEndpoint(
      String uri,
      NetconfComponent component,
      String host,
      int port,
      NetconfEndpointOptions options) {
    super(uri, component);
    this.host = host;
    this.port = port;
    this.options = options;
  }

  @Override
  public NetconfComponent getComponent() {
    return (NetconfComponent) super.getComponent();
  }

  @Override
  public Producer createProducer() {
    return new NetconfProducer(this);
  }

  @Override
  public Consumer createConsumer(Processor processor) {
    throw new UnsupportedOperationException("netconf: is a producer-only endpoint");
  }

  @Override
  public boolean isLenientProperties() {
    return false;
  }

  public NetconfEndpointOptions getOptions() {
    return options;
  }

  /** The device this exchange talks to: from the endpoint URI, or resolved from the header. */
  DeviceConnection deviceFor(Exchange exchange) {
    Message in = exchange.getMessage();
    String headerId = in.getHeader(NetconfConstants.DEVICE_ID, String.class);
    if (host == null) {
      if (headerId == null) {
        throw new IllegalArgumentException(
            "netconf:device needs header " + NetconfConstants.DEVICE_ID);
      }
      DeviceConnectionResolver resolver = getComponent().getDeviceConnectionResolver();
      if (resolver == null) {
        throw new IllegalStateException("netconf:device needs a DeviceConnectionResolver");
      }
      return resolver
          .resolve(headerId)
          .orElseThrow(
              () ->
                  new NetconfConnectException(
                      headerId, "unknown device: the resolver has no connection for it", null));
    }
    String deviceId =
        options.deviceId != null
            ? options.deviceId
            : headerId != null ? headerId : host + ":" + port;
    return new DeviceConnection(
        deviceId,
        host,
        port,
        options.username,
        options.password,
        options.privateKeyFile == null ? null : Path.of(options.privateKeyFile),
        options.passphrase);
  }
}
