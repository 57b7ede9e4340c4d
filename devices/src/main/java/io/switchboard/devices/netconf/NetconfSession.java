package io.switchboard.devices.netconf;

import io.switchboard.devices.config.Xml;
import io.switchboard.devices.config.XmlException;
import io.switchboard.devices.fault.Fault;
import io.switchboard.netconf.NetconfCapabilities;
import io.switchboard.netconf.error.RpcError;
import io.switchboard.netconf.framing.FrameCodec;
import io.switchboard.netconf.framing.FramingException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.sshd.server.Environment;
import org.apache.sshd.server.ExitCallback;
import org.apache.sshd.server.channel.ChannelDataReceiver;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.channel.ChannelSessionAware;
import org.apache.sshd.server.command.Command;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * One NETCONF session on the {@code netconf} SSH subsystem. Bytes arrive on the SSH I/O thread
 * through {@link ChannelDataReceiver} (no thread per session); the hello is handled there so the
 * framing can switch to chunked before the next byte, and each RPC then runs on the fleet's shared
 * executor, strictly in arrival order, through a chain of futures. Replies can be delayed on the
 * shared scheduler (slow-response fault) without holding a thread.
 */
public final class NetconfSession implements Command, ChannelSessionAware, ChannelDataReceiver {

  private static final Logger log = LoggerFactory.getLogger(NetconfSession.class);

  private final NetconfDevice device;
  private final Map<String, RpcHandler> operations;
  private final int id;
  // one chunk per message, as before the codec was shared
  private final FrameCodec framing =
      new FrameCodec(FrameCodec.DEFAULT_MAX_MESSAGE_BYTES, Integer.MAX_VALUE);
  private final AtomicBoolean ended = new AtomicBoolean();
  private final Object writeLock = new Object();
  private ChannelSession channel;
  private OutputStream out;
  private ExitCallback exitCallback;
  private boolean helloReceived;
  private volatile String username = "";
  private CompletableFuture<Void> tail = CompletableFuture.completedFuture(null);

  NetconfSession(NetconfDevice device, Map<String, RpcHandler> operations) {
    this.device = device;
    this.operations = operations;
    this.id = device.sessions().allocateId();
  }

  public int id() {
    return id;
  }

  public String username() {
    return username;
  }

  /** Whether both peers chose base:1.1 (chunked framing). */
  public boolean chunked() {
    return framing.isChunked();
  }

  // ---- SSH command lifecycle --------------------------------------------------------------------

  @Override
  public void setChannelSession(ChannelSession session) {
    this.channel = session;
    session.setDataReceiver(this);
  }

  @Override
  public void setInputStream(InputStream in) {
    // Input arrives through data(); the stream stays unused.
  }

  @Override
  public void setOutputStream(OutputStream out) {
    this.out = out;
  }

  @Override
  public void setErrorStream(OutputStream err) {
    // NETCONF uses no stderr.
  }

  @Override
  public void setExitCallback(ExitCallback callback) {
    this.exitCallback = callback;
  }

  @Override
  public void start(ChannelSession session, Environment env) {
    username = session.getSession().getUsername();
    device.sessions().add(this);
    byte[] hello = Hello.server(id).getBytes(StandardCharsets.UTF_8);
    enqueue(
        () -> {
          // The hello always goes out with end-of-message framing, whatever the client announced.
          write(FrameCodec.encodeHello(hello));
          return CompletableFuture.completedFuture(null);
        });
  }

  @Override
  public void destroy(ChannelSession session) {
    ended();
  }

  @Override
  public int data(ChannelSession session, byte[] buf, int start, int len) throws IOException {
    try {
      framing.feed(buf, start, len);
      byte[] message;
      while ((message = framing.next()) != null) {
        if (!helloReceived) {
          receiveHello(message);
        } else {
          byte[] rpc = message;
          enqueue(() -> process(rpc));
        }
      }
    } catch (FramingException e) {
      log.info("{} session {}: framing error, closing: {}", device.hostName(), id, e.getMessage());
      dropConnection();
    }
    return len;
  }

  @Override
  public void close() {
    ended();
  }

  // ---- hello
  // -------------------------------------------------------------------------------------

  private void receiveHello(byte[] message) {
    try {
      Document doc = Xml.parse(message);
      Element hello = doc.getDocumentElement();
      if (!"hello".equals(Xml.name(hello)) || Xml.child(hello, "session-id") != null) {
        // RFC 6241 8.1: a client hello with a session-id (or no hello) ends the session.
        log.info("{} session {}: bad client hello, closing", device.hostName(), id);
        dropConnection();
        return;
      }
      List<String> capabilities = new ArrayList<>();
      Element caps = Xml.child(hello, "capabilities");
      if (caps != null) {
        for (Element cap : Xml.children(caps, "capability")) {
          capabilities.add(Xml.text(cap));
        }
      }
      if (!capabilities.contains(NetconfCapabilities.BASE_10)
          && !capabilities.contains(NetconfCapabilities.BASE_11)) {
        log.info(
            "{} session {}: client speaks no NETCONF base version, closing", device.hostName(), id);
        dropConnection();
        return;
      }
      helloReceived = true;
      if (capabilities.contains(NetconfCapabilities.BASE_11)) {
        framing.switchToChunked();
      }
    } catch (XmlException e) {
      log.info(
          "{} session {}: malformed hello, closing: {}", device.hostName(), id, e.getMessage());
      dropConnection();
    }
  }

  // ---- RPCs
  // --------------------------------------------------------------------------------------

  private interface Step {
    CompletionStage<Void> run();
  }

