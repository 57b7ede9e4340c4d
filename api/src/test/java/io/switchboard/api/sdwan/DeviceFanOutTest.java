package io.switchboard.api.sdwan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The preview's device calls run side by side, never more at once than the bound. */
class DeviceFanOutTest {

  @Test
  void callsRunTogetherUpToTheBoundAndAnswerInTheItemsOrder() {
    List<Integer> items = List.of(1, 2, 3, 4, 5, 6, 7, 8, 9);
    CountDownLatch firstThreeInside = new CountDownLatch(3);
    AtomicInteger inside = new AtomicInteger();
    AtomicInteger most = new AtomicInteger();

    List<String> out =
        DeviceFanOut.map(
            items,
            3,
            n -> {
              most.accumulateAndGet(inside.incrementAndGet(), Math::max);
              firstThreeInside.countDown();
              try {
                // one after the other, no call would ever see three inside
                assertThat(firstThreeInside.await(20, TimeUnit.SECONDS)).isTrue();
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              inside.decrementAndGet();
              return "device-" + n;
            });

    assertThat(most.get()).isEqualTo(3);
    assertThat(out)
        .containsExactly(
            "device-1",
            "device-2",
            "device-3",
            "device-4",
            "device-5",
            "device-6",
            "device-7",
            "device-8",
            "device-9");
  }

  @Test
  void aFailingCallFailsTheWholeCallWithItsOwnException() {
    IllegalArgumentException boom = new IllegalArgumentException("device 2 exploded");

    assertThatThrownBy(
            () ->
                DeviceFanOut.map(
                    List.of(1, 2, 3),
                    2,
                    n -> {
                      if (n == 2) {
                        throw boom;
                      }
                      return n;
                    }))
        .isSameAs(boom);
  }
}
