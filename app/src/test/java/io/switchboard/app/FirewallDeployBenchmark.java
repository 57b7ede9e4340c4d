package io.switchboard.app;

import io.switchboard.devices.config.CommitOptions;
import io.switchboard.devices.config.ConfigStore;
import io.switchboard.devices.config.Xml;
import io.switchboard.inventory.firewall.model.AddressDef;
import io.switchboard.inventory.firewall.model.AddressKind;
import io.switchboard.inventory.firewall.model.FirewallAction;
import io.switchboard.inventory.firewall.model.PolicySnapshot;
import io.switchboard.inventory.firewall.model.RuleDef;
import io.switchboard.inventory.firewall.model.ZoneDef;
import io.switchboard.inventory.firewall.render.JunosFirewallRenderer;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.Test;

/**
 * ops/firewall-bench: a 500-rule policy rendered and committed (commit check + commit with the
 * simulator's security validation) on N simulated configuration stores, then one rule moved
 * (incremental: one insert). In-process: no NETCONF transport and no deploy process (not built
 * yet). Not part of the build; run with {@code -Dtest=FirewallDeployBenchmark
 * -Dfirewall.bench.devices=N}.
 */
class FirewallDeployBenchmark {
  static final List<ZoneDef> ZONES =
      List.of(
          new ZoneDef("trust", List.of("ge-0/0/1.0")),
          new ZoneDef("untrust", List.of("ge-0/0/0.0")));

  static PolicySnapshot policy(int rules, boolean moved) {
    List<RuleDef> list = new ArrayList<>();
    List<AddressDef> addresses = new ArrayList<>();
    for (int i = 0; i < rules; i++) {
      String net = "net-" + i;
      addresses.add(
          new AddressDef(
              net, AddressKind.PREFIX, "10." + (i / 250) + "." + (i % 250) + ".0/24", null));
      list.add(
          new RuleDef(
              "r" + i,
              List.of("trust"),
              List.of("untrust"),
              List.of(net),
              List.of("any"),
              List.of(i % 2 == 0 ? "junos-https" : "junos-ssh"),
              i % 3 == 0 ? FirewallAction.DENY : FirewallAction.PERMIT,
              true,
              false,
              true,
              true));
    }
    if (moved) {
      list.add(0, list.remove(rules - 1));
    }
    return new PolicySnapshot("bench", list, addresses, List.of(), List.of(), List.of());
  }

  @Test
  void deployThenMoveOneRule() throws Exception {
    int n = Integer.getInteger("firewall.bench.devices", 100);
    int threads =
        Integer.getInteger(
            "firewall.bench.threads", Runtime.getRuntime().availableProcessors() * 4);
    PolicySnapshot v1 = policy(500, false);
    PolicySnapshot v2 = policy(500, true);
    ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor();
    List<ConfigStore> stores = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      stores.add(
          new ConfigStore(Xml.parse("<configuration/>").getDocumentElement(), timers, e -> {}));
    }
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      report(
          "deploy 500 rules",
          run(pool, stores, s -> apply(s, JunosFirewallRenderer.full(v1, ZONES))),
          n);
      List<String> move = JunosFirewallRenderer.incremental(v1, v2, ZONES);
      System.out.println("one-rule move renders " + move.size() + " command(s): " + move);
      report(
          "move one rule",
          run(pool, stores, s -> apply(s, JunosFirewallRenderer.incremental(v1, v2, ZONES))),
          n);
    } finally {
      pool.shutdownNow();
      timers.shutdownNow();
    }
    Runtime rt = Runtime.getRuntime();
    System.out.printf(
        "cores %d, load average %.2f, heap used %d MB of %d MB, process CPU time %.1f s%n",
        rt.availableProcessors(),
        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
        (rt.totalMemory() - rt.freeMemory()) >> 20,
        rt.maxMemory() >> 20,
        ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime()
            / 1e9);
  }

  interface Step {
    void run(ConfigStore store) throws Exception;
  }

  static void apply(ConfigStore store, List<String> commands) throws Exception {
    store.loadSetCommands(1, String.join("\n", commands));
    store.commit(1, "bench", new CommitOptions(true, null, null, null, null, true));
    store.commit(1, "bench", CommitOptions.plain());
  }

  static long[] run(ExecutorService pool, List<ConfigStore> stores, Step step) throws Exception {
    long start = System.nanoTime();
    List<Future<Long>> futures = new ArrayList<>();
    for (ConfigStore s : stores) {
      futures.add(
          pool.submit(
              () -> {
                long t = System.nanoTime();
                step.run(s);
                return System.nanoTime() - t;
              }));
    }
    long[] times = new long[stores.size() + 1];
    for (int i = 0; i < futures.size(); i++) {
      times[i] = futures.get(i).get();
    }
    times[stores.size()] = System.nanoTime() - start;
    return times;
  }

  static void report(String what, long[] times, int n) {
    long wall = times[n];
    long[] per = Arrays.copyOf(times, n);
    Arrays.sort(per);
    System.out.printf(
        "%s on %d devices: wall %.2f s, %.1f devices/s, per device p50 %.1f ms, p99 %.1f ms%n",
        what,
        n,
        wall / 1e9,
        n / (wall / 1e9),
        per[n / 2] / 1e6,
        per[Math.min(n - 1, (int) (n * 0.99))] / 1e6);
  }
}
