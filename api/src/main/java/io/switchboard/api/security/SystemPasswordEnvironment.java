package io.switchboard.api.security;

import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Gives the application's system account a fresh random password on every start unless one is
 * configured, before any bean reads it: the embedded engine's API is then never open, and no one
 * has to manage a secret that only this process uses.
 */
public class SystemPasswordEnvironment implements EnvironmentPostProcessor {
  static final String PROPERTY = "switchboard.security.system.password";

  @Override
  public void postProcessEnvironment(
      ConfigurableEnvironment environment, SpringApplication application) {
    if (environment.getProperty(PROPERTY, "").isBlank()) {
      environment
          .getPropertySources()
          .addLast(
              new MapPropertySource(
                  "switchboardSystemPassword",
                  Map.of(PROPERTY, AccountBootstrap.generatePassword())));
    }
  }
}
