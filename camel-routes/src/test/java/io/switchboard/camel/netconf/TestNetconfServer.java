package io.switchboard.camel.netconf;

import io.switchboard.netconf.NetconfCapabilities;
import io.switchboard.netconf.NetconfProtocol;
import io.switchboard.netconf.framing.FrameCodec;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.sshd.server.Environment;
import org.apache.sshd.server.ExitCallback;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.command.Command;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;
import org.apache.sshd.server.subsystem.SubsystemFactory;

/**
 * A minimal NETCONF server on an in-process MINA SSHD server, for component tests: it answers every
 * RPC through a {@link Responder}, which can delay, fail or drop the session. It counts sessions
 * and concurrent RPCs so tests can check the client's limits.
 */
final class TestNetconfServer implements AutoCloseable {

  static final String USER = "netconf";
  static final String PASSWORD = "secret";

  /** Answers one RPC with the content of its rpc-reply. */
  @FunctionalInterface
  interface Responder {
    String respond(String rpc) throws Exception;
  }

  /** Thrown by a responder to close the session without answering. */
  static final class Drop extends Exception {}

  private static final Pattern MESSAGE_ID = Pattern.compile("message-id=\"([^\"]*)\"");

  private final SshServer server;
  private final boolean offerBase11;
  private volatile Responder responder = rpc -> "<ok/>";
  final AtomicInteger sessionsOpened = new AtomicInteger();
  final AtomicInteger sessionsOpen = new AtomicInteger();
  final AtomicInteger maxSessionsOpen = new AtomicInteger();
  final AtomicInteger rpcsInFlight = new AtomicInteger();
  final AtomicInteger maxRpcsInFlight = new AtomicInteger();

  TestNetconfServer(Path hostKey, boolean offerBase11) throws IOException {
    this.offerBase11 = offerBase11;
    server = SshServer.setUpDefaultServer();
    server.setHost("127.0.0.1");
    server.setPort(0);
    server.setKeyPairProvider(new SimpleGeneratorHostKeyProvider(hostKey));
    server.setPasswordAuthenticator(
        (user, password, session) -> USER.equals(user) && PASSWORD.equals(password));
    server.setSubsystemFactories(
        java.util.List.of(
            new SubsystemFactory() {
              @Override
              public String getName() {
                return "netconf";
              }

              @Override
              public Command createSubsystem(ChannelSession channel) {
                return new Session();
              }
            }));
    server.start();
  }

  int port() {
    return server.getPort();
  }

  void respondWith(Responder responder) {
    this.responder = responder;
  }

  DeviceConnection device(String deviceId) {
    return DeviceConnection.withPassword(deviceId, "127.0.0.1", port(), USER, PASSWORD);
  }

  @Override
  public void close() throws IOException {
    server.stop(true);
  }

  private static void raise(AtomicInteger max, int value) {
    max.accumulateAndGet(value, Math::max);
  }

  /** One NETCONF session: a thread reading framed RPCs and writing replies. */
  private final class Session implements Command {
    private InputStream in;
    private OutputStream out;
    private ExitCallback exit;
    private Thread reader;
    private volatile boolean counted;

    @Override
    public void start(ChannelSession channel, Environment env) {
      raise(maxSessionsOpen, sessionsOpen.incrementAndGet());
      counted = true;
      sessionsOpened.incrementAndGet();
      reader = new Thread(this::run, "test-netconf-server");
      reader.setDaemon(true);
      reader.start();
    }

    private void run() {
      FrameCodec framing = new FrameCodec(1 << 20);
      byte[] chunk = new byte[4096];
      try {
        String hello =
            "<hello xmlns=\""
                + NetconfProtocol.BASE_NAMESPACE
                + "\"><capabilities><capability>"
                + NetconfCapabilities.BASE_10
                + "</capability>"
                + (offerBase11
                    ? "<capability>" + NetconfCapabilities.BASE_11 + "</capability>"
                    : "")
                + "</capabilities><session-id>"
                + sessionsOpened.get()
                + "</session-id></hello>";
        write(FrameCodec.encodeHello(hello.getBytes(StandardCharsets.UTF_8)));
        boolean helloSeen = false;
        int n;
        while ((n = in.read(chunk)) >= 0) {
          framing.feed(chunk, 0, n);
          byte[] message;
          while ((message = framing.next()) != null) {
            String xml = new String(message, StandardCharsets.UTF_8);
            if (!helloSeen) {
              helloSeen = true;
              if (offerBase11 && xml.contains(NetconfCapabilities.BASE_11)) {
                framing.switchToChunked();
              }
              continue;
            }
            Matcher id = MESSAGE_ID.matcher(xml);
            String messageId = id.find() ? id.group(1) : "";
            raise(maxRpcsInFlight, rpcsInFlight.incrementAndGet());
            String content;
            try {
              content = responder.respond(xml);
            } finally {
              rpcsInFlight.decrementAndGet();
            }
            write(
                framing.encode(
                    ("<rpc-reply xmlns=\""
                            + NetconfProtocol.BASE_NAMESPACE
                            + "\" message-id=\""
                            + messageId
                            + "\">"
                            + content
                            + "</rpc-reply>")
                        .getBytes(StandardCharsets.UTF_8)));
            if (xml.contains("<close-session/>")) {
              exit.onExit(0);
              return;
            }
          }
        }
        exit.onExit(0);
      } catch (Drop e) {
        exit.onExit(1, "dropped");
      } catch (Exception e) {
        exit.onExit(1, String.valueOf(e.getMessage()));
      }
    }

    private void write(byte[] bytes) throws IOException {
      out.write(bytes);
      out.flush();
    }

    @Override
    public void destroy(ChannelSession channel) {
      if (counted) {
        counted = false;
        sessionsOpen.decrementAndGet();
      }
      if (reader != null) {
        reader.interrupt();
      }
    }

    @Override
    public void setInputStream(InputStream in) {
      this.in = in;
    }

    @Override
    public void setOutputStream(OutputStream out) {
      this.out = out;
    }

    @Override
    public void setErrorStream(OutputStream err) {}

    @Override
    public void setExitCallback(ExitCallback callback) {
      this.exit = callback;
    }
  }
}
