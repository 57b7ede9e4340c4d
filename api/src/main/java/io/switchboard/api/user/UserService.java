package io.switchboard.api.user;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.api.common.InScope;
import io.switchboard.api.error.ApiException;
import io.switchboard.api.logging.UnsafeCharacters;
import io.switchboard.api.security.Action;
import io.switchboard.api.security.Permissions;
import io.switchboard.api.security.Resource;
import io.switchboard.api.security.SignInThrottle;
import io.switchboard.inventory.scope.AccessScope;
import io.switchboard.inventory.scope.ScopedInventory;
import io.switchboard.inventory.user.Role;
import io.switchboard.inventory.user.UserAccount;
import io.switchboard.inventory.user.UserAccountRepository;
import java.util.Iterator;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The use cases of local user accounts. Admins act on users at their own level or below and inside
 * their own scope (an operating-company admin cannot mint or promote to provider admin, a tenant
 * admin only users of its tenant); nobody changes their own role, scope or enabled flag, and the
 * application's system account is not changed through the API at all. Every change of an account
 * bumps its version, which ends the remembered password checks of the old state at once.
 */
@Service
public class UserService {
  /** The fields a merge patch may carry. */
  static final Set<String> PATCHABLE = Set.of("role", "opcoId", "tenantId", "enabled");

  private final ScopedInventory inventory;
  private final UserAccountRepository users;
  private final PasswordEncoder encoder;
  private final SignInThrottle throttle;
  private final String systemUsername;

  public UserService(
      ScopedInventory inventory,
      UserAccountRepository users,
      PasswordEncoder encoder,
      SignInThrottle throttle,
      @Value("${switchboard.security.system.username:switchboard-system}") String systemUsername) {
    this.inventory = inventory;
    this.users = users;
    this.encoder = encoder;
    this.throttle = throttle;
    this.systemUsername = systemUsername;
  }

  /** A page of the users the caller may read, narrowed by {@code filter}. */
  @Transactional(readOnly = true)
  public Page<UserAccount> list(
      AccessScope scope, Specification<UserAccount> filter, Pageable pageable) {
    Permissions.require(scope, Action.READ, Resource.USERS);
    return inventory.users().page(scope, filter, pageable);
  }

  /** Creates a user; a name taken in a scope the caller cannot see is "not available" (422). */
  @Transactional
  public UserAccount create(
      AccessScope scope,
      String username,
      String password,
      Role role,
      String opcoId,
      String tenantId) {
    Permissions.require(scope, Action.WRITE, Resource.USERS);
    requireAtOrBelow(scope, role, "create");
    UserAccount user = new UserAccount(username, encoder.encode(password), role, null, null);
    assignScope(scope, user, role, opcoId, tenantId);
    users
        .findByUsername(username)
        .ifPresent(
            existing -> {
              throw ApiException.clash(
                  "username",
                  inventory.users().isVisible(scope, existing.getId()),
                  "user '" + username + "' exists already");
            });
    return users.save(user);
  }

