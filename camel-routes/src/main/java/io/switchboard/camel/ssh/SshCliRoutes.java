package io.switchboard.camel.ssh;

import io.switchboard.camel.netconf.DeviceConnection;
import io.switchboard.camel.netconf.DeviceConnectionResolver;
import io.switchboard.camel.netconf.HostKeyMismatchException;
import io.switchboard.camel.netconf.NetconfConnectException;
import io.switchboard.camel.netconf.NetconfConstants;
import java.time.Duration;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.ssh.SshConstants;

/**
 * CLI commands over SSH (camel-ssh, {@code exec} channel) for what NETCONF has no RPC for. The
 * device comes from the {@link DeviceConnectionResolver}; its host key must match the pin NETCONF
 * uses. camel-ssh opens one client per command (no endpoint cache), so idle devices hold no
 * threads.
 */
public class SshCliRoutes extends RouteBuilder {

  /** Registry name of the {@link PinnedSshClientBuilder} the ssh endpoints use. */
  public static final String CLIENT_BUILDER_BEAN = "switchboardSshClientBuilder";

  private static final String HOST = "SwitchboardSshHost";
  private static final String PORT = "SwitchboardSshPort";
  private static final String KEY = "SwitchboardSshKey";
  private static final String COMMAND = "SwitchboardSshCommand";

  private final DeviceConnectionResolver resolver;
  private final PinnedSshClientBuilder clientBuilder;
  private final int sshPort;
  private final Duration timeout;

  /**
   * @param sshPort the CLI port, which is not the NETCONF port the resolver gives (22 on Junos); 0
   *     uses the resolver's port as it is
   */
  public SshCliRoutes(
      DeviceConnectionResolver resolver,
      PinnedSshClientBuilder clientBuilder,
      int sshPort,
      Duration timeout) {
    this.resolver = resolver;
    this.clientBuilder = clientBuilder;
    this.sshPort = sshPort;
    this.timeout = timeout;
  }

  @Override
  public void configure() {
    getCamelContext().getRegistry().bind(CLIENT_BUILDER_BEAN, clientBuilder);

    from(SshCliRouteIds.CLI_COMMAND_URI)
        .routeId(SshCliRouteIds.CLI_COMMAND)
        .process(this::prepare)
        .doTry()
        .toD(
            "ssh:${exchangeProperty."
                + HOST
                + "}:${exchangeProperty."
                + PORT
                + "}"
                + "?clientBuilder=#"
                + CLIENT_BUILDER_BEAN
                + "&timeout="
                + timeout.toMillis()
                + "${exchangeProperty."
                + KEY
                + "}",
            -1)
        .doCatch(Exception.class)
        .process(this::explainFailure)
        .doFinally()
        .removeHeader(SshConstants.PASSWORD_HEADER)
        .end()
        .process(SshCliRoutes::readResult);
  }

  private void prepare(Exchange exchange) throws Exception {
    String deviceId = exchange.getMessage().getHeader(NetconfConstants.DEVICE_ID, String.class);
    if (deviceId == null) {
      throw new IllegalArgumentException("CLI command needs header " + NetconfConstants.DEVICE_ID);
    }
    DeviceConnection device =
        resolver
            .resolve(deviceId)
            .orElseThrow(
                () ->
                    new NetconfConnectException(
                        deviceId, "unknown device: the resolver has no connection for it", null));
    String command = exchange.getMessage().getMandatoryBody(String.class);
    int port = sshPort == 0 ? device.port() : sshPort;
    clientBuilder.register(device.host(), port, deviceId);
    exchange.setProperty(HOST, device.host());
    exchange.setProperty(PORT, port);
    exchange.setProperty(COMMAND, command);
    exchange.setProperty(
        KEY,
        device.privateKey() == null
            ? ""
            : "&certResource=file:" + device.privateKey().toAbsolutePath());
    exchange.getMessage().setHeader(SshConstants.USERNAME_HEADER, device.username());
    if (device.password() != null) {
      exchange.getMessage().setHeader(SshConstants.PASSWORD_HEADER, device.password());
    }
  }

  private void explainFailure(Exchange exchange) throws Exception {
    String deviceId = exchange.getMessage().getHeader(NetconfConstants.DEVICE_ID, String.class);
    HostKeyMismatchException refusal = clientBuilder.takeRefusal(deviceId);
    if (refusal != null) {
      throw refusal;
    }
    throw exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
  }

  private static void readResult(Exchange exchange) {
    String deviceId = exchange.getMessage().getHeader(NetconfConstants.DEVICE_ID, String.class);
    Integer exit = exchange.getMessage().getHeader(SshConstants.EXIT_VALUE, Integer.class);
    String stdout = exchange.getMessage().getBody(String.class);
    String stderr = exchange.getMessage().getHeader(SshConstants.STDERR, String.class);
    CliResult result =
        new CliResult(
            stdout == null ? "" : stdout, stderr == null ? "" : stderr, exit == null ? -1 : exit);
    if (result.exitStatus() != 0) {
      throw new CliCommandException(deviceId, exchange.getProperty(COMMAND, String.class), result);
    }
    exchange.getMessage().setBody(result);
  }
}
