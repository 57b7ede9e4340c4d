package io.switchboard.camel.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.switchboard.camel.netconf.DeviceConnection;
import io.switchboard.camel.netconf.HostKeyMismatchException;
import io.switchboard.camel.netconf.InMemoryDeviceConnectionResolver;
import io.switchboard.camel.netconf.InMemoryHostKeyStore;
import io.switchboard.camel.netconf.NetconfConstants;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.sshd.server.Environment;
import org.apache.sshd.server.ExitCallback;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.command.Command;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CLI route against a real in-process SSH server that runs two fake commands. */
class SshCliRoutesTest {

  @TempDir Path dir;

  private SshServer server;
  private CamelContext camel;
  private ProducerTemplate template;
  private InMemoryHostKeyStore hostKeys;
  private InMemoryDeviceConnectionResolver resolver;

  @BeforeEach
  void start() throws Exception {
    server = SshServer.setUpDefaultServer();
    server.setHost("127.0.0.1");
    server.setPort(0);
    server.setKeyPairProvider(new SimpleGeneratorHostKeyProvider(dir.resolve("host.key")));
    server.setPasswordAuthenticator(
        (user, password, session) -> "ops".equals(user) && "secret".equals(password));
    server.setCommandFactory((channel, command) -> new FakeCommand(command));
    server.start();

    hostKeys = new InMemoryHostKeyStore();
    resolver = new InMemoryDeviceConnectionResolver();
    resolver.register(
        DeviceConnection.withPassword("cpe-1", "127.0.0.1", server.getPort(), "ops", "secret"));
    camel = new DefaultCamelContext();
    camel.addRoutes(
        new SshCliRoutes(
            resolver, new PinnedSshClientBuilder(hostKeys), 0, Duration.ofSeconds(10)));
    camel.start();
    template = camel.createProducerTemplate();
  }

  @AfterEach
  void stop() throws IOException {
    camel.stop();
    server.stop(true);
  }

  @Test
  void commandOutputComesBackAndTheHostKeyIsPinned() {
    CliResult result =
        template.requestBodyAndHeader(
            SshCliRouteIds.CLI_COMMAND_URI,
            "show version",
            NetconfConstants.DEVICE_ID,
            "cpe-1",
            CliResult.class);

    assertThat(result.stdout()).isEqualTo("Junos: 23.4R1\n");
    assertThat(result.exitStatus()).isZero();
    assertThat(hostKeys.fingerprint("cpe-1")).get().asString().startsWith("SHA256:");
  }

  @Test
  void nonZeroExitIsACliCommandException() {
    assertThatThrownBy(
            () ->
                template.requestBodyAndHeader(
                    SshCliRouteIds.CLI_COMMAND_URI,
                    "show bogus",
                    NetconfConstants.DEVICE_ID,
                    "cpe-1"))
        .cause()
        .isInstanceOfSatisfying(
            CliCommandException.class,
            e -> {
              assertThat(e.getResult().exitStatus()).isEqualTo(1);
              assertThat(e.getMessage()).contains("syntax error");
            });
  }

  @Test
  void aChangedHostKeyIsRefused() {
    hostKeys.pin("cpe-1", "SHA256:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");

    assertThatThrownBy(
            () ->
                template.requestBodyAndHeader(
                    SshCliRouteIds.CLI_COMMAND_URI,
                    "show version",
                    NetconfConstants.DEVICE_ID,
                    "cpe-1"))
        .cause()
        .isInstanceOf(HostKeyMismatchException.class)
        .hasMessageContaining("host key changed");
    assertThat(hostKeys.mismatches())
        .singleElement()
        .extracting(InMemoryHostKeyStore.Mismatch::deviceId)
        .isEqualTo("cpe-1");
  }

  /** "show version" prints a version; anything else is a syntax error with exit status 1. */
  private static final class FakeCommand implements Command {
    private final String command;
    private OutputStream out;
    private OutputStream err;
    private ExitCallback exit;

    FakeCommand(String command) {
      this.command = command;
    }

    @Override
    public void start(ChannelSession channel, Environment env) throws IOException {
      if ("show version".equals(command)) {
        out.write("Junos: 23.4R1\n".getBytes(StandardCharsets.UTF_8));
        out.flush();
        exit.onExit(0);
      } else {
        err.write("error: syntax error\n".getBytes(StandardCharsets.UTF_8));
        err.flush();
        exit.onExit(1);
      }
    }

    @Override
    public void destroy(ChannelSession channel) {}

    @Override
    public void setInputStream(InputStream in) {}

    @Override
    public void setOutputStream(OutputStream out) {
      this.out = out;
    }

    @Override
    public void setErrorStream(OutputStream err) {
      this.err = err;
    }

    @Override
    public void setExitCallback(ExitCallback callback) {
      this.exit = callback;
    }
  }
}
