package io.switchboard.ops.benchmark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LatencyRecorderTest {
  private static final long MS = 1_000_000;

  @Test
  void percentilesAreNearestRankOverAllSamples() {
    LatencyRecorder recorder = new LatencyRecorder();
    for (int i = 100; i >= 1; i--) {
      recorder.record(i * MS);
    }
    long[] sorted = recorder.sorted();
    assertEquals(50.0, LatencyRecorder.percentileMillis(sorted, 50));
    assertEquals(99.0, LatencyRecorder.percentileMillis(sorted, 99));
    assertEquals(100.0, LatencyRecorder.percentileMillis(sorted, 100));
    assertEquals(1.0, LatencyRecorder.percentileMillis(sorted, 0.1));
  }

  @Test
  void growsPastItsInitialCapacity() {
    LatencyRecorder recorder = new LatencyRecorder();
    for (int i = 0; i < 200_000; i++) {
      recorder.record(MS);
    }
    assertEquals(200_000, recorder.count());
  }

  @Test
  void noSamplesGiveNoPercentile() {
    assertTrue(Double.isNaN(LatencyRecorder.percentileMillis(new long[0], 99)));
  }
}
