package io.switchboard.inventory.firewall;

import static io.switchboard.inventory.firewall.Policies.ZONES;
import static io.switchboard.inventory.firewall.Policies.deny;
import static io.switchboard.inventory.firewall.Policies.permit;
import static io.switchboard.inventory.firewall.Policies.snapshot;
import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.inventory.firewall.analysis.Flow;
import io.switchboard.inventory.firewall.analysis.PolicyAnalysis;
import io.switchboard.inventory.firewall.analysis.PolicyAnalysis.Probe;
import io.switchboard.inventory.firewall.analysis.PolicyAnalysis.Verdict;
import io.switchboard.inventory.firewall.model.FirewallAction;
import io.switchboard.inventory.firewall.model.OtherPolicies;
import io.switchboard.inventory.firewall.model.PolicySnapshot;
import io.switchboard.inventory.firewall.model.RuleDef;
import io.switchboard.inventory.firewall.render.JunosFirewallRenderer;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A policy changed on a device that runs other Switchboard policies in the same zone pair. */
class OtherPoliciesRenderingTest {
  static final String PAIR = "security policies from-zone trust to-zone untrust policy ";
  static final RuleDef BASE_WEB = permit("base-web", "lan", "any", "junos-https");
  static final RuleDef BASE_SSH = permit("base-ssh", "lan", "web-servers", "junos-ssh");
  static final PolicySnapshot BASELINE = snapshot(List.of(BASE_WEB, BASE_SSH));

  static final RuleDef BLOCK = deny("block-printers", "printers", "any", "any");
  static final RuleDef BLOCK_DNS = deny("block-dns", "lan", "any", "junos-dns-udp");

  @Test
  void aFirstDeploymentBeforeAFollowingPolicyIsInsertedAboveItsFirstRule() {
    List<String> change =
        JunosFirewallRenderer.incremental(
            null,
            snapshot(List.of(BLOCK, BLOCK_DNS)),
            ZONES,
            new OtherPolicies(List.of(), List.of(BASELINE)));
    assertThat(change.stream().filter(c -> c.startsWith("insert")))
        .containsExactly(
            "insert " + PAIR + "block-printers before policy base-web",
            "insert " + PAIR + "block-dns after policy block-printers");
  }

  @Test
  void aRuleAppendedToAPolicyBeforeAnotherGoesAfterItsPredecessorNotToTheEnd() {
    PolicySnapshot v1 = snapshot(List.of(BLOCK));
    List<String> change =
        JunosFirewallRenderer.incremental(
            v1,
            snapshot(List.of(BLOCK, BLOCK_DNS)),
            ZONES,
            new OtherPolicies(List.of(), List.of(BASELINE)));
    assertThat(change.stream().filter(c -> c.startsWith("insert")))
        .containsExactly("insert " + PAIR + "block-dns after policy block-printers");
  }

  @Test
  void aPolicyAfterTheOthersIsAppendedAsBefore() {
    List<String> change =
        JunosFirewallRenderer.incremental(
            null,
            snapshot(List.of(BLOCK, BLOCK_DNS)),
            ZONES,
            new OtherPolicies(List.of(BASELINE), List.of()));
    assertThat(change).noneMatch(c -> c.startsWith("insert"));
  }

  @Test
  void aPriorityRaisedBeyondAnotherPolicyMovesTheRulesAfterItsAndTouchesNothingElse() {
    PolicySnapshot v1 = snapshot(List.of(BLOCK, BLOCK_DNS));
    // Until now before BASELINE in the pair (0 preceding), now after it.
    OtherPolicies others = new OtherPolicies(List.of(BASELINE), List.of(), 0);
    assertThat(JunosFirewallRenderer.incremental(v1, v1, ZONES, others))
        .containsExactly(
            "insert " + PAIR + "block-printers after policy base-ssh",
            "insert " + PAIR + "block-dns after policy block-printers");
    assertThat(JunosFirewallRenderer.repositioned(v1, v1, others))
        .containsExactly("block-printers", "block-dns");
  }

