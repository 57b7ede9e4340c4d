package io.switchboard.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import io.switchboard.inventory.user.Role;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

/**
 * Repeated wrong passwords lock the user name, repeated wrong activation secrets the serial, for
 * the configured period (two seconds and five failures in this suite's properties); a lock answers
 * exactly like a wrong secret, and is counted.
 */
class LockoutIT extends ApiIT {
  private static final String RESOURCE =
      "/restconf/data/juniper-zerotouch-bootstrap-server:devices/device=";

  @Autowired MeterRegistry meters;

  private ResponseEntity<String> signIn(String user, String password) {
    return rest.withBasicAuth(user, password).getForEntity("/api/v1/sites", String.class);
  }

  private ResponseEntity<String> phoneHome(String serial, String secret) {
    HttpHeaders headers = new HttpHeaders();
    headers.setBasicAuth(serial, secret);
    return rest.exchange(
        RESOURCE + serial + "/bootstrap-data",
        HttpMethod.GET,
        new HttpEntity<>(headers),
        String.class);
  }

  private double count(String name, String... tags) {
    var counter = meters.find(name).tags(tags).counter();
    return counter == null ? 0 : counter.count();
  }

  @Test
  void repeatedWrongPasswordsLockTheUserLikeAWrongPasswordUntilTheLockExpires() {
    Caller victim = user(Role.TENANT_VIEWER, null, newTenant(null));
    String name = victim.username();
    double failuresBefore = count("switchboard.security.signin.failures", "channel", "api");
    double locksBefore =
        count("switchboard.security.signin.lockouts", "channel", "api", "key", "user");

    ResponseEntity<String> wrong = null;
    for (int i = 0; i < 5; i++) {
      wrong = signIn(name, "guess number " + i);
      assertThat(wrong.getStatusCode().value()).isEqualTo(401);
    }
    ResponseEntity<String> locked = signIn(name, PASSWORD);

    assertThat(locked.getStatusCode()).isEqualTo(wrong.getStatusCode());
    assertThat(locked.getHeaders().get("WWW-Authenticate"))
        .isEqualTo(wrong.getHeaders().get("WWW-Authenticate"));
    assertThat(locked.getHeaders().getContentType()).isEqualTo(wrong.getHeaders().getContentType());
    assertThat(locked.getBody()).isEqualTo(wrong.getBody());
    assertThat(count("switchboard.security.signin.failures", "channel", "api"))
        .as("each failure counted once, the locked attempt not at all")
        .isEqualTo(failuresBefore + 5);
    assertThat(count("switchboard.security.signin.lockouts", "channel", "api", "key", "user"))
        .isEqualTo(locksBefore + 1);

    await()
        .atMost(Duration.ofSeconds(10))
        .pollInterval(Duration.ofMillis(250))
        .until(() -> signIn(name, PASSWORD).getStatusCode().value() == 200);
  }

  @Test
  void aLockIsPerUserOthersFromTheSameAddressSignInAsUsual() {
    Caller victim = user(Role.TENANT_VIEWER, null, newTenant(null));
    for (int i = 0; i < 5; i++) {
      signIn(victim.username(), "guess number " + i);
    }
    assertThat(signIn(victim.username(), PASSWORD).getStatusCode().value()).isEqualTo(401);
    assertThat(admin.get("/api/v1/sites").getStatusCode().value()).isEqualTo(200);
  }

  @Test
  void repeatedWrongActivationSecretsLockTheSerialLikeAWrongSecretUntilTheLockExpires() {
    String tenant = newTenant(null);
    String serial = unique("BRUTE");
    admin.create(
        "/api/v1/devices",
        Map.of(
            "tenantId",
            tenant,
            "serialNumber",
            serial,
            "modelId",
            newModel(),
            "activationSecret",
            "the-right-secret"));
    double locksBefore =
        count("switchboard.security.signin.lockouts", "channel", "phone-home", "key", "serial");

    ResponseEntity<String> wrong = null;
    for (int i = 0; i < 5; i++) {
      wrong = phoneHome(serial, "guess-" + i);
      assertThat(wrong.getStatusCode().value()).isEqualTo(404);
    }
    ResponseEntity<String> locked = phoneHome(serial, "the-right-secret");

    assertThat(locked.getStatusCode()).isEqualTo(wrong.getStatusCode());
    assertThat(locked.getBody()).isEqualTo(wrong.getBody());
    assertThat(
            count("switchboard.security.signin.lockouts", "channel", "phone-home", "key", "serial"))
        .isEqualTo(locksBefore + 1);
    await()
        .atMost(Duration.ofSeconds(10))
        .pollInterval(Duration.ofMillis(250))
        .until(() -> phoneHome(serial, "the-right-secret").getStatusCode().value() == 200);
  }
}
