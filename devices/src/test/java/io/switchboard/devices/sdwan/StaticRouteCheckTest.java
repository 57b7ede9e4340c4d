package io.switchboard.devices.sdwan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.switchboard.devices.config.ConfigException;
import io.switchboard.devices.config.ConfigValidator;
import io.switchboard.devices.config.SetCommands;
import io.switchboard.devices.config.Xml;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/** A static route left without a next hop is refused at commit, as Junos refuses it. */
class StaticRouteCheckTest {
  private static Element configured(String commands) throws Exception {
    Element config = Xml.parse("<configuration/>").getDocumentElement();
    SetCommands.apply(config, commands);
    return config;
  }

  @Test
  void aRouteWhoseLastNextHopWasDeletedIsRefused() throws Exception {
    Element config =
        configured(
            "set routing-options static route 192.168.12.0/24 next-hop st0.1\n"
                + "delete routing-options static route 192.168.12.0/24 next-hop st0.1");

    assertThatThrownBy(() -> ConfigValidator.validate(config))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("Missing mandatory statement: 'next-hop'");
  }

  @Test
  void anEmptyRouteInARoutingInstanceIsRefusedNamingTheInstance() throws Exception {
    Element config =
        configured(
            "set routing-instances sdwan-internet routing-options static route 10.1.0.0/24"
                + " next-hop st0.1\n"
                + "delete routing-instances sdwan-internet routing-options static route"
                + " 10.1.0.0/24 next-hop st0.1");

    assertThatThrownBy(() -> ConfigValidator.validate(config))
        .isInstanceOfSatisfying(
            ConfigException.class,
            e -> assertThat(e.toString() + e.getMessage()).contains("Missing mandatory statement"));
  }

  @Test
  void deletingOneOfTwoNextHopsKeepsTheOtherAndCommits() throws Exception {
    Element config =
        configured(
            "set routing-options static route 192.168.12.0/24 next-hop st0.1\n"
                + "set routing-options static route 192.168.12.0/24 next-hop st0.2\n"
                + "set routing-options static route 0.0.0.0/0 discard\n"
                + "delete routing-options static route 192.168.12.0/24 next-hop st0.1");

    assertThatCode(() -> ConfigValidator.validate(config)).doesNotThrowAnyException();
    assertThat(SetCommands.render(config))
        .contains("set routing-options static route 192.168.12.0/24 next-hop st0.2")
        .doesNotContain("next-hop st0.1");
  }
}
