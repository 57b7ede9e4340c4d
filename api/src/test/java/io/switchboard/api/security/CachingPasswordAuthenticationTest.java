package io.switchboard.api.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.switchboard.inventory.scope.AccessScope;
import io.switchboard.inventory.user.Role;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.password.PasswordEncoder;

class CachingPasswordAuthenticationTest {
  /** Counts the (expensive) checks; "hash:" + password is the stored form. */
  private final AtomicInteger checks = new AtomicInteger();

  private final PasswordEncoder encoder =
      new PasswordEncoder() {
        @Override
        public String encode(CharSequence raw) {
          return "hash:" + raw;
        }

        @Override
        public boolean matches(CharSequence raw, String encoded) {
          checks.incrementAndGet();
          return encoded.equals("hash:" + raw);
        }
      };

  private final Map<String, CachingPasswordAuthentication.Account> table = new HashMap<>();
  private final MutableClock clock = new MutableClock();
  private final CachingPasswordAuthentication provider =
      new CachingPasswordAuthentication(
          name -> Optional.ofNullable(table.get(name)), encoder, clock);

  private void account(String id, long version, String password, Role role, String tenant) {
    table.put(
        "worker",
        new CachingPasswordAuthentication.Account(
            id,
            version,
            "hash:" + password,
            new ScopedPrincipal(new AccessScope("worker", role, null, tenant), null)));
  }

  private Authentication login(String password) {
    return provider.authenticate(
        UsernamePasswordAuthenticationToken.unauthenticated("worker", password));
  }

  @Test
  void aSuccessfulCheckIsRememberedWhileTheAccountStaysTheSame() {
    account("a1", 0, "right", Role.SP_ADMIN, null);
    login("right");
    login("right");
    assertThat(checks).hasValue(1);

    clock.now = clock.now.plus(CachingPasswordAuthentication.TTL).plusSeconds(1);
    login("right");
    assertThat(checks).hasValue(2);
  }

  @Test
  void aDeletedAccountIsRefusedAtOnceDespiteARememberedCheck() {
    account("a1", 0, "right", Role.SP_ADMIN, null);
    login("right");
    table.clear();
    assertThatThrownBy(() -> login("right")).isInstanceOf(BadCredentialsException.class);
  }

  @Test
  void aChangedAccountIsCheckedAgainAndCarriesItsNewScope() {
    account("a1", 0, "right", Role.SP_ADMIN, null);
    login("right");
    account("a1", 1, "right", Role.TENANT_VIEWER, "t1");
    Authentication after = login("right");
    assertThat(checks).hasValue(2);
    assertThat(((ScopedPrincipal) after.getPrincipal()).scope().tenantId()).isEqualTo("t1");
  }

  @Test
  void aChangedPasswordEndsTheOldOne() {
    account("a1", 0, "old-password", Role.SP_ADMIN, null);
    login("old-password");
    account("a1", 1, "new-password", Role.SP_ADMIN, null);
    assertThatThrownBy(() -> login("old-password")).isInstanceOf(BadCredentialsException.class);
    assertThat(login("new-password").isAuthenticated()).isTrue();
  }

  @Test
  void aRecreatedAccountOfTheSameNameIsANewAccount() {
    account("a1", 0, "right", Role.TENANT_ADMIN, "old-tenant");
    login("right");
    account("a2", 0, "right", Role.TENANT_ADMIN, "new-tenant");
    Authentication after = login("right");
    assertThat(checks).hasValue(2);
    assertThat(((ScopedPrincipal) after.getPrincipal()).scope().tenantId()).isEqualTo("new-tenant");
  }

  @Test
  void wrongPasswordsAreNeverRememberedNorAnsweredFromTheCache() {
    account("a1", 0, "right", Role.SP_ADMIN, null);
    login("right");
    assertThatThrownBy(() -> login("wrong")).isInstanceOf(BadCredentialsException.class);
    assertThatThrownBy(() -> login("wrong")).isInstanceOf(BadCredentialsException.class);
    assertThat(checks).hasValue(3);
  }

  @Test
  void anUnknownUserCostsAPasswordCheckToo() {
    assertThatThrownBy(() -> login("anything")).isInstanceOf(BadCredentialsException.class);
    assertThat(checks).hasValue(1);
  }

  // ---- credentials just seen: answered without reading the account while no account changed

  private final AtomicInteger lookups = new AtomicInteger();
  private final AtomicLong accountChanges = new AtomicLong();
  private final CachingPasswordAuthentication lookupFree =
      new CachingPasswordAuthentication(
          name -> {
            lookups.incrementAndGet();
            return Optional.ofNullable(table.get(name));
          },
          encoder,
          clock,
          accountChanges::get);

  private Authentication loginLookupFree(String password) {
    return lookupFree.authenticate(
        UsernamePasswordAuthenticationToken.unauthenticated("worker", password));
  }

  @Test
  void credentialsJustSeenAnswerWithoutReadingTheAccountUntilTheShortTtlEnds() {
    account("a1", 0, "right", Role.SP_ADMIN, null);
    loginLookupFree("right");
    loginLookupFree("right");
    loginLookupFree("right");
    assertThat(lookups).hasValue(1);
    assertThat(checks).hasValue(1);

    clock.now = clock.now.plus(CachingPasswordAuthentication.RECENT_TTL).plusSeconds(1);
    loginLookupFree("right");
    assertThat(lookups).hasValue(2);
  }

  @Test
  void anyAccountChangeMakesTheNextRequestReadTheAccountAgain() {
    account("a1", 0, "right", Role.SP_ADMIN, null);
    loginLookupFree("right");
    table.clear(); // disabled or deleted: the query no longer finds it
    accountChanges.incrementAndGet();
    assertThatThrownBy(() -> loginLookupFree("right")).isInstanceOf(BadCredentialsException.class);
    assertThat(lookups).hasValue(2);
  }

  @Test
  void aChangedRoleIsSeenOnTheNextRequestAfterTheChangeCount() {
    account("a1", 0, "right", Role.SP_ADMIN, null);
    loginLookupFree("right");
    account("a1", 1, "right", Role.TENANT_VIEWER, "t1");
    accountChanges.incrementAndGet();
    Authentication after = loginLookupFree("right");
    assertThat(((ScopedPrincipal) after.getPrincipal()).scope().role())
        .isEqualTo(Role.TENANT_VIEWER);
  }

  @Test
  void aWrongPasswordIsNeverAnsweredFromCredentialsJustSeen() {
    account("a1", 0, "right", Role.SP_ADMIN, null);
    loginLookupFree("right");
    assertThatThrownBy(() -> loginLookupFree("wrong")).isInstanceOf(BadCredentialsException.class);
    assertThat(lookups).hasValue(2);
  }

  static final class MutableClock extends Clock {
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

    @Override
    public long millis() {
      return now.toEpochMilli();
    }
  }
}
