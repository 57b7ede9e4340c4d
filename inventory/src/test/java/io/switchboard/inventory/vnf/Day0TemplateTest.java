package io.switchboard.inventory.vnf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class Day0TemplateTest {
  static final String TEMPLATE =
      "set system host-name {{vnf_name}}\n"
          + "set interfaces ge-0/0/1 unit 0 family inet address {{ wan_address }}/{{wan_prefix_length}}\n"
          + "set routing-options static route 0.0.0.0/0 next-hop {{wan_gateway}}\n";

  @Test
  void everyPlaceholderIsReplacedByTheInstancesValue() {
    String rendered =
        Day0Template.render(
            TEMPLATE,
            Map.of(
                "vnf_name", "vsrx-1",
                "wan_address", "169.254.62.134",
                "wan_prefix_length", "30",
                "wan_gateway", "169.254.62.133"));

    assertThat(rendered)
        .isEqualTo(
            "set system host-name vsrx-1\n"
                + "set interfaces ge-0/0/1 unit 0 family inet address 169.254.62.134/30\n"
                + "set routing-options static route 0.0.0.0/0 next-hop 169.254.62.133\n");
  }

  @Test
  void unknownPlaceholdersAreNamedOnceEachAndKnownOnesPass() {
    assertThat(Day0Template.unknownPlaceholders(TEMPLATE)).isEmpty();
    assertThat(
            Day0Template.unknownPlaceholders(
                "{{root_password}} {{lan_prefix}} {{ root_password }} {{Wan_Address}}"))
        .containsExactly("root_password", "Wan_Address");
  }

  @Test
  void aPlaceholderWithoutAValueHereIsRefusedByName() {
    assertThatThrownBy(
            () -> Day0Template.render("route {{lan_prefix}}", Map.of("vnf_name", "vsrx-1")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("{{lan_prefix}}");
  }
}
