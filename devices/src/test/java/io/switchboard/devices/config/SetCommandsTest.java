package io.switchboard.devices.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

class SetCommandsTest {

  private static Element empty() throws Exception {
    return Xml.parse("<configuration/>").getDocumentElement();
  }

  @Test
  void setCommandsMapToKeyedXml() throws Exception {
    Element config = empty();
    SetCommands.apply(
        config,
        """
        set system host-name branch-1
        set system services netconf ssh
        set interfaces ge-0/0/1 description "LAN side"
        set interfaces ge-0/0/1 unit 0 family inet address 10.0.0.1/24
        set security ike gateway hub address 203.0.113.1
        """);
    assertThat(Xml.toString(config))
        .isEqualTo(
            "<configuration>"
                + "<system><host-name>branch-1</host-name><services><netconf><ssh/></netconf></services></system>"
                + "<interfaces><interface><name>ge-0/0/1</name><description>LAN side</description>"
                + "<unit><name>0</name><family><inet><address><name>10.0.0.1/24</name></address></inet></family></unit>"
                + "</interface></interfaces>"
                + "<security><ike><gateway><name>hub</name><address>203.0.113.1</address></gateway></ike></security>"
                + "</configuration>");
  }

  @Test
  void deleteRemovesTheNamedStatement() throws Exception {
    Element config = empty();
    SetCommands.apply(
        config,
        "set interfaces ge-0/0/1 disable\nset interfaces ge-0/0/2 mtu 9000\n"
            + "delete interfaces ge-0/0/1\ndelete interfaces ge-0/0/2 mtu\ndelete snmp");
    assertThat(Xml.toString(config))
        .isEqualTo(
            "<configuration><interfaces><interface><name>ge-0/0/2</name></interface></interfaces></configuration>");
  }

  @Test
  void unknownVerbIsASyntaxError() {
    assertThatThrownBy(() -> SetCommands.apply(empty(), "frob system"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("syntax error");
  }

  @Test
  void textAndSetRenderingRoundTrip() throws Exception {
    Element config = empty();
    ConfigText.apply(
        config,
        """
        /* branch */
        system {
            host-name "branch 1";
        }
        interfaces {
            ge-0/0/0 {
                unit 0 {
                    family inet {
                        address 192.0.2.1/24;
                    }
                }
            }
        }
        """);
    String text = ConfigText.render(config);
    assertThat(text)
        .contains("host-name \"branch 1\";")
        .contains("ge-0/0/0 {")
        .contains("address 192.0.2.1/24;");
    Element again = empty();
    ConfigText.apply(again, text);
    assertThat(Xml.toString(again)).isEqualTo(Xml.toString(config));
    Element fromSet = empty();
    SetCommands.apply(fromSet, SetCommands.render(config));
    assertThat(Xml.toString(fromSet)).isEqualTo(Xml.toString(config));
  }

  @Test
  void replaceTagReplacesTheStatement() throws Exception {
    Element config = empty();
    SetCommands.apply(config, "set system host-name a\nset system domain-name d");
    ConfigText.apply(config, "replace: system { host-name b; }");
    assertThat(Xml.toString(config))
        .isEqualTo("<configuration><system><host-name>b</host-name></system></configuration>");
  }

  @Test
  void unbalancedBracesAreRefused() {
    assertThatThrownBy(() -> ConfigText.apply(empty(), "system { host-name a;"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("missing '}'");
  }

  @Test
  void aFlagBesideValuesInOneContainerKeepsBoth() throws Exception {
    Element config = empty();
    String dpd =
        "set security ike gateway g dead-peer-detection probe-idle-tunnel\n"
            + "set security ike gateway g dead-peer-detection interval 10\n";
    SetCommands.apply(config, dpd);
    assertThat(SetCommands.render(config)).isEqualTo(dpd);
  }
}
