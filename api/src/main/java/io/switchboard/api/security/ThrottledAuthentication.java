package io.switchboard.api.security;

import java.util.function.Predicate;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Puts {@link SignInThrottle} in front of a password check: a user name or client address that is
 * slowed down or locked is refused without the password being looked at, with the very exception of
 * a wrong password (so the answer is the same), after spending the time a check would take. An
 * exempt user (the system account) is never blocked; its failures count for the address only.
 */
public class ThrottledAuthentication implements AuthenticationProvider {
  private final AuthenticationProvider delegate;
  private final SignInThrottle throttle;
  private final PasswordEncoder encoder;
  private final Predicate<String> exempt;
  private volatile String dummyHash;

  public ThrottledAuthentication(
      AuthenticationProvider delegate,
      SignInThrottle throttle,
      PasswordEncoder encoder,
      Predicate<String> exempt) {
    this.delegate = delegate;
    this.throttle = throttle;
    this.encoder = encoder;
    this.exempt = exempt;
  }

  @Override
  public Authentication authenticate(Authentication request) throws AuthenticationException {
    String username = request.getName();
    String address =
        request.getDetails() instanceof WebAuthenticationDetails web
            ? web.getRemoteAddress()
            : null;
    boolean exemptUser = exempt.test(username);
    if (!exemptUser && throttle.isUserBlocked(username, address)) {
      encoder.matches(String.valueOf(request.getCredentials()), dummyHash());
      throw new BadCredentialsException("Bad credentials");
    }
    try {
      Authentication result = delegate.authenticate(request);
      throttle.userSucceeded(username);
      return result;
    } catch (BadCredentialsException e) {
      throttle.userFailed(username, address, exemptUser);
      throw e;
    }
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
  }

  private String dummyHash() {
    if (dummyHash == null) {
      dummyHash = encoder.encode("throttled: a password no one has");
    }
    return dummyHash;
  }
}
