package io.switchboard.api.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;

/**
 * bcrypt is deliberately slow, and HTTP Basic checks the password on every request: a job worker
 * polling the engine would spend most of the machine on password hashing. Successful checks are
 * therefore remembered for a short while, keyed by the user and a SHA-256 of the password (never
 * the password itself). A changed or deleted account takes effect within {@link #TTL}.
 */
public class CachingPasswordAuthentication implements AuthenticationProvider {
  static final Duration TTL = Duration.ofMinutes(5);
  private static final int MAX_ENTRIES = 10_000;

  private record Entry(Authentication authentication, long expiresAt) {}

  private final AuthenticationProvider delegate;
  private final Clock clock;
  private final Map<String, Entry> cache = new ConcurrentHashMap<>();

  public CachingPasswordAuthentication(AuthenticationProvider delegate, Clock clock) {
    this.delegate = delegate;
    this.clock = clock;
  }

  @Override
  public Authentication authenticate(Authentication request) throws AuthenticationException {
    String key = key(request.getName(), String.valueOf(request.getCredentials()));
    long now = clock.millis();
    Entry cached = cache.get(key);
    if (cached != null && cached.expiresAt() > now) {
      return cached.authentication();
    }
    Authentication result = delegate.authenticate(request);
    if (result != null && result.isAuthenticated()) {
      if (cache.size() >= MAX_ENTRIES) {
        cache.clear();
      }
      cache.put(key, new Entry(result, now + TTL.toMillis()));
    }
    return result;
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
  }

  private static String key(String username, String password) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(password.getBytes(StandardCharsets.UTF_8));
      return username + '\u0000' + Base64.getEncoder().encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
