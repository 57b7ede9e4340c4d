package io.switchboard.app;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.List;
import java.util.Locale;

/**
 * What every benchmark prints beside its own figures: percentiles, the CPU time and peak heap and
 * threads of this JVM, and the machine the figures were measured on (a figure from an
 * oversubscribed machine means little without its core count and load).
 */
public final class BenchmarkFigures {

  private BenchmarkFigures() {}

  /** The p-th percentile (nearest rank) of values sorted ascending; 0 when there are none. */
  public static long percentile(List<Long> sorted, int p) {
    if (sorted.isEmpty()) {
      return 0;
    }
    return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
  }

  /** CPU time this JVM has used so far, every thread. */
  public static long cpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  /** The most heap in use so far, all heap pools together. */
  public static long peakHeapMiB() {
    long peak = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        peak += pool.getPeakUsage().getUsed();
      }
    }
    return peak / (1024 * 1024);
  }

  public static int peakThreads() {
    return ManagementFactory.getThreadMXBean().getPeakThreadCount();
  }

  /** {@code cores=2 load=3.14}: the cores this JVM sees and the one-minute load average. */
  public static String machine() {
    return String.format(
        Locale.ROOT,
        "cores=%d load=%.2f",
        Runtime.getRuntime().availableProcessors(),
        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
  }
}
