package io.switchboard.console.security;

import io.switchboard.api.security.ScopedPrincipal;
import io.switchboard.inventory.scope.AccessScope;
import io.switchboard.inventory.user.Role;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;

/**
 * OIDC sign-in to the console, when a client registration is configured: the ID token's claims name
 * the role and the operating company or tenant, as the API's bearer tokens do (the same claim
 * names, {@code switchboard.security.jwt.*}). A token without a valid role signs nobody in. Once
 * signed in, the session carries the same principal as a local sign-in, so every page applies the
 * same scope.
 */
final class OidcSignIn {
  private static final Logger LOG = LoggerFactory.getLogger(OidcSignIn.class);

  /** Marks a session signed in with OIDC: there is no local account to re-check. */
  static final String SESSION_MARK = OidcSignIn.class.getName() + ".signedIn";

  private final String roleClaim;
  private final String opcoClaim;
  private final String tenantClaim;
  private final SecurityContextRepository sessions = new HttpSessionSecurityContextRepository();

  OidcSignIn(String roleClaim, String opcoClaim, String tenantClaim) {
    this.roleClaim = roleClaim;
    this.opcoClaim = opcoClaim;
    this.tenantClaim = tenantClaim;
  }

  /** The scope the ID token's claims give; refuses a token without a valid role or scope. */
  AccessScope scopeOf(OidcUser user) {
    Role role;
    try {
      role = Role.valueOf(String.valueOf(user.getClaims().get(roleClaim)));
    } catch (IllegalArgumentException e) {
      throw refused("The ID token has no valid '" + roleClaim + "' claim");
    }
    try {
      return new AccessScope(
          user.getSubject(), role, claim(user, opcoClaim), claim(user, tenantClaim));
    } catch (IllegalArgumentException e) {
      throw refused(e.getMessage());
    }
  }

  private static String claim(OidcUser user, String name) {
    Object value = user.getClaims().get(name);
    return value == null ? null : value.toString();
  }

  private static OAuth2AuthenticationException refused(String message) {
    return new OAuth2AuthenticationException(new OAuth2Error("invalid_token", message, null));
  }

  /** Loads the OIDC user as Spring does, then checks its claims before anyone is signed in. */
  OAuth2UserService<OidcUserRequest, OidcUser> users() {
    OidcUserService delegate = new OidcUserService();
    return request -> {
      OidcUser user = delegate.loadUser(request);
      scopeOf(user);
      return user;
    };
  }

  /** Replaces the OIDC authentication with the console's own principal, in the session too. */
  AuthenticationSuccessHandler onSuccess() {
    return (HttpServletRequest request, HttpServletResponse response, Authentication auth) -> {
      AccessScope scope = scopeOf((OidcUser) auth.getPrincipal());
      UsernamePasswordAuthenticationToken signedIn =
          UsernamePasswordAuthenticationToken.authenticated(
              new ScopedPrincipal(scope, null),
              null,
              List.of(new SimpleGrantedAuthority("ROLE_" + scope.role().name())));
      SecurityContext context = SecurityContextHolder.createEmptyContext();
      context.setAuthentication(signedIn);
      SecurityContextHolder.setContext(context);
      sessions.saveContext(context, request, response);
      request.getSession().setAttribute(SESSION_MARK, Boolean.TRUE);
      LOG.info("Console: {} signed in with OIDC as {}", scope.username(), scope.role());
      redirect(request, response);
    };
  }

  private static void redirect(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    response.sendRedirect(request.getContextPath() + "/console");
  }
}
