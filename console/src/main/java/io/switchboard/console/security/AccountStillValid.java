package io.switchboard.console.security;

import io.switchboard.api.security.CachingPasswordAuthentication;
import io.switchboard.api.security.LocalUserDetailsService;
import io.switchboard.api.security.ScopedPrincipal;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A console session lasts only while its account stays as it was when it signed in: deleting or
 * disabling the user, or changing its role, scope or password, ends the session on its next
 * request, as the API's per-request authentication does.
 */
class AccountStillValid extends OncePerRequestFilter {
  static final String VERSION = AccountStillValid.class.getName() + ".version";

  private final LocalUserDetailsService users;

  AccountStillValid(LocalUserDetailsService users) {
    this.users = users;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    HttpSession session = request.getSession(false);
    if (session != null
        && session.getAttribute(OidcSignIn.SESSION_MARK) == null
        && authentication != null
        && authentication.getPrincipal() instanceof ScopedPrincipal principal) {
      Optional<CachingPasswordAuthentication.Account> account =
          users.currentAccount(principal.getUsername());
      Object seen = session.getAttribute(VERSION);
      boolean valid =
          account.isPresent()
              && account.get().principal().scope().equals(principal.scope())
              && (seen == null || seen.equals(account.get().version()));
      if (!valid) {
        session.invalidate();
        SecurityContextHolder.clearContext();
        response.sendRedirect(request.getContextPath() + ConsoleSecurityConfiguration.LOGIN);
        return;
      }
      if (seen == null) {
        session.setAttribute(VERSION, account.get().version());
      }
    }
    chain.doFilter(request, response);
  }
}
