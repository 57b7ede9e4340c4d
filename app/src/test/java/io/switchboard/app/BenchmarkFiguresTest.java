package io.switchboard.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class BenchmarkFiguresTest {

  @Test
  void percentilesAreNearestRankAndZeroWithoutValues() {
    List<Long> hundred = LongStream.rangeClosed(1, 100).boxed().toList();
    assertThat(BenchmarkFigures.percentile(hundred, 50)).isEqualTo(50);
    assertThat(BenchmarkFigures.percentile(hundred, 99)).isEqualTo(99);
    assertThat(BenchmarkFigures.percentile(List.of(7L), 99)).isEqualTo(7);
    assertThat(BenchmarkFigures.percentile(List.of(), 50)).isZero();
  }

  @Test
  void theMachineLineNamesCoresAndLoad() {
    assertThat(BenchmarkFigures.machine())
        .matches("cores=" + Runtime.getRuntime().availableProcessors() + " load=-?\\d+\\.\\d\\d");
    assertThat(BenchmarkFigures.cpuNanos()).isPositive();
    assertThat(BenchmarkFigures.peakHeapMiB()).isPositive();
  }
}
