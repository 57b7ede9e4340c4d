package io.switchboard.api.security;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.LongSupplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Checks local users' passwords. bcrypt is deliberately slow and HTTP Basic checks the password on
 * every request, so a successful check is remembered; but never longer than the account stays as it
 * was. Two memories: (1) the credentials just seen, keyed by an HMAC of user name and password,
 * answer without reading the account at all, for at most {@link #RECENT_TTL} and only while no
 * account has been written since they were read ({@code accountChanges}, which moves on every write
 * of an account and again at its commit); (2) otherwise the account is read afresh (one lookup by
 * the unique user name), and a remembered check counts only for the same account row at the same
 * version. Deleting, disabling, or changing the role, scope or password of a user moves the change
 * count and the row's version (or removes it), so the next request is checked against the new
 * state; a user re-created under the same name is a new row. The remembered values are HMACs under
 * a key that lives only in this process, never the password or a plain hash of it.
 */
public class CachingPasswordAuthentication implements AuthenticationProvider {
  /** A remembered check is dropped after this even when the account did not change. */
  static final Duration TTL = Duration.ofMinutes(10);

  /**
   * How long credentials just seen answer without a database read; a change made behind JPA's back
   * (plain SQL) is seen after this at the latest.
   */
  static final Duration RECENT_TTL = Duration.ofSeconds(30);

  private static final int MAX_ENTRIES = 10_000;

  /** What the check needs to know about an enabled account, read at each request. */
  public record Account(String id, long version, String passwordHash, ScopedPrincipal principal) {}

  private record Entry(String accountId, long version, byte[] passwordMac, long expiresAt) {}

  private record Recent(ScopedPrincipal principal, long accountChanges, long expiresAt) {}

  private final Function<String, Optional<Account>> accounts;
  private final PasswordEncoder encoder;
  private final Clock clock;
  private final Map<String, Entry> cache = new ConcurrentHashMap<>();
  private final Map<ByteBuffer, Recent> recent = new ConcurrentHashMap<>();
  private final LongSupplier accountChanges;
  private final SecretKeySpec macKey;
  private volatile String dummyHash;

  /**
   * Reads the account at every call (no lookup-free answers).
   *
   * @param accounts the enabled account of a user name, read from the database
   */
  public CachingPasswordAuthentication(
      Function<String, Optional<Account>> accounts, PasswordEncoder encoder, Clock clock) {
    this(accounts, encoder, clock, null);
  }

  /**
   * @param accounts the enabled account of a user name, read from the database
   * @param accountChanges a count that moves whenever any account is written (and at the commit),
   *     or null to read the account at every call
   */
  public CachingPasswordAuthentication(
      Function<String, Optional<Account>> accounts,
      PasswordEncoder encoder,
      Clock clock,
      LongSupplier accountChanges) {
    this.accountChanges = accountChanges;
    this.accounts = accounts;
    this.encoder = encoder;
    this.clock = clock;
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    this.macKey = new SecretKeySpec(key, "HmacSHA256");
  }

  @Override
  public Authentication authenticate(Authentication request) throws AuthenticationException {
    String username = request.getName();
    String password = request.getCredentials() == null ? "" : request.getCredentials().toString();
    // read before the account: a write after this point makes what is remembered below stale
    long changes = accountChanges == null ? 0 : accountChanges.getAsLong();
    long now = clock.millis();
    ByteBuffer credentials =
        accountChanges == null
            ? null
            : ByteBuffer.wrap(mac(username.length() + ":" + username + password));
    if (credentials != null) {
      Recent seen = recent.get(credentials);
      if (seen != null && seen.accountChanges() == changes && seen.expiresAt() > now) {
        return authenticated(seen.principal(), request);
      }
    }
    Optional<Account> found = accounts.apply(username);
    if (found.isEmpty()) {
      // as slow as a wrong password, so the answer's timing does not say which names exist
      encoder.matches(password, dummyHash());
      throw new BadCredentialsException("Bad credentials");
    }
    Account account = found.get();
    byte[] mac = mac(password);
    Entry cached = cache.get(username);
    boolean remembered =
        cached != null
            && cached.expiresAt() > now
            && cached.accountId().equals(account.id())
            && cached.version() == account.version()
            && MessageDigest.isEqual(cached.passwordMac(), mac);
    if (!remembered) {
      if (!encoder.matches(password, account.passwordHash())) {
        throw new BadCredentialsException("Bad credentials");
      }
      if (cache.size() >= MAX_ENTRIES) {
        cache.clear();
      }
      cache.put(username, new Entry(account.id(), account.version(), mac, now + TTL.toMillis()));
    }
    if (credentials != null) {
      if (recent.size() >= MAX_ENTRIES) {
        recent.clear();
      }
      recent.put(
          credentials, new Recent(account.principal(), changes, now + RECENT_TTL.toMillis()));
    }
    return authenticated(account.principal(), request);
  }

  private static Authentication authenticated(ScopedPrincipal principal, Authentication request) {
    UsernamePasswordAuthenticationToken result =
        UsernamePasswordAuthenticationToken.authenticated(
            principal, null, principal.getAuthorities());
    result.setDetails(request.getDetails());
    return result;
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
  }

  private String dummyHash() {
    if (dummyHash == null) {
      dummyHash = encoder.encode("no such user: a password no one has");
    }
    return dummyHash;
  }

  private byte[] mac(String password) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(macKey);
      return mac.doFinal(password.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
