package io.switchboard.ops.benchmark;

import java.util.Arrays;

/** Collects latencies (nanoseconds) from many threads; percentiles by sorting at the end. */
final class LatencyRecorder {
  private long[] samples = new long[1 << 16];
  private int size;

  synchronized void record(long nanos) {
    if (size == samples.length) {
      samples = Arrays.copyOf(samples, size * 2);
    }
    samples[size++] = nanos;
  }

  synchronized int count() {
    return size;
  }

  /** Sorted copy, for percentiles. */
  synchronized long[] sorted() {
    long[] copy = Arrays.copyOf(samples, size);
    Arrays.sort(copy);
    return copy;
  }

  /** Nearest-rank percentile of sorted samples, in milliseconds. */
  static double percentileMillis(long[] sorted, double percentile) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    int rank = (int) Math.ceil(percentile / 100.0 * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))] / 1_000_000.0;
  }
}
