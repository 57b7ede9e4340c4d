package io.switchboard.api.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.password.NoOpPasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/** The throttle in front of the password check, per user name and per client address. */
class ThrottledAuthenticationTest {
  private final AtomicInteger checks = new AtomicInteger();
  private final AuthenticationProvider passwords =
      new AuthenticationProvider() {
        @Override
        public Authentication authenticate(Authentication a) {
          checks.incrementAndGet();
          if (!"right".equals(a.getCredentials())) {
            throw new BadCredentialsException("Bad credentials");
          }
          return UsernamePasswordAuthenticationToken.authenticated(a.getName(), null, List.of());
        }

        @Override
        public boolean supports(Class<?> type) {
          return true;
        }
      };

  private ThrottledAuthentication throttled(LockoutProperties properties) {
    SignInThrottle throttle =
        new SignInThrottle(
            properties,
            new StaticListableBeanFactory()
                .getBeanProvider(io.micrometer.core.instrument.MeterRegistry.class));
    @SuppressWarnings("deprecation")
    NoOpPasswordEncoder encoder = (NoOpPasswordEncoder) NoOpPasswordEncoder.getInstance();
    return new ThrottledAuthentication(passwords, throttle, encoder, "system"::equals);
  }

  private static Authentication login(String user, String password, String address) {
    MockHttpServletRequest request = new MockHttpServletRequest();
    request.setRemoteAddr(address);
    UsernamePasswordAuthenticationToken token =
        UsernamePasswordAuthenticationToken.unauthenticated(user, password);
    token.setDetails(new WebAuthenticationDetails(request));
    return token;
  }

  private static LockoutProperties properties(int userMax, int addressMax) {
    LockoutProperties p = new LockoutProperties();
    p.getUser().setMaxFailures(userMax);
    p.getUser().setSlowDownAfter(userMax);
    p.getAddress().setMaxFailures(addressMax);
    p.getAddress().setSlowDownAfter(addressMax);
    return p;
  }

  @Test
  void aLockedUserIsRefusedLikeAWrongPasswordWithoutItBeingChecked() {
    ThrottledAuthentication auth = throttled(properties(3, 100));
    for (int i = 0; i < 3; i++) {
      assertThatThrownBy(() -> auth.authenticate(login("alice", "wrong", "10.0.0.1")))
          .isInstanceOf(BadCredentialsException.class);
    }
    int before = checks.get();
    assertThatThrownBy(() -> auth.authenticate(login("alice", "right", "10.0.0.2")))
        .isInstanceOf(BadCredentialsException.class)
        .hasMessage("Bad credentials");
    assertThat(checks).as("not checked while locked").hasValue(before);
    assertThat(auth.authenticate(login("bob", "right", "10.0.0.1")).isAuthenticated()).isTrue();
  }

  @Test
  void anAddressThatGuessesManyUsersIsLockedForAll() {
    ThrottledAuthentication auth = throttled(properties(100, 4));
    for (int i = 0; i < 4; i++) {
      String user = "user" + i;
      assertThatThrownBy(() -> auth.authenticate(login(user, "wrong", "192.0.2.9")))
          .isInstanceOf(BadCredentialsException.class);
    }
    assertThatThrownBy(() -> auth.authenticate(login("carol", "right", "192.0.2.9")))
        .isInstanceOf(BadCredentialsException.class);
    assertThat(auth.authenticate(login("carol", "right", "192.0.2.10")).isAuthenticated()).isTrue();
  }

  @Test
  void theSystemAccountIsNeverLockedOut() {
    ThrottledAuthentication auth = throttled(properties(2, 1000));
    for (int i = 0; i < 5; i++) {
      assertThatThrownBy(() -> auth.authenticate(login("system", "wrong", "10.0.0.3")))
          .isInstanceOf(BadCredentialsException.class);
    }
    assertThat(auth.authenticate(login("system", "right", "10.0.0.3")).isAuthenticated()).isTrue();
  }
}
