package io.switchboard.inventory.sdwan.sla;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.inventory.sdwan.render.DeviceIntent;
import java.util.List;
import org.junit.jupiter.api.Test;

class SteeringCheckTest {
  static final DeviceIntent.Steering SIP =
      new DeviceIntent.Steering(1, "junos-sip", null, "voice", 1, 150, 30, "internet");
  static final SlaMeasurement CLEAN = new SlaMeasurement(0, 10, 0);
  static final SlaMeasurement LOSSY = new SlaMeasurement(10, 10, 0);
  static final SlaMeasurement SLOW = new SlaMeasurement(0, 170, 0);

  private static List<SteeringCheck.PathChoice> paths(
      SlaMeasurement internet, SlaMeasurement mpls) {
    List<SteeringCheck.SiteSteering> result =
        SteeringCheck.check(
            List.of("spoke"),
            List.of(
                new SteeringCheck.Path("hub", "spoke", "internet", internet),
                new SteeringCheck.Path("hub", "spoke", "mpls", mpls)),
            List.of(SIP));
    return result.get(0).rules().get(0).paths();
  }

  @Test
  void thePreferredLabelCarriesTheRuleWhileItMeetsTheSla() {
    assertThat(paths(CLEAN, CLEAN))
        .containsExactly(new SteeringCheck.PathChoice("hub", "internet", true, null));
  }

  @Test
  void aPreferredPathPastTheSlaMovesTheRuleToALabelThatMeetsIt() {
    SteeringCheck.PathChoice choice = paths(LOSSY, CLEAN).get(0);
    assertThat(choice.pathLabel()).isEqualTo("mpls");
    assertThat(choice.meetsSla()).isTrue();
    assertThat(choice.reason()).isEqualTo("internet misses the SLA: loss 10 % > 1 %");
  }

  @Test
  void whenNoPathMeetsTheSlaThePreferredOneStaysMarkedAsMissingIt() {
    SteeringCheck.PathChoice choice = paths(LOSSY, SLOW).get(0);
    assertThat(choice.pathLabel()).isEqualTo("internet");
    assertThat(choice.meetsSla()).isFalse();
    assertThat(choice.reason())
        .isEqualTo(
            "no path meets the SLA: internet misses the SLA: loss 10 % > 1 %;"
                + " mpls misses the SLA: rtt 170 ms > 150 ms");
  }

  @Test
  void aTunnelNeverMeasuredDoesNotCountAsMeetingTheSla() {
    SteeringCheck.PathChoice choice = paths(null, CLEAN).get(0);
    assertThat(choice.pathLabel()).isEqualTo("mpls");
    assertThat(choice.reason()).isEqualTo("internet was not measured");
  }

  @Test
  void eachPeerIsChosenForOnItsOwnAndAHubSeesEverySpoke() {
    List<SteeringCheck.SiteSteering> result =
        SteeringCheck.check(
            List.of("hub"),
            List.of(
                new SteeringCheck.Path("hub", "s1", "internet", LOSSY),
                new SteeringCheck.Path("hub", "s1", "mpls", CLEAN),
                new SteeringCheck.Path("hub", "s2", "internet", CLEAN),
                new SteeringCheck.Path("hub", "s2", "mpls", CLEAN)),
            List.of(SIP));
    assertThat(result.get(0).rules().get(0).paths())
        .extracting(SteeringCheck.PathChoice::peerSiteId, SteeringCheck.PathChoice::pathLabel)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("s1", "mpls"),
            org.assertj.core.groups.Tuple.tuple("s2", "internet"));
  }

  @Test
  void aTunnelIsAsGoodAsItsWorseEnd() {
    assertThat(new SlaMeasurement(1, 20, 3).worse(new SlaMeasurement(0.5, 40, 1)))
        .isEqualTo(new SlaMeasurement(1, 40, 3));
  }
}