  private synchronized void enqueue(Step step) {
    tail =
        tail.thenComposeAsync(
                ignored -> ended.get() ? CompletableFuture.completedFuture(null) : step.run(),
                device.executor())
            .exceptionally(
                e -> {
                  log.warn("{} session {}: RPC processing failed", device.hostName(), id, e);
                  return null;
                });
  }

  private CompletionStage<Void> process(byte[] message) {
    Document doc;
    try {
      doc = Xml.parse(message);
    } catch (XmlException e) {
      return deliver(
          Replies.error(
              null,
              device,
              List.of(
                  RpcError.error("rpc", "malformed-message", "malformed XML: " + e.getMessage()))),
          null);
    }
    Element rpc = doc.getDocumentElement();
    if (!"rpc".equals(Xml.name(rpc))) {
      return deliver(
          Replies.error(
              rpc,
              device,
              List.of(
                  RpcError.error(
                          "protocol",
                          "unknown-element",
                          "expected <rpc>, got <" + Xml.name(rpc) + ">")
                      .withInfo("bad-element", Xml.name(rpc)))),
          null);
    }
    if (rpc.getAttribute("message-id").isEmpty()) {
      return deliver(
          Replies.error(
              rpc,
              device,
              List.of(
                  RpcError.error("rpc", "missing-attribute", "missing attribute message-id")
                      .withInfo("bad-attribute", "message-id")
                      .withInfo("bad-element", "rpc"))),
          null);
    }
    List<Element> children = Xml.children(rpc);
    if (children.isEmpty()) {
      return deliver(
          Replies.error(
              rpc,
              device,
              List.of(
                  RpcError.error("protocol", "missing-element", "syntax error, expecting <command>")
                      .withInfo("bad-element", "rpc"))),
          null);
    }
    Element operation = children.get(0);
    Document replyDoc = Replies.newReply(rpc, device);
    RpcRequest request = new RpcRequest(device, this, operation, replyDoc);
    RpcHandler handler = operations.get(Xml.name(operation));
    CompletionStage<RpcReply> result;
    try {
      if (handler == null) {
        throw new RpcException(
            RpcError.error("protocol", "operation-failed", "syntax error, expecting <command>")
                .withInfo("bad-element", Xml.name(operation)));
      }
      result = handler.handle(request);
    } catch (RpcException e) {
      result = CompletableFuture.completedFuture(Replies.errorReply(request, e));
    } catch (RuntimeException e) {
      log.warn("{} session {}: {} failed", device.hostName(), id, Xml.name(operation), e);
      result =
          CompletableFuture.completedFuture(
              Replies.errorReply(
                  request, RpcException.application("operation-failed", "internal error: " + e)));
    }
    return result
        .exceptionally(e -> Replies.errorReply(request, unwrap(e)))
        .thenCompose(reply -> deliver(Replies.fill(replyDoc, reply), reply.afterWrite()));
  }

  private static RpcException unwrap(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && !(t instanceof RpcException)) {
      t = t.getCause();
    }
    return t instanceof RpcException r
        ? r
        : RpcException.application("operation-failed", String.valueOf(t.getMessage()));
  }

  /** Writes a reply, after the slow-response delay when that fault strikes. */
  private CompletionStage<Void> deliver(Document reply, Runnable afterWrite) {
    byte[] bytes = Replies.bytes(reply);
    if (device.faults().strikes(Fault.SLOW_RESPONSES)) {
      Duration delay = device.faults().slowResponseDelay();
      CompletableFuture<Void> done = new CompletableFuture<>();
      device
          .scheduler()
          .schedule(
              () ->
                  device
                      .executor()
                      .execute(
                          () -> {
                            try {
                              writeReply(bytes, afterWrite);
                            } finally {
                              done.complete(null);
                            }
                          }),
              delay.toMillis(),
              TimeUnit.MILLISECONDS);
      return done;
    }
    writeReply(bytes, afterWrite);
    return CompletableFuture.completedFuture(null);
  }

  private void writeReply(byte[] message, Runnable afterWrite) {
    byte[] framed = framing.encode(message);
    if (device.faults().strikes(Fault.DROP_SESSION)) {
      log.info("{} session {}: dropping the connection mid-reply (fault)", device.hostName(), id);
      write(Arrays.copyOf(framed, framed.length / 2));
      dropConnection();
      return;
    }
    write(framed);
    if (afterWrite != null) {
      afterWrite.run();
    }
  }

  private void write(byte[] framed) {
    if (ended.get()) {
      return;
    }
    try {
      // Not the session monitor: a write can wait for the peer's window while the I/O thread
      // keeps enqueuing under that monitor.
      synchronized (writeLock) {
        out.write(framed);
        out.flush();
      }
    } catch (IOException e) {
      log.debug("{} session {}: write failed: {}", device.hostName(), id, e.getMessage());
      ended();
    }
  }

  // ---- ending
  // ------------------------------------------------------------------------------------

  /** {@code close-session}: ends the channel in order, after the reply. */
  void closeGracefully() {
    ended();
    if (exitCallback != null) {
      exitCallback.onExit(0);
    }
  }

  /** {@code kill-session} from another session: aborts this one, connection and all. */
  void kill() {
    dropConnection();
  }

  /** Drops the whole SSH connection, as a crashing or rebooting device does. */
  public void dropConnection() {
    ended();
    if (channel != null) {
      channel.getSession().close(true);
    }
  }

  private void ended() {
    if (ended.compareAndSet(false, true)) {
      device.sessions().remove(this);
      device.config().sessionEnded(id);
    }
  }
}
