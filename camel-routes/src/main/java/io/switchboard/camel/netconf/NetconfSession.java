package io.switchboard.camel.netconf;

import io.switchboard.netconf.NetconfCapabilities;
import io.switchboard.netconf.NetconfProtocol;
import io.switchboard.netconf.framing.FrameCodec;
import io.switchboard.netconf.framing.FramingException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.sshd.client.channel.ChannelSubsystem;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.io.IoReadFuture;
import org.apache.sshd.common.util.buffer.ByteArrayBuffer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One NETCONF session: an SSH {@code netconf} subsystem channel read and written asynchronously. No
 * thread waits on it: reads are chained I/O futures, replies are matched to requests by message-id
 * and completed on the worker executor, timeouts come from a shared scheduler.
 */
final class NetconfSession {

  private static final Logger LOG = LoggerFactory.getLogger(NetconfSession.class);
  private static final Pattern MESSAGE_ID =
      Pattern.compile("\\bmessage-id\\s*=\\s*([\"'])([^\"']*)\\1");
  private static final int READ_BUFFER_BYTES = 32 * 1024;

  private final SessionKey key;
  private final ClientSession ssh;
  private final ChannelSubsystem channel;
  private final Executor worker;
  private final ScheduledExecutorService scheduler;
  private final FrameCodec framing;
  private final CompletableFuture<NetconfSession> hello = new CompletableFuture<>();
  private final Map<String, Pending> pending = new ConcurrentHashMap<>();
  private final ArrayDeque<byte[]> writeQueue = new ArrayDeque<>();
  private final AtomicLong messageIds = new AtomicLong();
  private final AtomicBoolean closed = new AtomicBoolean();
  private final Set<String> lockedDatastores = ConcurrentHashMap.newKeySet();
  private volatile Set<String> serverCapabilities = Set.of();
  private volatile String sessionId;
  private volatile boolean broken;
  private volatile long idleSinceNanos = System.nanoTime();
  private volatile Consumer<NetconfSession> closeListener = s -> {};
  private boolean writing;

  private record Pending(
      String operation, CompletableFuture<String> reply, ScheduledFuture<?> timeout) {}

  NetconfSession(
      SessionKey key,
      ClientSession ssh,
      ChannelSubsystem channel,
      Executor worker,
      ScheduledExecutorService scheduler,
      int maxMessageBytes) {
    this.key = key;
    this.ssh = ssh;
    this.channel = channel;
    this.worker = worker;
    this.scheduler = scheduler;
    this.framing = new FrameCodec(maxMessageBytes);
  }

  /** Starts reading and sends our hello; the future completes once the device's hello is in. */
  CompletableFuture<NetconfSession> start() {
    channel.addCloseFutureListener(f -> onClosed("the device closed the NETCONF channel", null));
    readNext();
    drainStderr(new ByteArrayBuffer(1024));
    write(FrameCodec.encodeHello(NetconfHello.client(key.offerBase11())));
    return hello;
  }

  SessionKey key() {
    return key;
  }

  String deviceId() {
    return key.deviceId();
  }

  Set<String> serverCapabilities() {
    return serverCapabilities;
  }

  String sessionId() {
    return sessionId;
  }

  boolean isChunked() {
    return framing.isChunked();
  }

  /** Open, answered its hello, and not left in an unknown state by a timeout. */
  boolean isUsable() {
    return !closed.get() && !broken && hello.isDone() && !hello.isCompletedExceptionally();
  }

  Set<String> lockedDatastores() {
    return lockedDatastores;
  }

  long idleSinceNanos() {
    return idleSinceNanos;
  }

  void markIdle() {
    idleSinceNanos = System.nanoTime();
  }

  void onClose(Consumer<NetconfSession> listener) {
    this.closeListener = listener;
    if (closed.get()) {
      listener.accept(this);
    }
  }

