package io.switchboard.app.observability;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.api.observability.ProcessReadiness;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Status;

class ProcessesHealthIndicatorTest {
  private final ProcessReadiness readiness = new ProcessReadiness();
  private final ProcessesHealthIndicator health = new ProcessesHealthIndicator(readiness);

  @Test
  void outOfServiceUntilTheProcessesAreDeployedAndWhenTheirDeploymentFailed() {
    readiness.expectDeployment();
    assertThat(health.health().getStatus()).isEqualTo(Status.OUT_OF_SERVICE);

    readiness.deployed("9 processes deployed");
    assertThat(health.health().getStatus()).isEqualTo(Status.UP);

    readiness.failed("deployment failed 10 times");
    assertThat(health.health().getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
    assertThat(health.health().getDetails()).containsEntry("detail", "deployment failed 10 times");
  }

  @Test
  void withoutADeployerTheProcessesCountAsDeployed() {
    assertThat(health.health().getStatus()).isEqualTo(Status.UP);
  }
}
