package io.switchboard.devices.firewall;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.devices.config.Xml;
import io.switchboard.devices.fleet.SimulatedDevice;
import io.switchboard.devices.fleet.SimulatedFleet;
import io.switchboard.devices.netconf.NetconfTestClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/** show | compare and match-policies over NETCONF, and a refused commit naming the address. */
class FirewallRpcsIT {
  private static SimulatedFleet fleet;

  @BeforeAll
  static void start() throws Exception {
    fleet = SimulatedFleet.builder().devices(1).start();
  }

  @AfterAll
  static void stop() {
    fleet.close();
  }

  static String load(String commands) {
    return "<load-configuration action=\"set\" format=\"text\"><configuration-set>"
        + commands
        + "</configuration-set></load-configuration>";
  }

  @Test
  void aLoadedPolicyIsComparedCommittedAndLookedUp() throws Exception {
    SimulatedDevice device = fleet.device(0);
    try (NetconfTestClient nc = NetconfTestClient.connect(device)) {
      assertThat(NetconfTestClient.isOk(nc.rpc("<lock-configuration/>"))).isTrue();
      nc.rpc(load(SecurityPoliciesTest.BASE));
      Element compare =
          nc.rpc("<get-configuration compare=\"rollback\" rollback=\"0\" format=\"text\"/>");
      String text = Xml.childText(compare, "configuration-output");
      assertThat(text)
          .startsWith("[edit]\n+    security {\n")
          .contains("+                    policy block-printers {");

      nc.rpc(load(SecurityPoliciesTest.P + "allow-web match destination-address web-servers"));
      Element refused = nc.rpc("<commit-configuration><check/></commit-configuration>");
      assertThat(NetconfTestClient.errorMessages(refused))
          .anyMatch(m -> m.contains("undefined address 'web-servers'"));
      nc.rpc("<discard-changes/>");
      nc.rpc(load(SecurityPoliciesTest.BASE));
      nc.rpc("<commit-configuration/>");
      nc.rpc("<unlock-configuration/>");

      Element match =
          nc.rpc(
              "<get-match-policies><from-zone>trust</from-zone><to-zone>untrust</to-zone>"
                  + "<source-ip>10.1.3.3</source-ip><destination-ip>8.8.8.8</destination-ip>"
                  + "<destination-port>443</destination-port><protocol>tcp</protocol></get-match-policies>");
      Element policy =
          Xml.path(
              match, "security-policies", "security-context", "policies", "policy-information");
      assertThat(Xml.childText(policy, "policy-name")).isEqualTo("allow-web");
      assertThat(Xml.childText(Xml.child(policy, "policy-action"), "action-type"))
          .isEqualTo("permit");
    }
  }
}
