package io.switchboard.console;

import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;

/**
 * The web console under {@code /console}: server-rendered pages on the API's scoped services, and
 * the process state through the official Camunda client. The application imports it.
 */
@Configuration
@ComponentScan
public class ConsoleConfiguration {
  /** Where the console lives; {@code /} redirects here. */
  public static final String PATH = "/console";
}
