package io.switchboard.devices.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

class OperationalStateTest {

  private static Element config(String setCommands) throws Exception {
    Element config = Xml.parse("<configuration/>").getDocumentElement();
    SetCommands.apply(config, setCommands);
    return config;
  }

  @Test
  void configuredPortsAreUpDisabledOnesDownUnusedOnesWithoutLink() throws Exception {
    Element config =
        config(
            "set interfaces ge-0/0/0 unit 0 family inet address 10.0.0.1/24\nset interfaces ge-0/0/1 disable");
    List<InterfaceState> states =
        OperationalState.interfaces(config, List.of("ge-0/0/0", "ge-0/0/1", "ge-0/0/2"), Set.of());
    assertThat(states)
        .extracting(s -> s.name() + "=" + s.adminStatus() + "/" + s.operStatus())
        .containsExactly("ge-0/0/0=up/up", "ge-0/0/1=down/down", "ge-0/0/2=up/down");
    assertThat(states.get(0).logicalInterfaces().get(0).addresses()).containsExactly("10.0.0.1/24");
  }

  @Test
  void greTunnelsFollowTheirUnits() throws Exception {
    Element config =
        config(
            "set interfaces gr-0/0/0 unit 1 tunnel source 10.0.0.1\n"
                + "set interfaces gr-0/0/0 unit 1 tunnel destination 198.51.100.7");
    assertThat(OperationalState.tunnels(config, Set.of()))
        .containsExactly(new TunnelState("gr-0/0/0.1", "gre", "gr-0/0/0.1", "198.51.100.7", "up"));
    assertThat(OperationalState.tunnels(config, Set.of("gr-0/0/0.1")).get(0).state())
        .isEqualTo("down");
  }

  @Test
  void ipsecTunnelWithoutGatewayIsDown() throws Exception {
    Element config =
        config(
            "set interfaces st0 unit 0 family inet\nset security ipsec vpn v1 bind-interface st0.0");
    assertThat(OperationalState.tunnels(config, Set.of()).get(0).state()).isEqualTo("down");
  }
}