  @Test
  void aPriorityLoweredBelowAnotherPolicyMovesTheRulesAboveItsFirstRule() {
    PolicySnapshot v1 = snapshot(List.of(BLOCK, BLOCK_DNS));
    PolicySnapshot v2 = snapshot(List.of(BLOCK_DNS, BLOCK));
    // Until now after BASELINE (1 preceding), now before it; and v2 swaps the two rules.
    OtherPolicies others = new OtherPolicies(List.of(), List.of(BASELINE), 1);
    assertThat(JunosFirewallRenderer.incremental(v1, v2, ZONES, others))
        .containsExactly(
            "insert " + PAIR + "block-dns before policy base-web",
            "insert " + PAIR + "block-printers after policy block-dns");
  }

  @Test
  void anUnchangedPriorityMovesNothing() {
    PolicySnapshot v1 = snapshot(List.of(BLOCK, BLOCK_DNS));
    assertThat(
            JunosFirewallRenderer.incremental(
                v1, v1, ZONES, new OtherPolicies(List.of(), List.of(BASELINE))))
        .isEmpty();
    assertThat(
            JunosFirewallRenderer.incremental(
                v1, v1, ZONES, new OtherPolicies(List.of(BASELINE), List.of())))
        .isEmpty();
  }

  @Test
  void anObjectAnotherPolicyStillNamesIsNotDeleted() {
    PolicySnapshot v1 = snapshot(List.of(BLOCK, permit("lan-web", "lan", "any", "junos-http")));
    PolicySnapshot v2 = snapshot(List.of(BLOCK));
    assertThat(JunosFirewallRenderer.incremental(v1, v2, ZONES))
        .contains("delete security address-book global address lan");
    assertThat(
            JunosFirewallRenderer.incremental(
                v1, v2, ZONES, new OtherPolicies(List.of(), List.of(BASELINE))))
        .doesNotContain("delete security address-book global address lan")
        .contains("delete " + PAIR + "lan-web");
  }

  @Test
  void probesExpectWhatAPrecedingPolicyDecidesFirst() {
    PolicySnapshot blockAllSsh = snapshot(List.of(deny("no-ssh", "any", "any", "junos-ssh")));
    OtherPolicies others = new OtherPolicies(List.of(blockAllSsh), List.of());
    PolicySnapshot v1 = snapshot(List.of(BASE_SSH));
    List<Probe> probes =
        PolicyAnalysis.probes(
            null, v1, JunosFirewallRenderer.repositioned(null, v1, others), others);
    assertThat(probes)
        .containsExactly(
            new Probe(
                new Flow("trust", "untrust", "10.1.0.1", "10.2.0.1", "tcp", 22),
                new Verdict(FirewallAction.DENY, "no-ssh")));
  }

  @Test
  void aFlowOfAnotherPolicyWhoseVerdictTheChangeAltersIsProbedToo() {
    PolicySnapshot v1 = snapshot(List.of(deny("block-lan-ssh", "lan", "any", "junos-ssh")));
    OtherPolicies others = new OtherPolicies(List.of(), List.of(BASELINE));
    List<Probe> probes =
        PolicyAnalysis.probes(
            null, v1, JunosFirewallRenderer.repositioned(null, v1, others), others);
    // base-ssh's sessions (lan to web-servers, ssh) are now denied by the new rule above them;
    // base-web's keep their verdict and are not asked about.
    assertThat(probes)
        .containsExactly(
            new Probe(
                new Flow("trust", "untrust", "10.1.0.1", "198.51.100.10", "tcp", 22),
                new Verdict(FirewallAction.DENY, "block-lan-ssh")),
            new Probe(
                new Flow("trust", "untrust", "10.1.0.1", "10.2.0.1", "tcp", 22),
                new Verdict(FirewallAction.DENY, "block-lan-ssh")));
  }

  @Test
  void aPriorityMoveProbesTheOtherPolicysFlowsItNowDecides() {
    PolicySnapshot v1 = snapshot(List.of(deny("block-lan-ssh", "lan", "any", "junos-ssh")));
    // Until now after BASELINE, now before it.
    OtherPolicies others = new OtherPolicies(List.of(), List.of(BASELINE), 1);
    assertThat(
            PolicyAnalysis.probes(
                v1, v1, JunosFirewallRenderer.repositioned(v1, v1, others), others))
        .extracting(p -> p.flow().destination(), p -> p.expected().rule())
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("198.51.100.10", "block-lan-ssh"),
            org.assertj.core.groups.Tuple.tuple("10.2.0.1", "block-lan-ssh"));
  }
}
