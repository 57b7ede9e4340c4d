package io.switchboard.camel.netconf;

import io.switchboard.camel.logging.CallbackLogContext;
import java.net.SocketAddress;
import java.security.PublicKey;
import org.apache.sshd.client.keyverifier.ServerKeyVerifier;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.AttributeRepository.AttributeKey;
import org.apache.sshd.common.config.keys.KeyUtils;

/**
 * Trust on first use against a {@link HostKeyStore}: the first key a device presents is pinned, a
 * different key later is refused. For NETCONF the device id travels in the connection context;
 * other SSH clients (the CLI routes) supply their own way to name the device.
 */
public final class PinningServerKeyVerifier implements ServerKeyVerifier {

  /** Names the device an SSH session connects to, or {@code null} when unknown (refused). */
  @FunctionalInterface
  public interface DeviceIdentity {
    String deviceId(ClientSession session, SocketAddress remote);
  }

  /** Connection-context attribute naming the device a session belongs to. */
  static final AttributeKey<String> DEVICE_ID = new AttributeKey<>();

  /** Session attribute set when a key was refused, so the connect failure can say why. */
  static final AttributeKey<HostKeyMismatchException> MISMATCH = new AttributeKey<>();

  private final HostKeyStore store;
  private final DeviceIdentity identity;

  /** Reads the device id from the connection context, as the NETCONF connector sets it. */
  PinningServerKeyVerifier(HostKeyStore store) {
    this(
        store,
        (session, remote) ->
            session.getConnectionContext() == null
                ? null
                : session.getConnectionContext().getAttribute(DEVICE_ID));
  }

  public PinningServerKeyVerifier(HostKeyStore store, DeviceIdentity identity) {
    this.store = store;
    this.identity = identity;
  }

  /** The refusal this verifier recorded on {@code session}, or {@code null}. */
  public static HostKeyMismatchException mismatchOf(ClientSession session) {
    return session.getAttribute(MISMATCH);
  }

  @Override
  public boolean verifyServerKey(ClientSession session, SocketAddress remote, PublicKey key) {
    // an SSH I/O thread: log (pinning, refusal) with the fields of the job that opened the session
    return CallbackLogContext.call(
        CallbackLogContext.of(session.getConnectionContext()), () -> verify(session, remote, key));
  }

  private boolean verify(ClientSession session, SocketAddress remote, PublicKey key) {
    String deviceId = identity.deviceId(session, remote);
    if (deviceId == null) {
      return false;
    }
    String presented = KeyUtils.getFingerPrint(key);
    String pinned = store.pinIfAbsent(deviceId, presented);
    if (pinned.equals(presented)) {
      return true;
    }
    store.reportMismatch(deviceId, pinned, presented);
    session.setAttribute(MISMATCH, new HostKeyMismatchException(deviceId, pinned, presented));
    return false;
  }
}
