package io.switchboard.api.security;

import io.switchboard.inventory.scope.AccessScope;
import io.switchboard.inventory.user.Role;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;

/**
 * The application's own Camunda client signs in as the system account on every job poll and
 * completion, so its check must cost next to nothing: its password is a secret of this process
 * (given or generated at start, {@link SystemPasswordEnvironment}), compared in constant time with
 * what is held in memory: no bcrypt, no database. Nothing can change the account while the process
 * runs (the API refuses to touch it), so there is no state for this check to outlive. Any other
 * user name goes to {@code next}.
 */
public class SystemAccountAuthentication implements AuthenticationProvider {
  private final String username;
  private final byte[] passwordDigest;
  private final ScopedPrincipal principal;
  private final AuthenticationProvider next;

  public SystemAccountAuthentication(
      String username, String password, AuthenticationProvider next) {
    this.username = username;
    this.passwordDigest = password == null || password.isBlank() ? null : digest(password);
    this.principal =
        new ScopedPrincipal(new AccessScope(username, Role.SP_ADMIN, null, null), null);
    this.next = next;
  }

  /** Whether {@code name} is the system account (exempt from per-user lockout). */
  public boolean isSystem(String name) {
    return passwordDigest != null && username.equals(name);
  }

  @Override
  public Authentication authenticate(Authentication request) throws AuthenticationException {
    if (!isSystem(request.getName())) {
      return next.authenticate(request);
    }
    String password = request.getCredentials() == null ? "" : request.getCredentials().toString();
    if (!MessageDigest.isEqual(passwordDigest, digest(password))) {
      throw new BadCredentialsException("Bad credentials");
    }
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

  /** Equal-length digests make the comparison constant-time whatever the lengths. */
  private static byte[] digest(String password) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(password.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
