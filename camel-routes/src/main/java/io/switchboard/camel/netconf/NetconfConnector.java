package io.switchboard.camel.netconf;

import io.switchboard.camel.logging.CallbackLogContext;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.channel.ChannelSubsystem;
import org.apache.sshd.client.channel.ClientChannel;
import org.apache.sshd.client.future.AuthFuture;
import org.apache.sshd.client.future.OpenFuture;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.AttributeRepository;
import org.apache.sshd.common.NamedResource;
import org.apache.sshd.common.config.keys.FilePasswordProvider;
import org.apache.sshd.common.util.security.SecurityUtils;

/**
 * Opens NETCONF sessions without blocking: TCP connect, SSH key exchange (host key checked by
 * {@link PinningServerKeyVerifier}), authentication, the {@code netconf} subsystem, hello. Each
 * step chains on the previous one's future; one deadline covers them all.
 */
final class NetconfConnector {

  private final SshClient client;
  private final Executor worker;
  private final ScheduledExecutorService scheduler;
  private final NetconfClientSettings settings;
  private final Map<Path, KeyPair> keys = new ConcurrentHashMap<>();

  NetconfConnector(
      SshClient client,
      Executor worker,
      ScheduledExecutorService scheduler,
      NetconfClientSettings settings) {
    this.client = client;
    this.worker = worker;
    this.scheduler = scheduler;
    this.settings = settings;
  }

  CompletableFuture<NetconfSession> open(SessionKey key) {
    DeviceConnection device = key.device();
    CompletableFuture<NetconfSession> result = new CompletableFuture<>();
    Duration deadline = settings.connectTimeout();
    ClientSession[] sshHolder = new ClientSession[1];
    ScheduledFuture<?> timer =
        scheduler.schedule(
            () -> {
              if (result.completeExceptionally(
                      new NetconfTimeoutException(device.deviceId(), "connect", deadline))
                  && sshHolder[0] != null) {
                sshHolder[0].close(true);
              }
            },
            deadline.toMillis(),
            TimeUnit.MILLISECONDS);
    result.whenComplete((s, e) -> timer.cancel(false));
    try {
      // the SSH I/O threads that run the callbacks below log with the opener's fields
      Map<String, String> fields = CallbackLogContext.capture();
      AttributeRepository context =
          AttributeRepository.ofAttributesMap(
              Map.of(
                  PinningServerKeyVerifier.DEVICE_ID,
                  device.deviceId(),
                  CallbackLogContext.FIELDS,
                  fields));
      client
          .connect(device.username(), device.host(), device.port(), context, null)
          .addListener(
              connected ->
                  CallbackLogContext.run(
                      fields,
                      () -> {
                        if (connected.getException() != null) {
                          result.completeExceptionally(
                              connectFailure(device, connected.getException()));
                          return;
                        }
                        ClientSession ssh = connected.getSession();
                        sshHolder[0] = ssh;
                        if (result.isDone()) {
                          ssh.close(true);
                          return;
                        }
                        authenticate(key, ssh, result, fields);
                      }));
    } catch (IOException | RuntimeException e) {
      result.completeExceptionally(connectFailure(device, e));
    }
    return result;
  }

  private void authenticate(
      SessionKey key,
      ClientSession ssh,
      CompletableFuture<NetconfSession> result,
      Map<String, String> fields) {
    DeviceConnection device = key.device();
    try {
      if (device.password() != null) {
        ssh.addPasswordIdentity(device.password());
      }
      if (device.privateKey() != null) {
        ssh.addPublicKeyIdentity(keyPair(device));
      }
      ssh.auth()
          .addListener(
              auth -> CallbackLogContext.run(fields, () -> authenticated(key, ssh, result, auth)));
    } catch (IOException | GeneralSecurityException | RuntimeException e) {
      HostKeyMismatchException mismatch = ssh.getAttribute(PinningServerKeyVerifier.MISMATCH);
      result.completeExceptionally(
          mismatch != null
              ? mismatch
              : new NetconfAuthenticationException(
                  device.deviceId(), "cannot authenticate: " + e.getMessage(), e));
      ssh.close(true);
    }
  }

  private void authenticated(
      SessionKey key,
      ClientSession ssh,
      CompletableFuture<NetconfSession> result,
      AuthFuture auth) {
    DeviceConnection device = key.device();
    if (!auth.isSuccess()) {
      HostKeyMismatchException mismatch = ssh.getAttribute(PinningServerKeyVerifier.MISMATCH);
      result.completeExceptionally(
          mismatch != null
              ? mismatch
              : new NetconfAuthenticationException(
                  device.deviceId(),
                  "SSH authentication as "
                      + device.username()
                      + " failed"
                      + reason(auth.getException()),
                  auth.getException()));
      ssh.close(true);
      return;
    }
    openSubsystem(key, ssh, result, CallbackLogContext.capture());
  }

  private void openSubsystem(
      SessionKey key,
      ClientSession ssh,
      CompletableFuture<NetconfSession> result,
      Map<String, String> fields) {
    String deviceId = key.deviceId();
    try {
      ChannelSubsystem channel = ssh.createSubsystemChannel("netconf");
      channel.setStreaming(ClientChannel.Streaming.Async);
      channel
          .open()
          .addListener(
              opened ->
                  CallbackLogContext.run(fields, () -> opened(key, ssh, channel, opened, result)));
    } catch (IOException | RuntimeException e) {
      result.completeExceptionally(
          new NetconfConnectException(
              deviceId, "cannot open the netconf subsystem: " + e.getMessage(), e));
      ssh.close(true);
    }
  }

  private void opened(
      SessionKey key,
      ClientSession ssh,
      ChannelSubsystem channel,
      OpenFuture opened,
      CompletableFuture<NetconfSession> result) {
    String deviceId = key.deviceId();
    if (!opened.isOpened()) {
      result.completeExceptionally(
          new NetconfConnectException(
              deviceId,
              "the device refused the netconf subsystem" + reason(opened.getException()),
              opened.getException()));
      ssh.close(true);
      return;
    }
    NetconfSession session =
        new NetconfSession(key, ssh, channel, worker, scheduler, settings.maxMessageBytes());
    session
        .start()
        .whenComplete(
            (s, e) -> {
              if (e != null) {
                result.completeExceptionally(e);
                session.close();
              } else if (!result.complete(s)) {
                session.close();
              }
            });
  }

  private KeyPair keyPair(DeviceConnection device) throws IOException, GeneralSecurityException {
    Path path = device.privateKey();
    KeyPair cached = keys.get(path);
    if (cached != null) {
      return cached;
    }
    FilePasswordProvider passwords =
        device.passphrase() == null
            ? FilePasswordProvider.EMPTY
            : FilePasswordProvider.of(device.passphrase());
    try (InputStream in = Files.newInputStream(path)) {
      for (KeyPair pair :
          SecurityUtils.loadKeyPairIdentities(
              null, NamedResource.ofName(path.toString()), in, passwords)) {
        keys.put(path, pair);
        return pair;
      }
    }
    throw new GeneralSecurityException("no key pair in " + path);
  }

  private static NetconfException connectFailure(DeviceConnection device, Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String what =
        root instanceof ConnectException
            ? "connection refused"
            : root instanceof UnknownHostException
                ? "unknown host"
                : root instanceof NoRouteToHostException
                    ? "no route to host"
                    : "cannot connect: " + root.getMessage();
    return new NetconfConnectException(
        device.deviceId(), what + " (" + device.host() + ":" + device.port() + ")", e);
  }

  private static String reason(Throwable e) {
    return e == null || e.getMessage() == null ? "" : ": " + e.getMessage();
  }
}
