package io.switchboard.workers.onboarding;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.camel.junos.InterfaceStatus;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConfigurationWorkersTest {

  @Test
  void theInterfacesNotUpAreTheExpectedOnesThatAreDownOrMissing() {
    List<InterfaceStatus> interfaces =
        List.of(
            new InterfaceStatus("ge-0/0/0", "up", "up"),
            new InterfaceStatus("ge-0/0/1", "up", "down"),
            new InterfaceStatus("ge-0/0/2", "down", "down"));

    assertThat(ConfigurationWorkers.notUp(List.of("ge-0/0/1", "ge-0/0/0", "ge-0/0/9"), interfaces))
        .containsExactly("ge-0/0/1", "ge-0/0/9");
    assertThat(ConfigurationWorkers.notUp(null, interfaces)).isEmpty();
  }
}
