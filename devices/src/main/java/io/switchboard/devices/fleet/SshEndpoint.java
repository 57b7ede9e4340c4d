package io.switchboard.devices.fleet;

import io.switchboard.devices.netconf.NetconfSubsystemFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.security.KeyPair;
import java.util.List;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.server.SshServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A device's SSH listener: one MINA SSHD server on its own port, sharing the fleet's I/O group and
 * scheduler. Stopped while the device reboots or is unreachable; restarted on the same port (an
 * ephemeral port is kept after the first bind).
 */
final class SshEndpoint {

  private static final Logger log = LoggerFactory.getLogger(SshEndpoint.class);

  private final SimulatedDevice device;
  private final FleetRuntime runtime;
  private final String host;
  private final KeyPair hostKey;
  private volatile int port;
  private SshServer server;

  SshEndpoint(
      SimulatedDevice device, FleetRuntime runtime, String host, int port, KeyPair hostKey) {
    this.device = device;
    this.runtime = runtime;
    this.host = host;
    this.port = port;
    this.hostKey = hostKey;
  }

  int port() {
    return port;
  }

  synchronized boolean listening() {
    return server != null && server.isStarted();
  }

  synchronized void start() {
    if (server != null) {
      return;
    }
    SshServer sshd = SshServer.setUpDefaultServer();
    sshd.setHost(host);
    sshd.setPort(port);
    sshd.setIoServiceFactoryFactory(runtime.io);
    sshd.setScheduledExecutorService(runtime.scheduler, false);
    sshd.setKeyPairProvider(KeyPairProvider.wrap(hostKey));
    // Junos 21/22 offers no post-quantum hybrids, and in pure Java they cost tens of milliseconds
    // of CPU per handshake, which adds up across a fleet.
    sshd.setKeyExchangeFactories(
        sshd.getKeyExchangeFactories().stream()
            .filter(kex -> !kex.getName().contains("sntrup") && !kex.getName().contains("mlkem"))
            .toList());
    sshd.setPasswordAuthenticator(
        (user, password, session) -> device.authenticates(user, password));
    sshd.setPublickeyAuthenticator((user, key, session) -> device.authenticates(user, key));
    sshd.setSubsystemFactories(List.of(new NetconfSubsystemFactory(device)));
    sshd.setCommandFactory((channel, command) -> new OperatorCli(device, command));
    try {
      sshd.start();
    } catch (IOException e) {
      throw new UncheckedIOException(
          "device "
              + device.serialNumber()
              + " cannot listen on "
              + host
              + ":"
              + port
              + ": "
              + e.getMessage(),
          e);
    }
    for (SocketAddress address : sshd.getBoundAddresses()) {
      if (address instanceof InetSocketAddress inet) {
        port = inet.getPort();
      }
    }
    server = sshd;
  }

  synchronized void stop() {
    if (server == null) {
      return;
    }
    try {
      server.stop(true);
    } catch (IOException e) {
      log.debug("{}: stopping the SSH server failed: {}", device.serialNumber(), e.getMessage());
    }
    server = null;
  }
}