  /**
   * Applies an RFC 7396 merge patch of {@code role}, {@code opcoId}, {@code tenantId} and {@code
   * enabled}; a field that is absent stays as it is.
   */
  @Transactional
  public UserAccount update(AccessScope scope, String id, JsonNode patch) {
    Permissions.require(scope, Action.WRITE, Resource.USERS);
    if (patch == null || !patch.isObject()) {
      throw ApiException.invalid(null, "the body must be a JSON merge patch object");
    }
    for (Iterator<String> names = patch.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!PATCHABLE.contains(name)) {
        throw ApiException.invalid(
            name,
            "password".equals(name)
                ? "is changed with PUT /api/v1/users/{id}/password"
                : "cannot be changed; the patchable fields are " + PATCHABLE);
      }
    }
    UserAccount user = find(scope, id);
    requireChangeable(scope, user, "change");
    Role role = user.getRole();
    if (patch.has("role")) {
      role = parseRole(patch.get("role"));
      requireAtOrBelow(scope, role, "assign");
    }
    String opcoId = patch.has("opcoId") ? text(patch.get("opcoId"), "opcoId") : user.getOpcoId();
    String tenantId =
        patch.has("tenantId") ? text(patch.get("tenantId"), "tenantId") : user.getTenantId();
    assignScope(scope, user, role, opcoId, tenantId);
    if (patch.has("enabled")) {
      JsonNode enabled = patch.get("enabled");
      if (!enabled.isBoolean()) {
        throw ApiException.invalid("enabled", "must be true or false");
      }
      user.setEnabled(enabled.booleanValue());
    }
    return users.save(user);
  }

  /**
   * Changes a password: one's own with the current password ({@code oldPassword}, a wrong one
   * counts as a failed sign-in), another user's as an admin allowed to change that user (reset).
   */
  @Transactional
  public void changePassword(
      AccessScope scope, String id, String oldPassword, String newPassword, String address) {
    UserAccount user = find(scope, id);
    if (user.getUsername().equals(scope.username())) {
      if (user.getUsername().equals(systemUsername)) {
        throw managedBySwitchboard();
      }
      if (oldPassword == null || oldPassword.isEmpty()) {
        throw ApiException.invalid("oldPassword", "is required to change your own password");
      }
      if (throttle.isUserBlocked(user.getUsername(), address)
          || !encoder.matches(oldPassword, user.getPasswordHash())) {
        throttle.userFailed(user.getUsername(), address, false);
        throw ApiException.invalid("oldPassword", "does not match the current password");
      }
    } else {
      Permissions.require(scope, Action.WRITE, Resource.USERS);
      requireChangeable(scope, user, "reset the password of");
    }
    user.setPasswordHash(encoder.encode(newPassword));
    users.save(user);
  }

  /** Deletes a user the caller may change; never the caller itself nor the system account. */
  @Transactional
  public void delete(AccessScope scope, String id) {
    Permissions.require(scope, Action.WRITE, Resource.USERS);
    UserAccount user = find(scope, id);
    if (user.getUsername().equals(scope.username())) {
      throw ApiException.conflict(null, "you cannot delete your own account");
    }
    requireChangeable(scope, user, "delete");
    users.delete(user);
  }

  /** The user with {@code id} if the caller may read users and sees this one; 404 otherwise. */
  @Transactional(readOnly = true)
  public UserAccount get(AccessScope scope, String id) {
    Permissions.require(scope, Action.READ, Resource.USERS);
    return find(scope, id);
  }

  private UserAccount find(AccessScope scope, String id) {
    return InScope.findOr404(inventory.users(), scope, "User", id);
  }

  private void requireChangeable(AccessScope scope, UserAccount user, String verb) {
    if (user.getUsername().equals(systemUsername)) {
      throw managedBySwitchboard();
    }
    if (user.getUsername().equals(scope.username())) {
      throw ApiException.conflict(
          null, "you cannot change your own role, scope or enabled flag; ask another admin");
    }
    if (user.getRole().level().ordinal() < scope.role().level().ordinal()) {
      throw ApiException.forbidden(
          "Role " + scope.role() + " may not " + verb + " " + user.getRole() + " users");
    }
  }

  private static ApiException managedBySwitchboard() {
    return ApiException.conflict(
        null, "the system account is managed by Switchboard and cannot be changed");
  }

  private static void requireAtOrBelow(AccessScope scope, Role role, String verb) {
    if (role.level().ordinal() < scope.role().level().ordinal()) {
      throw ApiException.forbidden(
          "Role " + scope.role() + " may not " + verb + " " + role + " users");
    }
  }

  /** Gives the user the role and the one scope id that role needs, which the caller must see. */
  private void assignScope(
      AccessScope scope, UserAccount user, Role role, String opcoId, String tenantId) {
    switch (role.level()) {
      case PROVIDER -> {}
      case OPCO -> {
        require("opcoId", opcoId);
        if (!inventory.opcos().isVisible(scope, opcoId)) {
          throw ApiException.unprocessable(
              "opcoId", "operating company '" + opcoId + "' not found");
        }
      }
      case TENANT -> {
        require("tenantId", tenantId);
        if (!inventory.tenants().isVisible(scope, tenantId)) {
          throw ApiException.unprocessable("tenantId", "tenant '" + tenantId + "' not found");
        }
      }
    }
    user.assign(role, opcoId, tenantId);
  }

  private static Role parseRole(JsonNode value) {
    if (value == null || !value.isTextual()) {
      throw ApiException.invalid("role", "must be one of " + Set.of(Role.values()));
    }
    try {
      return Role.valueOf(value.textValue());
    } catch (IllegalArgumentException e) {
      throw ApiException.invalid("role", "must be one of " + Set.of(Role.values()));
    }
  }

  private static String text(JsonNode value, String field) {
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isTextual() || value.textValue().length() > 36) {
      throw ApiException.invalid(field, "must be an id of at most 36 characters");
    }
    String problem = UnsafeCharacters.describeFirstUnsafe(value.textValue(), false);
    if (problem != null) {
      throw ApiException.invalid(field, problem);
    }
    return value.textValue();
  }

  private static void require(String field, String value) {
    if (value == null || value.isBlank()) {
      throw ApiException.invalid(field, "is required for this role");
    }
  }
}
