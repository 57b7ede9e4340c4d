package io.switchboard.console.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.api.compliance.ComplianceService;
import io.switchboard.inventory.compliance.ComplianceReport;
import io.switchboard.inventory.compliance.FeatureDrift;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeviceReportTest {
  @Test
  void aSecretInAReportNeverReachesThePage() {
    FeatureDrift system =
        new FeatureDrift(
            "system",
            false,
            List.of("set system login user eve authentication encrypted-password \"$6$abc\""),
            List.of("set snmp community s3cret authorization read-only"),
            List.of(),
            List.of());
    FeatureDrift interfaces =
        new FeatureDrift("interfaces", true, List.of(), List.of(), List.of(), List.of());
    DeviceReport page =
        DeviceReport.of(
            new ComplianceService.Report(
                new ComplianceReport("t1", "d1"), List.of(system, interfaces)),
            "SERIAL1",
            "Alpha");
    String shown = page.features().toString();
    assertThat(shown).doesNotContain("s3cret").doesNotContain("$6$abc").contains("<hidden>");
    assertThat(page.drifted()).extracting(FeatureDrift::feature).containsExactly("system");
  }
}
