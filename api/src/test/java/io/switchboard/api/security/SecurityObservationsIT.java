package io.switchboard.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import io.switchboard.api.ApiIT;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * With an observation registry, as the application has through actuator, a request is observed as
 * an HTTP request only: Spring Security observes none of its filters, authentications or
 * authorizations (their cost on every request is what {@code securityObservations} saves).
 */
@Import(SecurityObservationsIT.Observed.class)
class SecurityObservationsIT extends ApiIT {

  // imported by this class only (a @TestConfiguration is also found by the suite\'s component scan)
  static class Observed {
    static final List<String> STARTED = new CopyOnWriteArrayList<>();

    @Bean
    ObservationRegistry observationRegistry() {
      ObservationRegistry registry = ObservationRegistry.create();
      registry
          .observationConfig()
          .observationHandler(
              new ObservationHandler<Observation.Context>() {
                @Override
                public void onStart(Observation.Context context) {
                  STARTED.add(context.getName());
                }

                @Override
                public boolean supportsContext(Observation.Context context) {
                  return true;
                }
              });
      return registry;
    }
  }

  @Autowired ObservationRegistry registry;

  @Test
  void anAuthenticatedRequestStartsNoSpringSecurityObservation() {
    Observed.STARTED.clear();
    assertThat(
            rest.withBasicAuth(ADMIN, ADMIN_PASSWORD)
                .getForEntity("/api/v1/sites", String.class)
                .getStatusCode()
                .is2xxSuccessful())
        .isTrue();
    Observation.start("probe", registry).stop();
    assertThat(Observed.STARTED).as("the registry observes").contains("probe");
    assertThat(Observed.STARTED).noneMatch(name -> name.startsWith("spring.security"));
  }
}
