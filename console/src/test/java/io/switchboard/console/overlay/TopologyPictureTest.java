package io.switchboard.console.overlay;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.inventory.sdwan.OverlayMember;
import io.switchboard.inventory.sdwan.Tunnel;
import io.switchboard.inventory.sdwan.TunnelState;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TopologyPictureTest {
  private static OverlayMember member(String site, boolean hub, String state) {
    OverlayMember m = new OverlayMember("t", "o", site, hub);
    m.setState(state);
    return m;
  }

  private static Tunnel tunnel(int number, String a, String b, String path, TunnelState state) {
    Tunnel t = new Tunnel("t", "o", number, "secret-key");
    t.setASiteId(a);
    t.setBSiteId(b);
    t.setPathLabel(path);
    t.setState(state);
    return t;
  }

  @Test
  void theHubSitsInTheMiddleAndSpokesOnARingAroundIt() {
    TopologyPicture picture =
        TopologyPicture.of(
            List.of(
                member("hub", true, "ACTIVE"),
                member("s1", false, "ACTIVE"),
                member("s2", false, "ACTIVE"),
                member("s3", false, "ACTIVE")),
            List.of(),
            Map.of("hub", "Paris hub", "s1", "Lyon"));
    TopologyPicture.Node hub = picture.getNodes().get(0);
    assertThat(hub.name()).isEqualTo("Paris hub");
    assertThat(hub.hub()).isTrue();
    assertThat(hub.x()).isEqualTo(TopologyPicture.SIZE / 2.0);
    assertThat(hub.y()).isEqualTo(TopologyPicture.SIZE / 2.0);
    double centre = TopologyPicture.SIZE / 2.0;
    List<Double> radii =
        picture.getNodes().stream()
            .skip(1)
            .map(n -> Math.round(Math.hypot(n.x() - centre, n.y() - centre) * 1.0) / 1.0)
            .distinct()
            .toList();
    assertThat(radii).hasSize(1);
    assertThat(radii.get(0)).isGreaterThan(100);
    // a site without a name the caller sees is shown by its id
    assertThat(picture.getNodes()).extracting(TopologyPicture.Node::name).contains("s2");
  }

  @Test
  void eachTunnelIsOneLineColouredByItsStateAndTwoPathsBetweenTheSameSitesBendApart() {
    TopologyPicture picture =
        TopologyPicture.of(
            List.of(member("hub", true, "ACTIVE"), member("s1", false, "ACTIVE")),
            List.of(
                tunnel(1, "s1", "hub", "internet", TunnelState.UP),
                tunnel(2, "s1", "hub", "mpls", TunnelState.DOWN)),
            Map.of());
    assertThat(picture.getEdges())
        .extracting(TopologyPicture.Edge::state)
        .containsExactly("UP", "DOWN");
    assertThat(picture.getEdges()).allSatisfy(e -> assertThat(e.path()).contains("Q"));
    assertThat(picture.getEdges().get(0).path()).isNotEqualTo(picture.getEdges().get(1).path());
    assertThat(picture.getEdges().get(0).label()).isEqualTo("st0.1 internet — UP");
    // the key never reaches the picture
    assertThat(picture.getEdges().toString()).doesNotContain("secret-key");
  }

  @Test
  void aSingleTunnelIsStraightAndSitesThatLeftAreNotDrawn() {
    TopologyPicture picture =
        TopologyPicture.of(
            List.of(
                member("a", false, "ACTIVE"),
                member("b", false, "ACTIVE"),
                member("gone", false, "LEFT")),
            List.of(
                tunnel(1, "a", "b", "internet", TunnelState.PLANNED),
                tunnel(2, "a", "gone", "internet", TunnelState.REMOVED)),
            Map.of());
    assertThat(picture.getNodes())
        .extracting(TopologyPicture.Node::siteId)
        .containsExactly("a", "b");
    assertThat(picture.getEdges()).hasSize(1);
    assertThat(picture.getEdges().get(0).path()).startsWith("M").contains(" L");
  }
}
