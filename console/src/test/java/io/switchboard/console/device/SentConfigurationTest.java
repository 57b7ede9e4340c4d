package io.switchboard.console.device;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.inventory.compliance.IntendedConfig;
import org.junit.jupiter.api.Test;

class SentConfigurationTest {
  @Test
  void whatWasSentIsShownLineByLineWithSecretValuesHidden() {
    IntendedConfig part = new IntendedConfig("tenant", "device", "site");
    part.written(
        String.join(
            "\n",
            "set interfaces ge-0/0/1 unit 0 family inet address 10.1.0.1/24",
            "set security ike policy p pre-shared-key ascii-text \"$9$abcDEF\"",
            "set system root-authentication encrypted-password \"$6$salt$hash\""),
        "op-1",
        42L);
    DevicePages.Sent sent = DevicePages.Sent.of(part);
    assertThat(sent.part()).isEqualTo("site");
    assertThat(sent.lines()).isEqualTo(3);
    assertThat(sent.setLines())
        .contains("family inet address 10.1.0.1/24")
        .contains("pre-shared-key ascii-text (hidden)")
        .contains("encrypted-password (hidden)")
        .doesNotContain("$9$abcDEF")
        .doesNotContain("$6$salt$hash");
  }
}
