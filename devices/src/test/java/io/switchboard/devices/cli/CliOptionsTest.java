package io.switchboard.devices.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.switchboard.devices.fault.Fault;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class CliOptionsTest {

  @Test
  void optionsParseWithSpaceOrEquals() {
    CliOptions options =
        CliOptions.parse(
            List.of(
                "--count",
                "100",
                "--base-port=31000",
                "--orchestrator",
                "http://localhost:8080",
                "--fault-profile",
                "flaky",
                "--serial-prefix",
                "CPE",
                "--insecure",
                "--reboot-delay",
                "0.5",
                "--state-dir",
                "/var/lib/sim"));
    assertThat(options.count()).isEqualTo(100);
    assertThat(options.basePort()).isEqualTo(31000);
    assertThat(options.orchestrator()).isEqualTo("http://localhost:8080");
    assertThat(options.faults().probabilities()).containsKey(Fault.DROP_SESSION);
    assertThat(options.serialPrefix()).isEqualTo("CPE");
    assertThat(options.insecure()).isTrue();
    assertThat(options.rebootDelay()).isEqualTo(Duration.ofMillis(500));
    assertThat(options.stateDir()).isEqualTo(Path.of("/var/lib/sim"));
    assertThat(CliOptions.parse(List.of()).stateDir()).isNull();
  }

  @Test
  void impairmentsNameSerialPortAndValues() throws Exception {
    CliOptions options =
        CliOptions.parse(
            List.of(
                "--count",
                "2",
                "--base-port",
                "0",
                "--impair",
                "SIM00001:ge-0/0/0:loss=5,latency=80;SIM00002:ge-0/0/1:jitter=3"));
    assertThat(options.impairments())
        .containsExactly(
            new io.switchboard.devices.sdwan.LinkImpairments.Entry(
                "SIM00001", "ge-0/0/0", new io.switchboard.devices.sdwan.Impairment(5, 80, 0)),
            new io.switchboard.devices.sdwan.LinkImpairments.Entry(
                "SIM00002", "ge-0/0/1", new io.switchboard.devices.sdwan.Impairment(0, 0, 3)));
    try (var fleet = SimulatorMain.fleet(options)) {
      assertThat(fleet.sdwan().impairment("SIM00001", "ge-0/0/0").latencyMs()).isEqualTo(80);
    }
    assertThatThrownBy(() -> CliOptions.parse(List.of("--impair", "SIM00001:loss=5")))
        .hasMessageContaining("SERIAL:PORT");
  }

  @Test
  void mistakesAreNamed() {
    assertThatThrownBy(() -> CliOptions.parse(List.of("--cuont", "1")))
        .hasMessage("unknown option --cuont");
    assertThatThrownBy(() -> CliOptions.parse(List.of("--count", "x")))
        .hasMessage("--count is not a number: x");
    assertThatThrownBy(() -> CliOptions.parse(List.of("--count")))
        .hasMessage("--count needs a value");
  }
}
