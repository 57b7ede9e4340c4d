package io.switchboard.inventory.firewall;

import static io.switchboard.inventory.firewall.Policies.ZONES;
import static io.switchboard.inventory.firewall.Policies.deny;
import static io.switchboard.inventory.firewall.Policies.permit;
import static io.switchboard.inventory.firewall.Policies.snapshot;
import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.inventory.firewall.model.FirewallAction;
import io.switchboard.inventory.firewall.model.OtherPolicies;
import io.switchboard.inventory.firewall.model.PolicySnapshot;
import io.switchboard.inventory.firewall.model.RuleDef;
import io.switchboard.inventory.firewall.model.ZoneDef;
import io.switchboard.inventory.firewall.render.JunosFirewallRenderer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Rendered commands compared with the checked-in files under {@code src/test/resources/firewall}.
 */
class JunosFirewallRendererTest {
  static final RuleDef WEB =
      new RuleDef(
          "allow-web",
          List.of("trust"),
          List.of("untrust"),
          List.of("office"),
          List.of("any"),
          List.of("web"),
          FirewallAction.PERMIT,
          true,
          true,
          true,
          true);
  static final RuleDef DNS = permit("allow-dns", "lan", "any", "junos-dns-udp");
  static final RuleDef UPDATES = permit("allow-updates", "lan", "updates", "junos-https");
  static final RuleDef BLOCK = deny("block-printers-out", "printers", "any", "any");
  static final RuleDef SSH = permit("allow-ssh", "lan", "web-servers", "junos-ssh");

  static final PolicySnapshot V1 = snapshot(List.of(BLOCK, WEB, DNS, UPDATES));

  @Test
  void zoneInterfacesGainedAndLostSinceTheLastDeploymentAreSetAndDeletedAndNothingElse() {
    List<ZoneDef> before =
        List.of(
            new ZoneDef("trust", List.of("irb.10")), new ZoneDef("untrust", List.of("ge-0/0/0.0")));
    List<ZoneDef> now =
        List.of(
            new ZoneDef("trust", List.of("irb.10", "irb.20")),
            new ZoneDef("untrust", List.of("ge-0/0/3.0")));
    assertThat(JunosFirewallRenderer.incremental(V1, V1, before, now, OtherPolicies.NONE))
        .containsExactly(
            "set security zones security-zone trust interfaces irb.20",
            "set security zones security-zone untrust interfaces ge-0/0/3.0",
            "delete security zones security-zone untrust interfaces ge-0/0/0.0");
    assertThat(JunosFirewallRenderer.incremental(V1, V1, now, now, OtherPolicies.NONE)).isEmpty();
  }

  @Test
  void firstDeploymentSetsObjectsZonesAndRulesInOrder() throws IOException {
    assertThat(text(JunosFirewallRenderer.full(V1, ZONES)))
        .isEqualTo(expected("first-deployment.set"));
  }

  @Test
  void aRuleAddedInTheMiddleIsSetAndInsertedAfterItsPredecessor() throws IOException {
    PolicySnapshot v2 = snapshot(List.of(BLOCK, WEB, SSH, DNS, UPDATES));
    assertThat(text(JunosFirewallRenderer.incremental(V1, v2, ZONES)))
        .isEqualTo(expected("rule-added-in-the-middle.set"));
  }

  @Test
  void aRuleMovedToTheTopIsOneInsertNotARecreate() throws IOException {
    PolicySnapshot v2 = snapshot(List.of(UPDATES, BLOCK, WEB, DNS));
    List<String> change = JunosFirewallRenderer.incremental(V1, v2, ZONES);
    assertThat(text(change)).isEqualTo(expected("rule-moved-to-top.set"));
    assertThat(change).noneMatch(l -> l.startsWith("delete"));
  }

  @Test
  void aRemovedRuleIsDeletedAndNothingElseTouched() throws IOException {
    PolicySnapshot v2 = snapshot(List.of(BLOCK, WEB, DNS, UPDATES));
    List<RuleDef> rules = new ArrayList<>(v2.rules());
    rules.remove(DNS);
    assertThat(text(JunosFirewallRenderer.incremental(V1, snapshot(rules), ZONES)))
        .isEqualTo(expected("rule-removed.set"));
  }

  @Test
  void anObjectNoLongerUsedIsRemovedAfterTheRulesThatUsedIt() throws IOException {
    PolicySnapshot v2 = snapshot(List.of(BLOCK, WEB, DNS));
    assertThat(text(JunosFirewallRenderer.incremental(V1, v2, ZONES)))
        .isEqualTo(expected("object-no-longer-used.set"));
  }

  @Test
  void theSameVersionAgainChangesNothingAndAChangedActionChangesOneLeaf() {
    assertThat(JunosFirewallRenderer.incremental(V1, V1, ZONES)).isEmpty();
    RuleDef denied = deny("allow-dns", "lan", "any", "junos-dns-udp");
    PolicySnapshot v2 = snapshot(List.of(BLOCK, WEB, denied, UPDATES));
    assertThat(JunosFirewallRenderer.incremental(V1, v2, ZONES))
        .containsExactly(
            "delete security policies from-zone trust to-zone untrust policy allow-dns then permit",
            "set security policies from-zone trust to-zone untrust policy allow-dns then deny");
  }

  @Test
  void aReversedOrderNeedsOneInsertPerPolicyButTheFirstStaying() {
    PolicySnapshot v2 = snapshot(List.of(UPDATES, DNS, WEB, BLOCK));
    List<String> change = JunosFirewallRenderer.incremental(V1, v2, ZONES);
    assertThat(change).hasSize(3).allMatch(l -> l.startsWith("insert "));
  }

  static String text(List<String> lines) {
    return String.join("\n", lines) + "\n";
  }

  static String expected(String name) throws IOException {
    try (InputStream in =
        JunosFirewallRendererTest.class.getResourceAsStream("/firewall/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
