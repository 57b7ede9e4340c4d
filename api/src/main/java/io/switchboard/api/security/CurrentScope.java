package io.switchboard.api.security;

import io.switchboard.inventory.scope.AccessScope;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** The access scope of the authenticated caller of the current request. */
public final class CurrentScope {
  private CurrentScope() {}

  public static AccessScope get() {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    if (authentication != null
        && authentication.getPrincipal() instanceof ScopedPrincipal principal) {
      return principal.scope();
    }
    if (authentication != null && authentication.getDetails() instanceof AccessScope scope) {
      return scope;
    }
    throw new AuthenticationCredentialsNotFoundException("No authenticated Switchboard user");
  }

  /** Requires the permission and returns the scope, the usual first line of a handler. */
  public static AccessScope require(Action action, Resource resource) {
    AccessScope scope = get();
    Permissions.require(scope, action, resource);
    return scope;
  }
}
