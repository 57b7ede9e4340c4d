package io.switchboard.devices.netconf;

import io.switchboard.devices.config.Xml;
import io.switchboard.devices.fleet.SimulatedDevice;
import io.switchboard.netconf.NetconfCapabilities;
import io.switchboard.netconf.NetconfProtocol;
import io.switchboard.netconf.framing.FrameCodec;
import io.switchboard.netconf.framing.FramingException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.channel.ChannelSubsystem;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * A small NETCONF client for tests: MINA SSHD client, {@code netconf} subsystem, RFC 6242
 * end-of-message or chunked framing (chosen by the capabilities it announces), host key pinned to
 * the device's fingerprint.
 */
public final class NetconfTestClient implements AutoCloseable {

  private static final String EOF = "\u0000EOF";
  private static SshClient client;

  private final ClientSession session;
  private final ChannelSubsystem channel;
  private final OutputStream toServer;
  private final BlockingQueue<String> messages = new LinkedBlockingQueue<>();
  private final AtomicInteger messageId = new AtomicInteger(100);
  private final List<String> serverCapabilities = new ArrayList<>();
  private final int sessionId;

  /** Outgoing framing: end-of-message for the hello, chunked after it when both chose base:1.1. */
  private final FrameCodec encoder = new FrameCodec();

  private volatile boolean closed;

  private NetconfTestClient(SimulatedDevice device, boolean base11) throws Exception {
    session =
        sshClient()
            .connect(device.username(), device.host(), device.port())
            .verify(Duration.ofSeconds(10))
            .getSession();
    session.setServerKeyVerifier(
        (s, address, key) -> device.hostKeyFingerprint().equals(KeyUtils.getFingerPrint(key)));
    session.addPasswordIdentity(device.password());
    session.auth().verify(Duration.ofSeconds(10));
    channel = session.createSubsystemChannel(NetconfProtocol.SSH_SUBSYSTEM);
    channel.open().verify(Duration.ofSeconds(10));
    toServer = channel.getInvertedIn();
    FrameCodec decoder = new FrameCodec();
    InputStream fromServer = channel.getInvertedOut();
    Thread reader = new Thread(() -> read(fromServer, decoder), "netconf-test-reader");
    reader.setDaemon(true);
    // The hello is framed end-of-message; switch the decoder once it has arrived.
    reader.start();
    String hello = next(Duration.ofSeconds(10));
    if (hello == null) {
      throw new IOException("no hello from " + device);
    }
    Document doc = Xml.parse(hello);
    for (Element cap :
        Xml.children(Xml.child(doc.getDocumentElement(), "capabilities"), "capability")) {
      serverCapabilities.add(Xml.text(cap));
    }
    sessionId = Integer.parseInt(Xml.childText(doc.getDocumentElement(), "session-id"));
    String capability = base11 ? NetconfCapabilities.BASE_11 : NetconfCapabilities.BASE_10;
    writeFramed(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><hello xmlns=\""
            + NetconfProtocol.BASE_NAMESPACE
            + "\"><capabilities><capability>"
            + capability
            + "</capability></capabilities></hello>");
    if (base11 && serverCapabilities.contains(NetconfCapabilities.BASE_11)) {
      synchronized (decoder) {
        decoder.switchToChunked();
      }
      encoder.switchToChunked();
    }
  }

  /** Connects with base:1.1 (chunked framing). */
  public static NetconfTestClient connect(SimulatedDevice device) throws Exception {
    return new NetconfTestClient(device, true);
  }

  /** Connects announcing only base:1.0 (end-of-message framing). */
  public static NetconfTestClient connectBase10(SimulatedDevice device) throws Exception {
    return new NetconfTestClient(device, false);
  }

  private static synchronized SshClient sshClient() {
    if (client == null) {
      client = SshClient.setUpDefaultClient();
      client.start();
    }
    return client;
  }

  private void read(InputStream in, FrameCodec decoder) {
    byte[] buffer = new byte[8192];
    try {
      int n;
      while ((n = in.read(buffer)) >= 0) {
        synchronized (decoder) {
          decoder.feed(buffer, 0, n);
          byte[] message;
          while ((message = decoder.next()) != null) {
            messages.add(new String(message, StandardCharsets.UTF_8));
          }
        }
      }
    } catch (IOException | FramingException e) {
      // Connection gone: reported as end of stream.
    } finally {
      closed = true;
      messages.add(EOF);
    }
  }

  public List<String> serverCapabilities() {
    return serverCapabilities;
  }

  public int sessionId() {
    return sessionId;
  }

  public boolean chunked() {
    return encoder.isChunked();
  }

  /** Sends an operation (the XML inside {@code <rpc>}) and returns the {@code rpc-reply}. */
  public Element rpc(String operationXml) throws Exception {
    return rpc(operationXml, Duration.ofSeconds(15));
  }

  public Element rpc(String operationXml, Duration timeout) throws Exception {
    String reply = rpcText(operationXml, timeout);
    if (reply == null) {
      throw new IOException("no reply within " + timeout + (closed ? " (session closed)" : ""));
    }
    return Xml.parse(reply).getDocumentElement();
  }

  /** The raw reply, or null when none arrived (timeout or dropped session). */
  public String rpcText(String operationXml, Duration timeout) throws Exception {
    send(
        "<rpc xmlns=\""
            + NetconfProtocol.BASE_NAMESPACE
            + "\" message-id=\""
            + messageId.incrementAndGet()
            + "\">"
            + operationXml
            + "</rpc>");
    return next(timeout);
  }

  /** Sends raw bytes as one framed message. */
  public void send(String message) throws IOException {
    writeFramed(message);
  }

  private void writeFramed(String message) throws IOException {
    toServer.write(encoder.encode(message));
    toServer.flush();
  }

  /** The next message, or null at timeout or end of stream. */
  public String next(Duration timeout) throws InterruptedException {
    String message = messages.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    if (EOF.equals(message)) {
      messages.add(EOF);
      return null;
    }
    return message;
  }

  /** Whether the server closed the connection (waits up to the timeout). */
  public boolean awaitClosed(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!closed && System.nanoTime() < deadline) {
      String message = messages.poll(50, TimeUnit.MILLISECONDS);
      if (EOF.equals(message)) {
        messages.add(EOF);
        return true;
      }
    }
    return closed;
  }

  @Override
  public void close() throws IOException {
    channel.close(true);
    session.close(true);
  }

  /** The {@code error-message} texts of a reply. */
  public static List<String> errorMessages(Element reply) {
    List<String> result = new ArrayList<>();
    for (Element error : Xml.children(reply, "rpc-error")) {
      result.add(Xml.childText(error, "error-message"));
    }
    return result;
  }

  public static boolean isOk(Element reply) {
    return Xml.child(reply, "ok") != null && Xml.children(reply, "rpc-error").isEmpty();
  }
}