  /**
   * Sends {@code <rpc>} around {@code operationXml} and completes with the raw {@code <rpc-reply>}.
   * A timeout leaves the session unusable (the reply may still come), so the pool closes it.
   */
  CompletableFuture<String> rpc(String operation, String operationXml, Duration timeout) {
    CompletableFuture<String> reply = new CompletableFuture<>();
    if (!isUsable()) {
      reply.completeExceptionally(
          new NetconfSessionDroppedException(
              deviceId(), "session is closed; cannot send " + operation, null));
      return reply;
    }
    String id = Long.toString(messageIds.incrementAndGet());
    ScheduledFuture<?> timer =
        scheduler.schedule(() -> onTimeout(id, timeout), timeout.toMillis(), TimeUnit.MILLISECONDS);
    pending.put(id, new Pending(operation, reply, timer));
    String xml =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rpc xmlns=\""
            + NetconfProtocol.BASE_NAMESPACE
            + "\" message-id=\""
            + id
            + "\">"
            + operationXml
            + "</rpc>";
    write(framing.encode(xml.getBytes(StandardCharsets.UTF_8)));
    if (closed.get()) {
      failPending(new NetconfSessionDroppedException(deviceId(), "session closed", null));
    }
    return reply;
  }

  /** Closes the SSH session at once; pending requests fail as dropped. */
  void close() {
    broken = true;
    ssh.close(true);
  }

  /**
   * Sends close-session; the device then closes the SSH session itself (RFC 6241 section 7.8),
   * which avoids racing its last writes. It is closed from our side when it does not, or when
   * close-session fails.
   */
  void closeGracefully(Duration timeout) {
    if (!isUsable()) {
      close();
      return;
    }
    CompletableFuture<String> closing = rpc("close-session", "<close-session/>", timeout);
    broken = true;
    closing.whenComplete(
        (reply, error) -> {
          if (error != null) {
            close();
          } else {
            scheduler.schedule(this::close, timeout.toMillis(), TimeUnit.MILLISECONDS);
          }
        });
  }

  private void onTimeout(String id, Duration timeout) {
    Pending p = pending.remove(id);
    if (p != null) {
      broken = true;
      p.reply.completeExceptionally(
          new NetconfTimeoutException(deviceId(), "rpc " + p.operation, timeout));
    }
  }

  private void readNext() {
    ByteArrayBuffer buffer = new ByteArrayBuffer(READ_BUFFER_BYTES);
    try {
      channel.getAsyncOut().read(buffer).addListener(this::onRead);
    } catch (RuntimeException e) {
      onClosed("reading from the NETCONF channel failed", e);
    }
  }

  private void onRead(IoReadFuture future) {
    Throwable error = future.getException();
    if (error != null) {
      onClosed(
          "the device closed the NETCONF channel",
          error instanceof java.io.EOFException ? null : error);
      return;
    }
    ByteArrayBuffer buffer = (ByteArrayBuffer) future.getBuffer();
    try {
      framing.feed(buffer.array(), buffer.rpos(), buffer.available());
      byte[] message;
      while ((message = framing.next()) != null) {
        onMessage(new String(message, StandardCharsets.UTF_8).strip());
      }
    } catch (FramingException e) {
      fail(new NetconfProtocolException(deviceId(), "bad RFC 6242 framing: " + e.getMessage(), e));
      return;
    } catch (RuntimeException e) {
      fail(new NetconfProtocolException(deviceId(), "cannot handle message: " + e.getMessage(), e));
      return;
    }
    if (!closed.get()) {
      readNext();
    }
  }

  private void drainStderr(ByteArrayBuffer buffer) {
    buffer.clear();
    try {
      channel
          .getAsyncErr()
          .read(buffer)
          .addListener(
              f -> {
                if (f.getException() == null) {
                  if (LOG.isDebugEnabled()) {
                    LOG.debug(
                        "{} stderr: {}",
                        deviceId(),
                        new String(
                                buffer.array(),
                                buffer.rpos(),
                                buffer.available(),
                                StandardCharsets.UTF_8)
                            .strip());
                  }
                  drainStderr(buffer);
                }
              });
    } catch (RuntimeException e) {
      LOG.debug("{} stderr closed", deviceId(), e);
    }
  }

