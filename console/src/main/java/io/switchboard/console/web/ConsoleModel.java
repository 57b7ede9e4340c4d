package io.switchboard.console.web;

import io.switchboard.api.security.Action;
import io.switchboard.api.security.Permissions;
import io.switchboard.api.security.Resource;
import io.switchboard.api.security.ScopedPrincipal;
import io.switchboard.inventory.scope.AccessScope;
import io.switchboard.inventory.user.Role;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every console page knows: who is signed in and which menu entries their role has. */
@ControllerAdvice(basePackages = "io.switchboard.console")
public class ConsoleModel {

  /** The signed-in user as the menu shows it; null on the sign-in page. */
  public record Me(
      String username,
      String role,
      String tenantId,
      boolean provider,
      boolean seesTenants,
      boolean administersUsers,
      boolean mayRun) {
    static Me of(AccessScope scope) {
      Role role = scope.role();
      return new Me(
          scope.username(),
          role.name(),
          scope.tenantId(),
          scope.isProvider(),
          !scope.isTenant(),
          Permissions.allows(role, Action.WRITE, Resource.USERS),
          Permissions.allows(role, Action.RUN, Resource.OPERATIONS));
    }

    /** Whether the role may take {@code action} on {@code resource}: the API's table, by name. */
    public boolean may(String action, String resource) {
      return Permissions.allows(
          Role.valueOf(role), Action.valueOf(action), Resource.valueOf(resource));
    }

    /** The administration pages: provider and operating-company admins, and user admins. */
    public boolean administers() {
      return seesTenants || administersUsers;
    }
  }

  @ModelAttribute("me")
  public Me me() {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    if (authentication != null
        && authentication.getPrincipal() instanceof ScopedPrincipal principal) {
      return Me.of(principal.scope());
    }
    return null;
  }
}
