package io.switchboard.app.hello;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import org.springframework.stereotype.Component;

/** The two job workers of {@code hello-switchboard}; each answers one variable. */
@Component
public class HelloWorkers {

  @JobWorker(type = HelloProcess.JOB_GREET)
  public Greeting greet(@Variable(name = HelloProcess.VAR_NAME) String name) {
    return new Greeting("Hello, " + (name == null || name.isBlank() ? "world" : name) + "!");
  }

  @JobWorker(type = HelloProcess.JOB_COUNT)
  public Count count(
      @Variable(name = HelloProcess.VAR_GREETING, optional = false) String greeting) {
    return new Count(greeting.length());
  }

  /** Completes {@value HelloProcess#JOB_GREET} with the variable {@code greeting}. */
  public record Greeting(String greeting) {}

  /** Completes {@value HelloProcess#JOB_COUNT} with the variable {@code count} (characters). */
  public record Count(int count) {}
}