  private void onMessage(String xml) {
    if (!hello.isDone()) {
      onHello(xml);
      return;
    }
    String id = messageId(xml);
    Pending p = id == null ? onlyPending() : pending.remove(id);
    if (p == null) {
      if (!xml.contains("notification")) {
        LOG.warn("{}: reply to unknown message-id {} dropped", deviceId(), id);
      }
      return;
    }
    if (id == null) {
      pending.values().remove(p);
    }
    p.timeout.cancel(false);
    worker.execute(() -> p.reply.complete(xml));
  }

  private Pending onlyPending() {
    return pending.size() == 1 ? pending.values().iterator().next() : null;
  }

  private void onHello(String xml) {
    NetconfHello received = NetconfHello.parse(xml);
    this.serverCapabilities = received.capabilities();
    this.sessionId = received.sessionId();
    if (received.chunkedWith(key.offerBase11())) {
      framing.switchToChunked();
    } else if (!NetconfCapabilities.has(received.capabilities(), NetconfCapabilities.BASE_10)) {
      throw new IllegalArgumentException("device speaks only base:1.1 but we offered base:1.0");
    }
    LOG.debug(
        "{}: NETCONF session {} up, framing {}",
        deviceId(),
        sessionId,
        framing.isChunked() ? "chunked" : "end-of-message");
    worker.execute(() -> hello.complete(this));
  }

  /** The message-id attribute of the root element, or {@code null}. */
  static String messageId(String xml) {
    int start = xml.indexOf("rpc-reply");
    if (start < 0) {
      return null;
    }
    int end = xml.indexOf('>', start);
    Matcher m = MESSAGE_ID.matcher(end < 0 ? xml.substring(start) : xml.substring(start, end));
    return m.find() ? m.group(2) : null;
  }

  private void write(byte[] framed) {
    synchronized (writeQueue) {
      if (writing) {
        writeQueue.add(framed);
        return;
      }
      writing = true;
    }
    doWrite(framed);
  }

  private void doWrite(byte[] framed) {
    try {
      channel
          .getAsyncIn()
          .writeBuffer(new ByteArrayBuffer(framed))
          .addListener(
              f -> {
                if (!f.isWritten()) {
                  onClosed("writing to the NETCONF channel failed", f.getException());
                  return;
                }
                byte[] next;
                synchronized (writeQueue) {
                  next = writeQueue.poll();
                  if (next == null) {
                    writing = false;
                    return;
                  }
                }
                doWrite(next);
              });
    } catch (IOException | RuntimeException e) {
      onClosed("writing to the NETCONF channel failed", e);
    }
  }

  private void fail(NetconfException error) {
    LOG.warn("{}: closing session: {}", deviceId(), error.getMessage());
    hello.completeExceptionally(error);
    failPending(error);
    close();
  }

  private void onClosed(String why, Throwable cause) {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    NetconfSessionDroppedException dropped =
        new NetconfSessionDroppedException(deviceId(), why, cause);
    if (!hello.isDone()) {
      worker.execute(() -> hello.completeExceptionally(dropped));
    }
    failPending(dropped);
    ssh.close(true);
    closeListener.accept(this);
  }

  private void failPending(NetconfException error) {
    for (String id : pending.keySet()) {
      Pending p = pending.remove(id);
      if (p != null) {
        p.timeout.cancel(false);
        worker.execute(() -> p.reply.completeExceptionally(error));
      }
    }
  }

  @Override
  public String toString() {
    return "NetconfSession[" + deviceId() + ", session-id " + sessionId + "]";
  }
}
