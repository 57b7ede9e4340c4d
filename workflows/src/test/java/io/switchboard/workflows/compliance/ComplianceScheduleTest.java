package io.switchboard.workflows.compliance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ComplianceScheduleTest {

  private static byte[] bpmn() throws Exception {
    try (InputStream in =
        ComplianceScheduleTest.class
            .getClassLoader()
            .getResourceAsStream(ConfigCompliance.RESOURCE)) {
      return in.readAllBytes();
    }
  }

  @Test
  void theConfiguredIntervalBecomesTheTimerCycle() throws Exception {
    String original = new String(bpmn(), StandardCharsets.UTF_8);
    assertThat(original).contains(">R/" + ConfigCompliance.DEFAULT_INTERVAL + "<");

    String scheduled =
        new String(
            ComplianceSchedule.apply("config-compliance.bpmn", bpmn(), "PT5M"),
            StandardCharsets.UTF_8);

    assertThat(scheduled).contains(">R/PT5M<").doesNotContain(">R/PT15M<");
    assertThat(scheduled.length()).isEqualTo(original.length() - 1);
  }

  @Test
  void otherProcessesAreLeftAlone() {
    byte[] other = "<definitions/>".getBytes(StandardCharsets.UTF_8);
    assertThat(ComplianceSchedule.apply("fleet-upgrade.bpmn", other, "PT5M")).isSameAs(other);
  }

  @Test
  void anIntervalThatIsNoPositiveDurationIsRefusedNamingTheProperty() {
    assertThatThrownBy(() -> ComplianceSchedule.validated("15 minutes"))
        .hasMessageContaining("switchboard.compliance.interval");
    assertThatThrownBy(() -> ComplianceSchedule.validated("PT0S"))
        .hasMessageContaining("must be positive");
    assertThat(ComplianceSchedule.validated("PT1H")).isEqualTo("PT1H");
  }
}
