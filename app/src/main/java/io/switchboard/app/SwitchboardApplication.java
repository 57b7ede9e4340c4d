package io.switchboard.app;

import io.switchboard.api.ApiConfiguration;
import io.switchboard.console.ConsoleConfiguration;
import io.switchboard.workers.WorkersConfiguration;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;

/** Switchboard: the orchestrator, its embedded engine and the Camunda client in one process. */
@SpringBootApplication
@Import({ApiConfiguration.class, ConsoleConfiguration.class, WorkersConfiguration.class})
public class SwitchboardApplication {
  public static void main(String[] args) {
    SpringApplication.run(SwitchboardApplication.class, args);
  }
}
