package io.switchboard.devices.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.devices.netconf.NetconfTestClient;
import java.lang.management.ManagementFactory;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Sanity, not a benchmark: a fleet of 500 starts in one JVM with a bounded number of threads and a
 * sample of its devices answer. Prints start time, threads and heap; asserts no timing.
 */
class FleetScaleIT {

  private static final int DEVICES = 500;

  @Test
  void fiveHundredDevicesStartOnSharedThreadsAndAnswerHello() throws Exception {
    int threadsBefore = ManagementFactory.getThreadMXBean().getThreadCount();
    long begin = System.nanoTime();
    try (SimulatedFleet fleet = SimulatedFleet.builder().devices(DEVICES).start()) {
      long startMillis = (System.nanoTime() - begin) / 1_000_000;
      Set<Integer> ports = new HashSet<>();
      fleet.devices().forEach(d -> ports.add(d.port()));
      assertThat(ports).hasSize(DEVICES);
      for (int i = 0; i < DEVICES; i += DEVICES / 20) {
        try (NetconfTestClient nc = NetconfTestClient.connect(fleet.device(i))) {
          assertThat(nc.serverCapabilities()).contains("urn:ietf:params:netconf:base:1.1");
        }
      }
      int threadsAfter = ManagementFactory.getThreadMXBean().getThreadCount();
      System.gc();
      Runtime rt = Runtime.getRuntime();
      long heapMb = (rt.totalMemory() - rt.freeMemory()) / (1024 * 1024);
      System.out.printf(
          "FleetScaleIT: %d devices started in %d ms; JVM threads %d before, %d after"
              + " (fleet budget %d); heap used %d MiB; cores %d%n",
          DEVICES,
          startMillis,
          threadsBefore,
          threadsAfter,
          fleet.threadBudget(),
          heapMb,
          rt.availableProcessors());
      // Bounded by the fleet's shared pools (plus the test's own SSH client), never per device.
      assertThat(threadsAfter - threadsBefore).isLessThan(fleet.threadBudget() + 20);
    }
  }
}
