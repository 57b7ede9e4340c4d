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
}
