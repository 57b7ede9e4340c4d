package io.switchboard.api.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;

class CachingPasswordAuthenticationTest {
  private final AtomicInteger checks = new AtomicInteger();
  private final AuthenticationProvider slowCheck =
      new AuthenticationProvider() {
        @Override
        public Authentication authenticate(Authentication a) {
          checks.incrementAndGet();
          if (!"right".equals(a.getCredentials())) {
            throw new BadCredentialsException("wrong");
          }
          return UsernamePasswordAuthenticationToken.authenticated(a.getName(), null, List.of());
        }

        @Override
        public boolean supports(Class<?> type) {
          return true;
        }
      };

  private static Authentication login(String password) {
    return UsernamePasswordAuthenticationToken.unauthenticated("worker", password);
  }

  @Test
  void aSuccessfulCheckIsRememberedUntilItsTimeToLive() {
    MutableClock clock = new MutableClock();
    CachingPasswordAuthentication cache = new CachingPasswordAuthentication(slowCheck, clock);
    cache.authenticate(login("right"));
    cache.authenticate(login("right"));
    assertThat(checks).hasValue(1);

    clock.now = clock.now.plus(CachingPasswordAuthentication.TTL).plusSeconds(1);
    cache.authenticate(login("right"));
    assertThat(checks).hasValue(2);
  }

  @Test
  void wrongPasswordsAreNeverRememberedNorAnsweredFromTheCache() {
    CachingPasswordAuthentication cache =
        new CachingPasswordAuthentication(slowCheck, new MutableClock());
    cache.authenticate(login("right"));
    assertThatThrownBy(() -> cache.authenticate(login("wrong")))
        .isInstanceOf(BadCredentialsException.class);
    assertThatThrownBy(() -> cache.authenticate(login("wrong")))
        .isInstanceOf(BadCredentialsException.class);
    assertThat(checks).hasValue(3);
  }

  private static final class MutableClock extends Clock {
    Instant now = Instant.parse("2026-11-24T00:00:00Z");

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
