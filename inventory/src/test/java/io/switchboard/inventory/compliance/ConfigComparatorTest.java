package io.switchboard.inventory.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ConfigComparatorTest {

  private static IntendedConfig part(String name, String lines, String operationId, long key) {
    IntendedConfig part = new IntendedConfig("t1", "d1", name);
    part.written(lines, operationId, key);
    return part;
  }

  private static final IntendedConfig SITE =
      part(
          "site",
          """
          set system host-name branch-1
          set system services netconf ssh
          set interfaces ge-0/0/1 description "lan branch"
          set interfaces ge-0/0/1 unit 0 family inet address 192.168.1.1/24
          """,
          "op-site",
          11);

  private static FeatureDrift feature(ConfigDrift drift, String name) {
    return drift.features().stream()
        .filter(f -> f.feature().equals(name))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void sameStatementsInAnotherOrderAndSpellingAreInSync() {
    String running =
        """
        set interfaces ge-0/0/1 unit 0 family inet address 192.168.1.1/24
        set interfaces   ge-0/0/1 description "lan branch"
        set system services netconf ssh
        set system host-name "branch-1"
        """;

    ConfigDrift drift = ConfigComparator.compare(List.of(SITE), running);

    assertThat(drift.inSync()).isTrue();
    assertThat(drift.features())
        .extracting(FeatureDrift::feature)
        .containsExactly("system", "interfaces", "overlay", "firewall", "vnf");
  }

  @Test
  void aContainerStatementIsImpliedByOneUnderIt() {
    IntendedConfig ssh = part("site", "set system services ssh", "op", 1);

    ConfigDrift drift =
        ConfigComparator.compare(List.of(ssh), "set system services ssh root-login deny\n");

    FeatureDrift system = feature(drift, "system");
    assertThat(system.missing()).isEmpty();
    assertThat(system.extra()).containsExactly("set system services ssh root-login deny");
  }

  @Test
  void reportsMissingAndExtraPerFeatureWithThePartThatWroteThem() {
    String running =
        """
        set system host-name branch-1
        set system services netconf ssh
        set system location building 7
        set interfaces ge-0/0/1 description "lan branch"
        set interfaces ge-0/0/1 unit 0 family inet address 10.9.9.1/24
        """;

    ConfigDrift drift = ConfigComparator.compare(List.of(SITE), running);

    assertThat(drift.inSync()).isFalse();
    assertThat(drift.driftedFeatures()).containsExactly("system", "interfaces");
    FeatureDrift interfaces = feature(drift, "interfaces");
    assertThat(interfaces.missing())
        .containsExactly("set interfaces ge-0/0/1 unit 0 family inet address 192.168.1.1/24");
    assertThat(interfaces.extra())
        .containsExactly("set interfaces ge-0/0/1 unit 0 family inet address 10.9.9.1/24");
    assertThat(interfaces.lastWrittenBy()).containsExactly(new PartWriter("site", "op-site", 11L));
    FeatureDrift system = feature(drift, "system");
    assertThat(system.extra()).containsExactly("set system location building 7");
    assertThat(system.missing()).isEmpty();
    assertThat(feature(drift, "overlay").inSync()).isTrue();
  }

  @Test
  void classifiesOverlayFirewallAndVnfStatements() {
    ConfigDrift drift =
        ConfigComparator.compare(
            List.of(),
            """
            set interfaces st0 unit 1 family inet
            set security ike gateway hub-1 address 192.0.2.1
            set security zones security-zone sdwan interfaces st0.1
            set security zones security-zone trust interfaces ge-0/0/1.0
            set security policies from-zone trust to-zone untrust policy allow-web match application junos-http
            set applications application web protocol tcp
            set virtual-network-functions vsrx-1 image /var/vsrx.img
            set vmhost vlans lan vlan-id 10
            set snmp community public
            """);

    assertThat(feature(drift, "overlay").extra()).hasSize(3);
    assertThat(feature(drift, "firewall").extra()).hasSize(3);
    assertThat(feature(drift, "vnf").extra()).hasSize(2);
    assertThat(feature(drift, "system").extra()).containsExactly("set snmp community <hidden>");
  }

  @Test
  void policyOrderWithinAZonePairMattersButZonePairOrderDoesNot() {
    IntendedConfig firewall =
        part(
            "firewall",
            """
            set security policies from-zone trust to-zone untrust policy deny-p2p then deny
            set security policies from-zone trust to-zone untrust policy allow-all then permit
            set security policies from-zone untrust to-zone trust policy drop then deny
            """,
            "op-fw",
            22);
    String sameOrder =
        """
        set security policies from-zone untrust to-zone trust policy drop then deny
        set security policies from-zone trust to-zone untrust policy deny-p2p then deny
        set security policies from-zone trust to-zone untrust policy allow-all then permit
        """;
    String swapped =
        """
        set security policies from-zone trust to-zone untrust policy allow-all then permit
        set security policies from-zone trust to-zone untrust policy deny-p2p then deny
        set security policies from-zone untrust to-zone trust policy drop then deny
        """;

    assertThat(ConfigComparator.compare(List.of(firewall), sameOrder).inSync()).isTrue();
    FeatureDrift drift = feature(ConfigComparator.compare(List.of(firewall), swapped), "firewall");
    assertThat(drift.inSync()).isFalse();
    assertThat(drift.missing()).isEmpty();
    assertThat(drift.extra()).isEmpty();
    assertThat(drift.reordered())
        .containsExactly(
            "security policies from-zone trust to-zone untrust: intended order deny-p2p,"
                + " allow-all; running order allow-all, deny-p2p");
    assertThat(drift.lastWrittenBy()).containsExactly(new PartWriter("firewall", "op-fw", 22L));
  }

  @Test
  void aLaterPartsDeleteRemovesWhatAnEarlierPartSet() {
    IntendedConfig overlay =
        part(
            "overlay",
            "set security ike gateway hub-1 address 192.0.2.1\nset interfaces st0 unit 1",
            "op-1",
            1);
    IntendedConfig leave = part("overlay-leave", "delete security ike gateway hub-1", "op-2", 2);

    ConfigDrift drift =
        ConfigComparator.compare(List.of(overlay, leave), "set interfaces st0 unit 1\n");

    assertThat(drift.inSync()).isTrue();
  }

  @Test
  void missingStatementsNameTheOperationOfTheirOwnPart() {
    IntendedConfig stage1 = part("ztp-stage1", "set system ntp server 192.0.2.123", "op-ztp", 5);

    ConfigDrift drift = ConfigComparator.compare(List.of(stage1, SITE), renderedSite());

    FeatureDrift system = feature(drift, "system");
    assertThat(system.missing()).containsExactly("set system ntp server 192.0.2.123");
    assertThat(system.lastWrittenBy()).containsExactly(new PartWriter("ztp-stage1", "op-ztp", 5L));
    assertThat(drift.missing()).containsExactly("set system ntp server 192.0.2.123");
  }

  private static String renderedSite() {
    return SITE.getSetLines();
  }

  @Test
  void canonicalSpellingQuotesOnlyWhereNeeded() {
    assertThat(SetLine.parse("set  interfaces ge-0/0/1 description \"lan\"").toString())
        .isEqualTo("set interfaces ge-0/0/1 description lan");
    assertThat(SetLine.parse("set system login message \"say \\\"hi\\\" there\"").toString())
        .isEqualTo("set system login message \"say \\\"hi\\\" there\"");
    assertThat(SetLine.parse("# a comment")).isNull();
    assertThat(SetLine.parse("show configuration")).isNull();
  }

  @Test
  void revertDeletesExtraHierarchiesSetsMissingStatementsAndRestoresPolicyOrder() {
    IntendedConfig firewall =
        part(
            "firewall",
            """
            set security policies from-zone trust to-zone untrust policy a then permit
            set security policies from-zone trust to-zone untrust policy b then deny
            """,
            "op-fw",
            3);
    String running =
        """
        set system host-name branch-2
        set system services netconf ssh
        set system location building 7
        set system location floor 2
        set interfaces ge-0/0/1 description "lan branch"
        set interfaces ge-0/0/1 unit 0 family inet address 192.168.1.1/24
        set security policies from-zone trust to-zone untrust policy b then deny
        set security policies from-zone trust to-zone untrust policy a then permit
        """;

    assertThat(ConfigComparator.revertCommands(List.of(SITE, firewall), running))
        .containsExactly(
            "delete system host-name branch-2",
            "delete system location",
            "set system host-name branch-1",
            "insert security policies from-zone trust to-zone untrust policy b after policy a");
    assertThat(ConfigComparator.revertCommands(List.of(SITE), SITE.getSetLines())).isEmpty();
  }

  @Test
  void adoptedLinesMakeTheIntendedConfigurationWhatTheDeviceRuns() {
    IntendedConfig firewall =
        part(
            "firewall",
            """
            set security policies from-zone trust to-zone untrust policy a then permit
            set security policies from-zone trust to-zone untrust policy b then deny
            """,
            "op-fw",
            3);
    String running =
        """
        set system host-name branch-1
        set system location building 7
        set interfaces ge-0/0/1 description "lan branch"
        set interfaces ge-0/0/1 unit 0 family inet address 192.168.1.1/24
        set security policies from-zone trust to-zone untrust policy b then deny
        set security policies from-zone trust to-zone untrust policy a then permit
        """;

    List<String> adopted = ConfigComparator.adoptLines(List.of(SITE, firewall), running);

    assertThat(adopted)
        .contains("set system location building 7", "delete system services netconf ssh");
    IntendedConfig adoptedPart = part("adopted", String.join("\n", adopted), "op-adopt", 9);
    assertThat(ConfigComparator.compare(List.of(SITE, firewall, adoptedPart), running).inSync())
        .isTrue();
  }

  @Test
  void reportsHideSecretValuesButRepairsKeepThem() {
    String running = "set security ike gateway hub pre-shared-key ascii-text \"$9$abc\"\n";

    ConfigDrift drift = ConfigComparator.compare(List.of(), running);

    assertThat(feature(drift, "overlay").extra())
        .containsExactly("set security ike gateway hub pre-shared-key ascii-text <hidden>");
    assertThat(ConfigComparator.adoptLines(List.of(), running))
        .containsExactly("set security ike gateway hub pre-shared-key ascii-text $9$abc");
  }

  @Test
  void secretsInAnyConfigurationTextAreHidden() {
    assertThat(
            SetLine.masked(
                "+ pre-shared-key ascii-text \"$9$a b\\\"c\"; ## SECRET-DATA\n"
                    + "set snmp community public authorization read-only"))
        .isEqualTo(
            "+ pre-shared-key ascii-text <hidden>; ## SECRET-DATA\n"
                + "set snmp community <hidden> authorization read-only");
  }
}
