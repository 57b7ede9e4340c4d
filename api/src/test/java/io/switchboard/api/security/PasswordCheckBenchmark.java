package io.switchboard.api.security;

import io.switchboard.api.ApiTestApplication;
import io.switchboard.inventory.user.Role;
import io.switchboard.inventory.user.UserAccount;
import io.switchboard.inventory.user.UserAccountRepository;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * What a password check costs on each path, against the real provider chain and database: the
 * system account (the application's own job workers), a local user whose check is remembered (one
 * account read per request), and a full bcrypt check. Not a test (no assertions, not run by the
 * build): run with {@code ../mvnw -o -pl api -am verify -Dtest=PasswordCheckBenchmark
 * -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@SpringBootTest(classes = ApiTestApplication.class)
class PasswordCheckBenchmark {
  private static final int ROUNDS = 20_000;

  @Autowired LocalUserDetailsService accounts;
  @Autowired SignInThrottle throttle;
  @Autowired UserAccountRepository users;
  @Autowired PasswordEncoder encoder;

  @Value("${switchboard.security.system.username:switchboard-system}")
  String systemUser;

  @Value("${switchboard.security.system.password}")
  String systemPassword;

  private ThrottledAuthentication passwords;

  private double microsPerCheck(String user, String password, int rounds) {
    for (int i = 0; i < Math.min(rounds, 2_000); i++) {
      passwords.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(user, password));
    }
    long start = System.nanoTime();
    for (int i = 0; i < rounds; i++) {
      passwords.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(user, password));
    }
    return (System.nanoTime() - start) / 1e3 / rounds;
  }

  @Test
  void measure() {
    String name = "bench-" + UUID.randomUUID();
    String password = "benchmark password";
    users.save(new UserAccount(name, encoder.encode(password), Role.SP_ADMIN, null, null));
    passwords =
        SecurityConfiguration.passwordChecks(
            accounts, encoder, throttle, systemUser, systemPassword);

    double system = microsPerCheck(systemUser, systemPassword, ROUNDS);
    double remembered = microsPerCheck(name, password, ROUNDS);
    long start = System.nanoTime();
    for (int i = 0; i < 20; i++) {
      encoder.matches(password, users.findByUsername(name).orElseThrow().getPasswordHash());
    }
    double bcrypt = (System.nanoTime() - start) / 1e3 / 20;

    System.out.printf(
        "%nPassword checks (%d cores): system account %.1f us, remembered local user %.1f us"
            + " (one account read), bcrypt %.0f us%n"
            + "At 500 authenticated job polls/completions per second: system account %.3f%% of a"
            + " core; the same load as a local user %.2f%%, unremembered bcrypt %.0f%%%n%n",
        Runtime.getRuntime().availableProcessors(),
        system,
        remembered,
        bcrypt,
        system * 500 / 1e4,
        remembered * 500 / 1e4,
        bcrypt * 500 / 1e4);
  }
}
