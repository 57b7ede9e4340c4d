package io.switchboard.camel.bench;

import io.switchboard.camel.junos.CommitConfiguration;
import io.switchboard.camel.junos.ConfigurationPush;
import io.switchboard.camel.junos.JunosConfigRoutes;
import io.switchboard.camel.junos.JunosErrorHandling;
import io.switchboard.camel.junos.JunosInfoRoutes;
import io.switchboard.camel.junos.JunosRouteIds;
import io.switchboard.camel.junos.LoadAction;
import io.switchboard.camel.junos.LoadConfiguration;
import io.switchboard.camel.netconf.DeviceConnection;
import io.switchboard.camel.netconf.InMemoryDeviceConnectionResolver;
import io.switchboard.camel.netconf.InMemoryHostKeyStore;
import io.switchboard.camel.netconf.NetconfClientSettings;
import io.switchboard.camel.netconf.NetconfComponent;
import io.switchboard.camel.netconf.NetconfConstants;
import io.switchboard.camel.netconf.NetconfSessionStats;
import io.switchboard.devices.fleet.SimulatedDevice;
import io.switchboard.devices.fleet.SimulatedFleet;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.camel.AsyncProducer;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * Pushes a configuration change with a confirmed commit, then confirms it, on N simulated devices
 * through the Junos routes ({@code direct:junos-push-configuration}, then {@code
 * direct:junos-commit-configuration}). The simulator fleet runs in this JVM, so heap and threads
 * count both sides. Calls go through Camel's asynchronous producer: no thread waits per device.
 *
 * <p>Usage: {@code NetconfPushBenchmark [--window W] [--max-sessions S] N...}
 */
public final class NetconfPushBenchmark {

  private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private NetconfPushBenchmark() {}

