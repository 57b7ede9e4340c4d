package io.switchboard.inventory.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class WavePlannerTest {
  private static List<String> devices(int n) {
    return IntStream.rangeClosed(1, n).mapToObj(i -> "d" + i).toList();
  }

  private static List<List<String>> plan(List<String> devices, List<?> serial) {
    return WavePlanner.plan(
        devices, List.of(), SerialSpec.of(serial), CampaignTopology.Overlays.EMPTY);
  }

  @Test
  void ansibleSerialWithTheLastSizeRepeating() {
    List<List<String>> waves = plan(devices(20), List.of(1, 5, "20%"));
    assertThat(waves).extracting(List::size).containsExactly(1, 5, 4, 4, 4, 2);
    assertThat(waves.get(0)).containsExactly("d1");
    assertThat(waves.stream().flatMap(List::stream)).containsExactlyElementsOf(devices(20));
  }

  @Test
  void aPercentageRoundsDownButIsAtLeastOneDevice() {
    assertThat(plan(devices(3), List.of("10%"))).extracting(List::size).containsExactly(1, 1, 1);
    assertThat(SerialSpec.of(List.of("30%")).sizeOf(0, 10)).isEqualTo(3);
    assertThat(SerialSpec.of(List.of("33%")).sizeOf(0, 10)).isEqualTo(3);
  }

  @Test
  void theCanaryWaveIsNeverToppedUpOrMergedWithTheNext() {
    List<List<String>> waves = plan(devices(2), List.of(1, 100));
    assertThat(waves).containsExactly(List.of("d1"), List.of("d2"));
  }

  @Test
  void explicitCanariesFormTheFirstWaveAndAppearNowhereElse() {
    List<List<String>> waves =
        WavePlanner.plan(
            devices(6),
            List.of("d4", "d5"),
            SerialSpec.of(List.of(1, 2)),
            CampaignTopology.Overlays.EMPTY);
    assertThat(waves)
        .containsExactly(List.of("d4", "d5"), List.of("d1", "d2"), List.of("d3", "d6"));
  }

  @Test
  void explicitCanariesMustBeSelected() {
    assertThatThrownBy(
            () ->
                WavePlanner.plan(
                    devices(2),
                    List.of("other"),
                    SerialSpec.of(List.of(1)),
                    CampaignTopology.Overlays.EMPTY))
        .hasMessageContaining("other");
  }

  @Test
  void twoHubsOfOneOverlayNeverShareAWave() {
    var overlays = new CampaignTopology.Overlays(Map.of("ov1", Set.of("d1", "d2")), Map.of());
    List<List<String>> waves =
        WavePlanner.plan(devices(4), List.of(), SerialSpec.of(List.of(4)), overlays);
    assertThat(waves).containsExactly(List.of("d1", "d3", "d4"), List.of("d2"));
  }

  @Test
  void aHubNeverSharesAWaveWithSpokesWhoseOnlyHubItIs() {
    var overlays =
        new CampaignTopology.Overlays(
            Map.of("ov1", Set.of("hub", "hub2")),
            Map.of("single", Set.of("hub"), "dual", Set.of("hub", "hub2")));
    List<List<String>> waves =
        WavePlanner.plan(
            List.of("hub", "single", "dual", "x"), List.of(), SerialSpec.of(List.of(10)), overlays);
    // the dual-homed spoke keeps its other hub, so it may go with the first
    assertThat(waves).containsExactly(List.of("hub", "dual", "x"), List.of("single"));
  }

  @Test
  void aHubPairIsSplitEvenWhenBothAreTheCanaryCandidates() {
    var overlays = new CampaignTopology.Overlays(Map.of("ov", Set.of("h1", "h2")), Map.of());
    assertThatThrownBy(
            () ->
                WavePlanner.plan(
                    List.of("h1", "h2", "s"),
                    List.of("h1", "h2"),
                    SerialSpec.of(List.of(1)),
                    overlays))
        .hasMessageContaining("one wave");
    assertThat(
            WavePlanner.plan(
                List.of("h1", "h2", "s"), List.of(), SerialSpec.of(List.of(2)), overlays))
        .containsExactly(List.of("h1", "s"), List.of("h2"));
  }

  @Test
  void invalidSerialEntriesAreNamed() {
    assertThatThrownBy(() -> SerialSpec.of(List.of(1, "abc"))).hasMessageContaining("serial[1]");
    assertThatThrownBy(() -> SerialSpec.of(List.of(0))).hasMessageContaining("serial[0]");
    assertThatThrownBy(() -> SerialSpec.of(List.of("150%"))).hasMessageContaining("serial[0]");
    assertThatThrownBy(() -> SerialSpec.of(List.of())).hasMessageContaining("at least one");
  }

  @Test
  void aBudgetFailsWhenExceededNotWhenEqualled() {
    FailureBudget budget = new FailureBudget(20);
    assertThat(budget.exceededBy(1, 5)).isFalse();
    assertThat(budget.exceededBy(2, 5)).isTrue();
    assertThat(new FailureBudget(0).exceededBy(1, 1)).isTrue();
    assertThat(new FailureBudget(0).exceededBy(0, 1)).isFalse();
    assertThat(new FailureBudget(100).exceededBy(5, 5)).isFalse();
  }
}
