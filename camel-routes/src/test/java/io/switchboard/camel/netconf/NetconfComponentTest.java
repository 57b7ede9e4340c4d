package io.switchboard.camel.netconf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The component's session handling against an in-process NETCONF server: timeouts, dropped
 * sessions, reuse, the per-device and global limits, idle eviction.
 */
class NetconfComponentTest {

  @TempDir Path dir;

  private TestNetconfServer server;
  private CamelContext camel;
  private ProducerTemplate template;
  private NetconfComponent component;
  private final InMemoryDeviceConnectionResolver resolver = new InMemoryDeviceConnectionResolver();

  private void start(boolean base11, NetconfClientSettings settings) throws Exception {
    server = new TestNetconfServer(dir.resolve("host.key"), base11);
    component = new NetconfComponent(settings, new InMemoryHostKeyStore(), resolver);
    camel = new DefaultCamelContext();
    camel.addComponent("netconf", component);
    camel.start();
    template = camel.createProducerTemplate();
  }

  private void start() throws Exception {
    start(true, NetconfClientSettings.defaults());
  }

  @AfterEach
  void stop() throws Exception {
    if (camel != null) {
      camel.stop();
    }
    if (server != null) {
      server.close();
    }
  }

  private Object send(String deviceId, String operation) {
    return template.requestBodyAndHeader(
        "netconf:device?operation=" + operation, null, NetconfConstants.DEVICE_ID, deviceId);
  }

  private CompletableFuture<Object> sendAsync(String deviceId, String operation) {
    return template.asyncRequestBodyAndHeader(
        "netconf:device?operation=" + operation, null, NetconfConstants.DEVICE_ID, deviceId);
  }

  @Test
  void aSlowReplyIsATimeoutAndTheSessionIsNotReused() throws Exception {
    start(true, NetconfClientSettings.defaults().withRpcTimeout(Duration.ofMillis(300)));
    resolver.register(server.device("slow"));
    CountDownLatch release = new CountDownLatch(1);
    server.respondWith(
        rpc -> {
          release.await(5, TimeUnit.SECONDS);
          return "<data/>";
        });

    assertThatThrownBy(() -> send("slow", "get"))
        .cause()
        .isInstanceOfSatisfying(
            NetconfTimeoutException.class,
            e -> {
              assertThat(e.getPhase()).isEqualTo("rpc get");
              assertThat(e.getDeviceId()).isEqualTo("slow");
            });
    release.countDown();
    server.respondWith(rpc -> "<data/>");

    send("slow", "get");
    assertThat(server.sessionsOpened.get()).isEqualTo(2);
  }

  @Test
  void aSessionDroppedMidRpcIsItsOwnException() throws Exception {
    start();
    resolver.register(server.device("flaky"));
    server.respondWith(
        rpc -> {
          throw new TestNetconfServer.Drop();
        });

    assertThatThrownBy(() -> send("flaky", "commit"))
        .cause()
        .isInstanceOf(NetconfSessionDroppedException.class)
        .hasMessageContaining("flaky");
  }

  @Test
  void anUnreachableDeviceIsAConnectFailure() throws Exception {
    start();
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    resolver.register(DeviceConnection.withPassword("gone", "127.0.0.1", closedPort, "u", "p"));

    assertThatThrownBy(() -> send("gone", "get"))
        .cause()
        .isInstanceOf(NetconfConnectException.class)
        .hasMessageContaining("connection refused");
  }

  @Test
  void anUnknownDeviceIdIsRefused() throws Exception {
    start();

    assertThatThrownBy(() -> send("nobody", "get"))
        .cause()
        .isInstanceOf(NetconfConnectException.class)
        .hasMessageContaining("unknown device");
  }

  @Test
  void aBase10ServerGetsEndOfMessageFraming() throws Exception {
    start(false, NetconfClientSettings.defaults());
    resolver.register(server.device("old"));

    Object reply =
        template
            .request(
                "netconf:device?operation=get",
                e -> e.getMessage().setHeader(NetconfConstants.DEVICE_ID, "old"))
            .getMessage()
            .getHeader(NetconfConstants.FRAMING);

    assertThat(reply).isEqualTo("end-of-message");
  }

  @Test
  void requestsToOneDeviceShareOneSessionOneAtATime() throws Exception {
    start();
    resolver.register(server.device("busy"));
    server.respondWith(
        rpc -> {
          Thread.sleep(20);
          return "<ok/>";
        });

    List<CompletableFuture<Object>> replies = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      replies.add(sendAsync("busy", "get"));
    }
    CompletableFuture.allOf(replies.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);

    assertThat(server.sessionsOpened.get()).isEqualTo(1);
    assertThat(server.maxRpcsInFlight.get()).isEqualTo(1);
    assertThat(component.client().stats().reused()).isEqualTo(9);
  }

  @Test
  void theGlobalLimitBoundsOpenSessionsAcrossDevices() throws Exception {
    start(true, NetconfClientSettings.defaults().withSessionLimits(2, 1));
    List<CompletableFuture<Object>> replies = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      resolver.register(server.device("cpe-" + i));
    }
    for (int i = 0; i < 8; i++) {
      replies.add(sendAsync("cpe-" + i, "get"));
    }
    CompletableFuture.allOf(replies.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);

    assertThat(server.sessionsOpened.get()).isEqualTo(8);
    // The client's own count is exact. The server sees an evicted session go only when its close
    // arrives, which lags on a loaded machine, so its peak only shows that not all 8 were open.
    assertThat(component.client().stats().open()).isLessThanOrEqualTo(2);
    assertThat(server.maxSessionsOpen.get()).isLessThan(8);
  }

  @Test
  void idleSessionsAreClosedAfterTheIdleTimeout() throws Exception {
    start(true, NetconfClientSettings.defaults().withIdleTimeout(Duration.ofMillis(400)));
    resolver.register(server.device("idle"));

    send("idle", "get");
    assertThat(server.sessionsOpen.get()).isEqualTo(1);

    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () -> {
              assertThat(server.sessionsOpen.get()).isZero();
              assertThat(component.client().stats().open()).isZero();
            });
  }
}
