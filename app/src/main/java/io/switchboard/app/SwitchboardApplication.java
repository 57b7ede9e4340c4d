package io.switchboard.app;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Switchboard: the orchestrator, its embedded engine and the Camunda client in one process. */
@SpringBootApplication
public class SwitchboardApplication {
  public static void main(String[] args) {
    SpringApplication.run(SwitchboardApplication.class, args);
  }
}
