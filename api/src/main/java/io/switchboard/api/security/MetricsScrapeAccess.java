package io.switchboard.api.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.stereotype.Component;

/**
 * Who may read {@code /actuator/prometheus}: a provider administrator, or a scraper presenting the
 * configured token ({@code switchboard.metrics.scrape-token}) as {@code Authorization: Bearer
 * <token>} or, when OIDC is configured (which claims {@code Bearer}), {@code Authorization: Scrape
 * <token>}. Without a token configured only the administrator may; never anyone anonymous.
 */
@Component
public class MetricsScrapeAccess implements AuthorizationManager<RequestAuthorizationContext> {
  private final byte[] token;

  public MetricsScrapeAccess(@Value("${switchboard.metrics.scrape-token:}") String token) {
    this.token = token.isBlank() ? null : token.strip().getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public AuthorizationDecision check(
      Supplier<Authentication> authentication, RequestAuthorizationContext context) {
    Authentication who = authentication.get();
    if (who != null
        && who.isAuthenticated()
        && who.getAuthorities().stream().anyMatch(a -> "ROLE_SP_ADMIN".equals(a.getAuthority()))) {
      return new AuthorizationDecision(true);
    }
    return new AuthorizationDecision(
        presentsToken(context.getRequest().getHeader("Authorization")));
  }

  private boolean presentsToken(String header) {
    if (token == null || header == null) {
      return false;
    }
    int space = header.indexOf(' ');
    if (space < 0) {
      return false;
    }
    String scheme = header.substring(0, space);
    if (!"Bearer".equalsIgnoreCase(scheme) && !"Scrape".equalsIgnoreCase(scheme)) {
      return false;
    }
    byte[] presented = header.substring(space + 1).strip().getBytes(StandardCharsets.UTF_8);
    return MessageDigest.isEqual(presented, token);
  }
}
