package io.switchboard.inventory.firewall;

import static io.switchboard.inventory.firewall.Policies.deny;
import static io.switchboard.inventory.firewall.Policies.permit;
import static io.switchboard.inventory.firewall.Policies.snapshot;
import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.inventory.firewall.analysis.Finding;
import io.switchboard.inventory.firewall.analysis.Flow;
import io.switchboard.inventory.firewall.analysis.PolicyAnalysis;
import io.switchboard.inventory.firewall.analysis.VerdictChange;
import io.switchboard.inventory.firewall.model.FirewallAction;
import io.switchboard.inventory.firewall.model.PolicySnapshot;
import java.util.List;
import org.junit.jupiter.api.Test;

class PolicyAnalysisTest {
  @Test
  void aRuleBehindAWiderRuleWithAnotherActionIsShadowed() {
    PolicySnapshot s =
        snapshot(
            List.of(
                deny("block-lan", "lan", "any", "any"),
                permit("allow-printers", "printers", "any", "junos-https")));
    List<Finding> findings = PolicyAnalysis.findings(s);
    assertThat(findings)
        .containsExactly(
            new Finding(
                Finding.Kind.SHADOWED,
                "allow-printers",
                "block-lan",
                "never matched: 'block-lan' comes first and denys all its sessions"));
  }

  @Test
  void aRuleInsideAnEarlierOrLaterRuleWithTheSameActionIsRedundant() {
    PolicySnapshot later =
        snapshot(
            List.of(
                permit("web-any", "any", "any", "web"),
                permit("https-lan", "lan", "any", "junos-https")));
    assertThat(PolicyAnalysis.findings(later))
        .extracting(Finding::kind, Finding::rule, Finding::by)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(Finding.Kind.REDUNDANT, "https-lan", "web-any"));

    PolicySnapshot earlier =
        snapshot(
            List.of(
                permit("https-lan", "lan", "any", "junos-https"),
                permit("web-any", "any", "any", "web")));
    assertThat(PolicyAnalysis.findings(earlier))
        .extracting(Finding::kind, Finding::rule, Finding::by)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(Finding.Kind.REDUNDANT, "https-lan", "web-any"));
  }

  @Test
  void ofTwoIdenticalRulesOnlyTheLaterIsRedundant() {
    PolicySnapshot s =
        snapshot(
            List.of(
                permit("a", "lan", "any", "junos-https"),
                permit("b", "lan", "any", "junos-https")));
    assertThat(PolicyAnalysis.findings(s))
        .extracting(Finding::rule, Finding::by)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("b", "a"));
  }

  @Test
  void aSmallerRuleBeforeAWiderOneIsKeptWhenARuleBetweenDecidesOtherwise() {
    PolicySnapshot s =
        snapshot(
            List.of(
                permit("https-lan", "lan", "any", "junos-https"),
                deny("block-printers", "printers", "any", "any"),
                permit("web-any", "any", "any", "web")));
    assertThat(PolicyAnalysis.findings(s)).isEmpty();
  }

  @Test
  void partlyOverlappingRulesAreNeitherShadowedNorRedundant() {
    PolicySnapshot s =
        snapshot(
            List.of(
                deny("block-printers", "printers", "any", "junos-https"),
                permit("lan-web", "lan", "any", "web")));
    assertThat(PolicyAnalysis.findings(s)).isEmpty();
  }

  @Test
  void verdictsFollowRuleOrderAndDefaultToDeny() {
    PolicySnapshot s =
        snapshot(
            List.of(
                deny("block-printers", "printers", "any", "any"),
                permit("lan-web", "lan", "any", "web")));
    assertThat(
            PolicyAnalysis.verdict(
                s, new Flow("trust", "untrust", "10.1.9.15", "8.8.8.8", "tcp", 443)))
        .isEqualTo(new PolicyAnalysis.Verdict(FirewallAction.DENY, "block-printers"));
    assertThat(
            PolicyAnalysis.verdict(
                s, new Flow("trust", "untrust", "10.1.3.3", "8.8.8.8", "tcp", 8081)))
        .isEqualTo(new PolicyAnalysis.Verdict(FirewallAction.PERMIT, "lan-web"));
    assertThat(
            PolicyAnalysis.verdict(
                s, new Flow("trust", "untrust", "10.1.3.3", "8.8.8.8", "udp", 53)))
        .isEqualTo(new PolicyAnalysis.Verdict(FirewallAction.DENY, null));
  }

  @Test
  void movingADenyBelowAPermitChangesTheVerdictOfItsSessions() {
    PolicySnapshot before =
        snapshot(
            List.of(
                deny("block-printers", "printers", "any", "any"),
                permit("lan-web", "lan", "any", "web")));
    PolicySnapshot after =
        snapshot(
            List.of(
                permit("lan-web", "lan", "any", "web"),
                deny("block-printers", "printers", "any", "any")));
    List<VerdictChange> changes = PolicyAnalysis.verdictChanges(before, after);
    assertThat(changes)
        .containsExactly(
            new VerdictChange(
                new Flow("trust", "untrust", "10.1.9.11", "198.51.100.10", "tcp", 443),
                "DENY",
                "block-printers",
                "PERMIT",
                "lan-web"));
    assertThat(PolicyAnalysis.verdictChanges(before, before)).isEmpty();
  }

  @Test
  void againstNothingDeployedEveryPermitIsAChange() {
    PolicySnapshot after = snapshot(List.of(permit("dns", "lan", "any", "junos-dns-udp")));
    assertThat(PolicyAnalysis.verdictChanges(null, after))
        .extracting(VerdictChange::after, VerdictChange::before)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("PERMIT", "DENY"));
  }

  @Test
  void eachRuleIsProbedWithAFlowAndTheVerdictOfTheWholeVersion() {
    PolicySnapshot s =
        snapshot(
            List.of(
                deny("block-lan", "lan", "any", "any"),
                permit("allow-printers", "printers", "any", "junos-https"),
                permit("allow-web", "any", "any", "junos-https"),
                // a DNS name cannot be asked about: no probe
                permit("to-updates", "lan", "updates", "any")));

    List<PolicyAnalysis.Probe> probes = PolicyAnalysis.probes(s);

    assertThat(probes)
        .extracting(p -> p.expected().rule(), p -> p.expected().action())
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("block-lan", FirewallAction.DENY),
            // the shadowed rule's own flow is decided by the rule that shadows it
            org.assertj.core.groups.Tuple.tuple("block-lan", FirewallAction.DENY),
            org.assertj.core.groups.Tuple.tuple("allow-web", FirewallAction.PERMIT));
    assertThat(probes.get(2).flow())
        .isEqualTo(new Flow("trust", "untrust", "203.0.113.10", "198.51.100.10", "tcp", 443));
  }
}
