package io.switchboard.workers.firewall;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.camel.junos.ZonePairPolicies;
import io.switchboard.inventory.firewall.model.FirewallAction;
import io.switchboard.inventory.firewall.model.PolicySnapshot;
import io.switchboard.inventory.firewall.model.RuleDef;
import java.util.List;
import org.junit.jupiter.api.Test;

class RuleOrderCheckTest {
  private static RuleDef rule(String name, boolean enabled) {
    return new RuleDef(
        name,
        List.of("trust"),
        List.of("untrust", "dmz"),
        List.of(),
        List.of(),
        List.of(),
        FirewallAction.PERMIT,
        false,
        false,
        false,
        enabled);
  }

  private static final PolicySnapshot VERSION =
      new PolicySnapshot(
          "office",
          List.of(rule("a", true), rule("off", false), rule("b", true)),
          List.of(),
          List.of(),
          List.of(),
          List.of());

  @Test
  void theVersionsRulesInOrderPassAndOtherPoliciesAreNotJudged() {
    assertThat(
            RuleOrderCheck.problem(
                VERSION,
                List.of(
                    new ZonePairPolicies("trust", "untrust", List.of("local", "a", "b")),
                    new ZonePairPolicies("trust", "dmz", List.of("a", "other", "b")))))
        .isEmpty();
  }

  @Test
  void aRuleOutOfOrderOrMissingInAnyZonePairIsNamed() {
    assertThat(
            RuleOrderCheck.problem(
                VERSION,
                List.of(
                    new ZonePairPolicies("trust", "untrust", List.of("a", "b")),
                    new ZonePairPolicies("trust", "dmz", List.of("b", "a")))))
        .hasValue(
            "policies of trust -> dmz are in the order b, a on the device; the version has a, b");
    assertThat(
            RuleOrderCheck.problem(
                VERSION, List.of(new ZonePairPolicies("trust", "untrust", List.of("a", "b")))))
        .hasValue("policies a, b missing from trust -> dmz in the committed configuration");
  }
}
