package io.switchboard.api.user;

import io.switchboard.api.common.Filters;
import io.switchboard.api.common.PageResponse;
import io.switchboard.api.common.Paging;
import io.switchboard.api.error.ApiException;
import io.switchboard.api.security.Action;
import io.switchboard.api.security.CurrentScope;
import io.switchboard.api.security.Resource;
import io.switchboard.inventory.scope.AccessScope;
import io.switchboard.inventory.scope.ScopedInventory;
import io.switchboard.inventory.user.Role;
import io.switchboard.inventory.user.UserAccount;
import io.switchboard.inventory.user.UserAccountRepository;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Set;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Local user accounts. Admins create users at their own level or below and inside their own scope:
 * an operating-company admin cannot mint a provider admin, a tenant admin only users of its tenant.
 */
@RestController
@RequestMapping("/api/v1/users")
public class UserController {
  public record UserRequest(
      @NotBlank
          @Pattern(
              regexp = "[A-Za-z0-9._@-]{3,120}",
              message = "must be 3-120 letters, digits or ._@-")
          String username,
      @NotBlank @Size(min = 12, max = 200, message = "must be 12-200 characters") String password,
      @NotNull Role role,
      @Size(max = 36) String opcoId,
      @Size(max = 36) String tenantId) {
    @Override
    public String toString() {
      return "UserRequest[username=" + username + ", role=" + role + "]";
    }
  }

  public record UserView(String id, String username, Role role, String opcoId, String tenantId) {
    static UserView of(UserAccount u) {
      return new UserView(u.getId(), u.getUsername(), u.getRole(), u.getOpcoId(), u.getTenantId());
    }
  }

  private final ScopedInventory inventory;
  private final UserAccountRepository users;
  private final PasswordEncoder encoder;

  public UserController(
      ScopedInventory inventory, UserAccountRepository users, PasswordEncoder encoder) {
    this.inventory = inventory;
    this.users = users;
    this.encoder = encoder;
  }

  @GetMapping
  public PageResponse<UserView> list(Pageable pageable) {
    AccessScope scope = CurrentScope.require(Action.READ, Resource.USERS);
    return PageResponse.of(
        inventory
            .users()
            .page(
                scope,
                Filters.none(),
                Paging.of(pageable, Set.of("username", "role"), Sort.by("username"))),
        UserView::of);
  }

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  @Transactional
  public UserView create(@Valid @RequestBody UserRequest request) {
    AccessScope scope = CurrentScope.require(Action.WRITE, Resource.USERS);
    Role role = request.role();
    if (role.level().ordinal() < scope.role().level().ordinal()) {
      throw ApiException.forbidden("Role " + scope.role() + " may not create " + role + " users");
    }
    String opcoId = null;
    String tenantId = null;
    switch (role.level()) {
      case PROVIDER -> {}
      case OPCO -> {
        opcoId = require("opcoId", request.opcoId());
        if (!inventory.opcos().isVisible(scope, opcoId)) {
          throw ApiException.unprocessable(
              "opcoId", "operating company '" + opcoId + "' not found");
        }
      }
      case TENANT -> {
        tenantId = require("tenantId", request.tenantId());
        if (!inventory.tenants().isVisible(scope, tenantId)) {
          throw ApiException.unprocessable("tenantId", "tenant '" + tenantId + "' not found");
        }
      }
    }
    if (users.existsByUsername(request.username())) {
      throw ApiException.conflict("username", "user '" + request.username() + "' exists already");
    }
    return UserView.of(
        users.save(
            new UserAccount(
                request.username(), encoder.encode(request.password()), role, opcoId, tenantId)));
  }

  @DeleteMapping("/{id}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  @Transactional
  public void delete(@PathVariable String id) {
    AccessScope scope = CurrentScope.require(Action.WRITE, Resource.USERS);
    UserAccount user =
        inventory.users().find(scope, id).orElseThrow(() -> ApiException.notFound("User", id));
    if (user.getUsername().equals(scope.username())) {
      throw ApiException.conflict(null, "you cannot delete your own account");
    }
    if (user.getRole().level().ordinal() < scope.role().level().ordinal()) {
      throw ApiException.forbidden(
          "Role " + scope.role() + " may not delete " + user.getRole() + " users");
    }
    users.delete(user);
  }

  private static String require(String field, String value) {
    if (value == null || value.isBlank()) {
      throw ApiException.invalid(field, "is required for this role");
    }
    return value;
  }
}
