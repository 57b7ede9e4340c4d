package io.switchboard.inventory.firewall;

import static io.switchboard.inventory.firewall.Policies.deny;
import static io.switchboard.inventory.firewall.Policies.permit;
import static io.switchboard.inventory.firewall.Policies.snapshot;
import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.inventory.firewall.analysis.Flow;
import io.switchboard.inventory.firewall.analysis.PolicyAnalysis;
import io.switchboard.inventory.firewall.analysis.PolicyAnalysis.Probe;
import io.switchboard.inventory.firewall.analysis.PolicyAnalysis.Verdict;
import io.switchboard.inventory.firewall.model.AddressDef;
import io.switchboard.inventory.firewall.model.AddressKind;
import io.switchboard.inventory.firewall.model.FirewallAction;
import io.switchboard.inventory.firewall.model.OtherPolicies;
import io.switchboard.inventory.firewall.model.PolicySnapshot;
import io.switchboard.inventory.firewall.model.RuleDef;
import io.switchboard.inventory.firewall.render.JunosFirewallRenderer;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Verification probes only the rules whose verdict a change can alter. */
class VerificationProbesTest {
  static final RuleDef WEB = permit("web", "lan", "web-servers", "junos-https");
  static final RuleDef PRINTERS = deny("printers", "printers", "any", "any");
  static final RuleDef SSH = permit("ssh", "any", "any", "junos-ssh");

  static final Flow WEB_FLOW = new Flow("trust", "untrust", "10.1.0.1", "10.2.0.1", "tcp", 443);
  static final Flow PRINTERS_FLOW =
      new Flow("trust", "untrust", "10.1.9.11", "198.51.100.10", "tcp", 443);
  static final Flow SSH_FLOW =
      new Flow("trust", "untrust", "203.0.113.10", "198.51.100.10", "tcp", 22);

  private static List<Probe> probes(PolicySnapshot before, PolicySnapshot after) {
    return PolicyAnalysis.probes(
        before, after, JunosFirewallRenderer.repositioned(before, after, OtherPolicies.NONE));
  }

  @Test
  void aFirstDeploymentMakesEveryRuleAProbeCandidate() {
    assertThat(probes(null, snapshot(List.of(WEB, PRINTERS, SSH))))
        .extracting(Probe::flow)
        .containsExactly(WEB_FLOW, PRINTERS_FLOW, SSH_FLOW);
  }

  @Test
  void aFirstDeploymentSampleAsksEveryZonePairAndVerdictAndSpreadsOverTheRest() {
    List<Probe> all = new java.util.ArrayList<>();
    for (int i = 0; i < 40; i++) {
      String to = i < 30 ? "untrust" : "dmz";
      FirewallAction action = i % 10 == 9 ? FirewallAction.DENY : FirewallAction.PERMIT;
      all.add(
          new Probe(
              new Flow("trust", to, "10.1.0." + (i + 1), "10.2.0.1", "tcp", 443),
              new Verdict(action, "r" + i)));
    }
    List<Probe> sample = PolicyAnalysis.sample(all, 8);
    assertThat(sample).hasSize(8);
    // First of each (pair, verdict): r0 and r9 to untrust, r30 and r39 to dmz; the rest spread.
    assertThat(sample)
        .extracting(p -> p.expected().rule())
        .contains("r0", "r9", "r30", "r39")
        .isSortedAccordingTo(
            java.util.Comparator.comparingInt(r -> Integer.parseInt(r.substring(1))));
    assertThat(sample).doesNotHaveDuplicates();
    assertThat(sample.stream().filter(p -> p.flow().toZone().equals("untrust")).count())
        .isGreaterThan(2);
    assertThat(PolicyAnalysis.sample(all.subList(0, 5), 8)).isEqualTo(all.subList(0, 5));
  }

  @Test
  void theSameVersionAgainProbesNothing() {
    PolicySnapshot v1 = snapshot(List.of(WEB, PRINTERS, SSH));
    assertThat(probes(v1, snapshot(List.of(WEB, PRINTERS, SSH)))).isEmpty();
  }

  @Test
  void aRuleMovedToTheTopIsTheOnlyOneProbed() {
    PolicySnapshot v1 = snapshot(List.of(WEB, PRINTERS, SSH));
    PolicySnapshot v2 = snapshot(List.of(SSH, WEB, PRINTERS));
    assertThat(JunosFirewallRenderer.repositioned(v1, v2, OtherPolicies.NONE))
        .containsExactly("ssh");
    assertThat(probes(v1, v2))
        .containsExactly(new Probe(SSH_FLOW, new Verdict(FirewallAction.PERMIT, "ssh")));
  }

  @Test
  void aRemovedRulesSessionsAreProbedForWhatDecidesThemNow() {
    PolicySnapshot v1 = snapshot(List.of(WEB, PRINTERS, SSH));
    PolicySnapshot v2 = snapshot(List.of(WEB, SSH));
    assertThat(probes(v1, v2))
        .containsExactly(new Probe(PRINTERS_FLOW, new Verdict(FirewallAction.DENY, null)));
  }

  @Test
  void aRuleAddedInTheMiddleAndARuleWhoseActionChangedAreProbed() {
    PolicySnapshot v1 = snapshot(List.of(WEB, PRINTERS, SSH));
    RuleDef printersAllowed = permit("printers", "printers", "any", "any");
    RuleDef telnet = deny("telnet", "any", "any", "junos-telnet");
    PolicySnapshot v2 = snapshot(List.of(WEB, telnet, printersAllowed, SSH));
    assertThat(probes(v1, v2))
        .extracting(p -> p.expected().rule())
        .containsExactlyInAnyOrder("telnet", "printers");
  }

  @Test
  void aRuleWhoseAddressObjectChangedIsProbed() {
    PolicySnapshot v1 = snapshot(List.of(WEB, PRINTERS, SSH));
    List<AddressDef> moved =
        v1.addresses().stream()
            .map(
                a ->
                    a.name().equals("web-servers")
                        ? new AddressDef("web-servers", AddressKind.PREFIX, "10.3.0.0/24", null)
                        : a)
            .toList();
    PolicySnapshot v2 =
        new PolicySnapshot(
            v1.policyName(),
            v1.rules(),
            moved,
            v1.addressGroups(),
            v1.applications(),
            v1.applicationSets());
    assertThat(probes(v1, v2))
        .contains(
            new Probe(
                new Flow("trust", "untrust", "10.1.0.1", "10.3.0.1", "tcp", 443),
                new Verdict(FirewallAction.PERMIT, "web")));
  }
}