  public static void main(String[] args) throws Exception {
    int window = 500;
    int maxSessions = 1000;
    List<Integer> sizes = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--window" -> window = Integer.parseInt(args[++i]);
        case "--max-sessions" -> maxSessions = Integer.parseInt(args[++i]);
        default -> sizes.add(Integer.parseInt(args[i]));
      }
    }
    if (sizes.isEmpty()) {
      sizes = List.of(100, 1000);
    }
    int cores = Runtime.getRuntime().availableProcessors();
    long maxHeap = Runtime.getRuntime().maxMemory();
    System.out.printf(
        Locale.ROOT,
        "cores=%d max-heap=%dMiB window=%d max-sessions=%d java=%s%n",
        cores,
        maxHeap >> 20,
        window,
        maxSessions,
        System.getProperty("java.version"));
    System.out.println(
        "devices,ok,failed,wall_s,devices_per_s,p50_ms,p99_ms,peak_heap_mib,peak_threads,"
            + "sessions_opened,sessions_reused,fleet_start_s");
    for (int n : sizes) {
      run(n, Math.min(window, n), maxSessions);
    }
  }

  private static void run(int n, int window, int maxSessions) throws Exception {
    System.gc();
    long fleetStart = System.nanoTime();
    try (SimulatedFleet fleet =
        SimulatedFleet.builder().devices(n).serialPrefix("BENCH").build().start()) {
      double fleetSeconds = (System.nanoTime() - fleetStart) / 1e9;
      InMemoryDeviceConnectionResolver resolver = new InMemoryDeviceConnectionResolver();
      for (SimulatedDevice device : fleet.devices()) {
        resolver.register(
            DeviceConnection.withPassword(
                device.serialNumber(),
                device.host(),
                device.port(),
                device.username(),
                device.password()));
      }
      NetconfComponent component =
          new NetconfComponent(
              NetconfClientSettings.defaults()
                  .withSessionLimits(maxSessions, 1)
                  .withIdleTimeout(Duration.ofMinutes(5)),
              new InMemoryHostKeyStore(),
              resolver);
      CamelContext camel = new DefaultCamelContext();
      camel.addComponent("netconf", component);
      camel.addRoutes(new JunosConfigRoutes());
      camel.addRoutes(new JunosErrorHandling());
      camel.addRoutes(new JunosInfoRoutes());
      camel.start();
      try {
        measure(camel, component, fleet, n, window, fleetSeconds);
      } finally {
        camel.stop();
      }
    }
  }

  private static void measure(
      CamelContext camel,
      NetconfComponent component,
      SimulatedFleet fleet,
      int n,
      int window,
      double fleetSeconds)
      throws Exception {
    Endpoint push = camel.getEndpoint(JunosRouteIds.PUSH_CONFIGURATION_URI);
    Endpoint commit = camel.getEndpoint(JunosRouteIds.COMMIT_CONFIGURATION_URI);
    AsyncProducer pushProducer = push.createAsyncProducer();
    AsyncProducer commitProducer = commit.createAsyncProducer();
    pushProducer.start();
    commitProducer.start();

    AtomicLong peakHeap = new AtomicLong();
    ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
    sampler.scheduleAtFixedRate(
        () -> peakHeap.accumulateAndGet(MEMORY.getHeapMemoryUsage().getUsed(), Math::max),
        0,
        20,
        TimeUnit.MILLISECONDS);
    THREADS.resetPeakThreadCount();

    Semaphore inFlight = new Semaphore(window);
    AtomicInteger ok = new AtomicInteger();
    AtomicInteger failed = new AtomicInteger();
    long[] latencies = new long[n];
    List<CompletableFuture<Void>> all = new ArrayList<>(n);
    long start = System.nanoTime();
    for (int i = 0; i < n; i++) {
      inFlight.acquire();
      SimulatedDevice device = fleet.device(i);
      int index = i;
      long t0 = System.nanoTime();
      ConfigurationPush change =
          new ConfigurationPush(
              LoadConfiguration.xml(
                  "<configuration><system><host-name>bench-"
                      + i
                      + "</host-name></system>"
                      + "<snmp><location>rack "
                      + (i % 40)
                      + "</location></snmp></configuration>",
                  LoadAction.MERGE),
              CommitConfiguration.confirmed(10, "bench push"));
      CompletableFuture<Void> done =
          send(pushProducer, push, device.serialNumber(), change)
              .thenCompose(
                  x ->
                      send(
                          commitProducer,
                          commit,
                          device.serialNumber(),
                          CommitConfiguration.confirm()))
              .handle(
                  (x, error) -> {
                    latencies[index] = System.nanoTime() - t0;
                    if (error == null) {
                      ok.incrementAndGet();
                    } else {
                      if (failed.incrementAndGet() <= 5) {
                        System.err.println(device.serialNumber() + ": " + error);
                      }
                    }
                    inFlight.release();
                    return null;
                  });
      all.add(done);
    }
    CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).get(30, TimeUnit.MINUTES);
    double wall = (System.nanoTime() - start) / 1e9;
    sampler.shutdownNow();
    java.util.Arrays.sort(latencies);
    NetconfSessionStats stats = component.sessionStats();
    System.out.printf(
        Locale.ROOT,
        "%d,%d,%d,%.2f,%.1f,%d,%d,%d,%d,%s,%.2f%n",
        n,
        ok.get(),
        failed.get(),
        wall,
        n / wall,
        latencies[n / 2] / 1_000_000,
        latencies[Math.min(n - 1, (int) (n * 0.99))] / 1_000_000,
        peakHeap.get() >> 20,
        THREADS.getPeakThreadCount(),
        stats.opened() + "," + stats.reused(),
        fleetSeconds);
    pushProducer.stop();
    commitProducer.stop();
  }

  private static CompletableFuture<Exchange> send(
      AsyncProducer producer, Endpoint endpoint, String deviceId, Object body) {
    Exchange exchange = endpoint.createExchange();
    exchange.getMessage().setBody(body);
    exchange.getMessage().setHeader(NetconfConstants.DEVICE_ID, deviceId);
    CompletableFuture<Exchange> result = new CompletableFuture<>();
    producer.process(
        exchange,
        doneSync -> {
          if (exchange.getException() != null) {
            result.completeExceptionally(exchange.getException());
          } else {
            result.complete(exchange);
          }
        });
    return result;
  }
}
