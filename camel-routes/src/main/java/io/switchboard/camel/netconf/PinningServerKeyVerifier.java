package io.switchboard.camel.netconf;

import java.net.SocketAddress;
import java.security.PublicKey;
import org.apache.sshd.client.keyverifier.ServerKeyVerifier;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.AttributeRepository.AttributeKey;
import org.apache.sshd.common.config.keys.KeyUtils;

/**
 * Trust on first use against a {@link HostKeyStore}: the first key a device presents is pinned,
 * a different key later is refused. The device id travels in the connection context.
 */
final class PinningServerKeyVerifier implements ServerKeyVerifier {

  /** Connection-context attribute naming the device a session belongs to. */
  static final AttributeKey<String> DEVICE_ID = new AttributeKey<>();
  /** Session attribute set when a key was refused, so the connect failure can say why. */
  static final AttributeKey<HostKeyMismatchException> MISMATCH = new AttributeKey<>();

  private final HostKeyStore store;

  PinningServerKeyVerifier(HostKeyStore store) {
    this.store = store;
  }

  @Override
  public boolean verifyServerKey(ClientSession session, SocketAddress remote, PublicKey key) {
    String deviceId = session.getConnectionContext() == null
        ? null : session.getConnectionContext().getAttribute(DEVICE_ID);
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
