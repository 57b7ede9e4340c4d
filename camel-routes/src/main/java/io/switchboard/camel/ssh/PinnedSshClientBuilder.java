package io.switchboard.camel.ssh;

import io.switchboard.camel.netconf.HostKeyMismatchException;
import io.switchboard.camel.netconf.HostKeyStore;
import io.switchboard.camel.netconf.PinningServerKeyVerifier;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.sshd.client.ClientBuilder;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.util.net.SshdSocketAddress;

/**
 * The {@code clientBuilder} camel-ssh uses for CLI commands: its clients check host keys against
 * the same {@link HostKeyStore} pins as NETCONF. camel-ssh connects by host and port only, so the
 * CLI route registers which device answers at {@code host:port} before each command.
 */
public class PinnedSshClientBuilder extends ClientBuilder {

  private final Map<String, String> deviceIds = new ConcurrentHashMap<>();
  private final Map<String, HostKeyMismatchException> refusals = new ConcurrentHashMap<>();

  public PinnedSshClientBuilder(HostKeyStore hostKeys) {
    PinningServerKeyVerifier pinning = new PinningServerKeyVerifier(hostKeys, this::deviceIdOf);
    serverKeyVerifier(
        (session, remote, key) -> {
          if (pinning.verifyServerKey(session, remote, key)) {
            return true;
          }
          HostKeyMismatchException mismatch = PinningServerKeyVerifier.mismatchOf(session);
          if (mismatch != null) {
            refusals.put(mismatch.getDeviceId(), mismatch);
          }
          return false;
        });
  }

  /**
   * The host-key refusal behind a failed command on {@code deviceId}, if that was the cause
   * (camel-ssh itself only reports that authentication failed).
   */
  public HostKeyMismatchException takeRefusal(String deviceId) {
    return refusals.remove(deviceId);
  }

  /** Records that {@code deviceId} answers at {@code host:port}. */
  public void register(String host, int port, String deviceId) {
    deviceIds.put(host + ":" + port, deviceId);
  }

  private String deviceIdOf(ClientSession session, SocketAddress remote) {
    SocketAddress target =
        session.getConnectAddress() != null ? session.getConnectAddress() : remote;
    if (target instanceof SshdSocketAddress address) {
      return deviceIds.get(address.getHostName() + ":" + address.getPort());
    }
    if (target instanceof InetSocketAddress address) {
      return deviceIds.get(address.getHostString() + ":" + address.getPort());
    }
    return null;
  }
}
