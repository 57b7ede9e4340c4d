package io.switchboard.console.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.switchboard.api.error.ApiException;
import java.util.List;
import org.junit.jupiter.api.Test;

class OrderedTest {
  @Test
  void movingUpSwapsWithTheEntryBefore() {
    assertThat(Ordered.movedUp(List.of("a", "b", "c"), 2)).containsExactly("a", "c", "b");
    assertThat(Ordered.movedUp(List.of("a", "b", "c"), 0)).containsExactly("a", "b", "c");
  }

  @Test
  void removingLeavesTheOthersInOrder() {
    assertThat(Ordered.removed(List.of("a", "b", "c"), 1)).containsExactly("a", "c");
  }

  @Test
  void aPositionOutsideTheListIsNotFound() {
    assertThatThrownBy(() -> Ordered.removed(List.of("a"), 1))
        .isInstanceOf(ApiException.class)
        .hasMessageContaining("'2' not found");
    assertThatThrownBy(() -> Ordered.movedUp(List.of("a"), -1)).isInstanceOf(ApiException.class);
  }
}
