package io.switchboard.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.http.ResponseEntity;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.TestPropertySource;

/**
 * Hashing an activation secret (bcrypt, slow by design and slower on a loaded machine) holds no
 * database connection: with a pool of two connections that waits at most 1.5 s, and a hash that
 * takes 600 ms, eight devices registered at once and eight onboardings started at once are all
 * answered 201. Hashed inside the transaction, six of them queued for a connection behind two
 * hashes each and were answered 500 (the pool timed out), which a burst of onboardings did to the
 * real application's pool of ten.
 */
@Import(SecretHashingOutsideTransactionsIT.SlowHashing.class)
@TestPropertySource(
    properties = {
      "spring.datasource.hikari.maximum-pool-size=2",
      "spring.datasource.hikari.connection-timeout=1500"
    })
class SecretHashingOutsideTransactionsIT extends ApiIT {
  private static final int AT_ONCE = 8;

  // imported by this class only: a @TestConfiguration here is also found by the component scan
  // of every other context of the suite (it gave them all this class's beans)
  static class SlowHashing {
    /** bcrypt as the application has it, with the time a loaded machine takes to hash. */
    @Bean
    @Primary
    PasswordEncoder slowHashing() {
      PasswordEncoder bcrypt = new BCryptPasswordEncoder(4);
      return new PasswordEncoder() {
        @Override
        public String encode(CharSequence raw) {
          try {
            Thread.sleep(600);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          return bcrypt.encode(raw);
        }

        @Override
        public boolean matches(CharSequence raw, String encoded) {
          return bcrypt.matches(raw, encoded);
        }
      };
    }
  }

  @Test
  void devicesRegisteredAtOnceAreAllAnsweredWhileTheirSecretsAreHashed() throws Exception {
    String tenant = newTenant(null);
    String site = newSite(tenant);
    String model = newModel();
    List<Callable<ResponseEntity<?>>> requests = new ArrayList<>();
    for (int i = 0; i < AT_ONCE; i++) {
      String serial = unique("HASH").toUpperCase();
      requests.add(
          () ->
              admin.post(
                  "/api/v1/devices",
                  Map.of(
                      "tenantId",
                      tenant,
                      "siteId",
                      site,
                      "modelId",
                      model,
                      "serialNumber",
                      serial)));
    }

    assertThat(atOnce(requests))
        .allSatisfy(a -> assertThat(a.getStatusCode().value()).as(a.toString()).isEqualTo(201));
  }

  @Test
  void onboardingsStartedAtOnceAreAllAnsweredWhileTheirSecretsAreHashed() throws Exception {
    String tenant = newTenant(null);
    String model = newModel();
    List<Callable<ResponseEntity<?>>> requests = new ArrayList<>();
    for (int i = 0; i < AT_ONCE; i++) {
      String serial = unique("ONB").toUpperCase();
      requests.add(
          () ->
              admin.post(
                  "/api/v1/onboardings",
                  Map.of(
                      "tenantId",
                      tenant,
                      "site",
                      Map.of("name", serial.toLowerCase(), "type", "BRANCH"),
                      "device",
                      Map.of(
                          "serialNumber",
                          serial,
                          "modelId",
                          model,
                          "activationSecret",
                          "secret-" + serial,
                          "credentials",
                          Map.of("username", "netconf", "password", "device-secret")))));
    }

    assertThat(atOnce(requests))
        .allSatisfy(a -> assertThat(a.getStatusCode().value()).as(a.toString()).isEqualTo(201));
  }

  private static List<ResponseEntity<?>> atOnce(List<Callable<ResponseEntity<?>>> requests)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(requests.size());
    try {
      List<ResponseEntity<?>> answers = new ArrayList<>();
      for (Future<ResponseEntity<?>> answer : pool.invokeAll(requests)) {
        answers.add(answer.get());
      }
      return answers;
    } finally {
      pool.shutdownNow();
    }
  }
}
