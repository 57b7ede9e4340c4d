package io.switchboard.api.user;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.switchboard.api.common.Filters;
import io.switchboard.api.common.PageResponse;
import io.switchboard.api.common.Paging;
import io.switchboard.api.common.SafeText;
import io.switchboard.api.security.CurrentScope;
import io.switchboard.inventory.user.Role;
import io.switchboard.inventory.user.UserAccount;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.Set;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Local user accounts: list, read, create, update (JSON merge patch of role, scope and {@code
 * enabled}), password change or reset, delete. The rules live in {@link UserService}.
 */
@RestController
@RequestMapping("/api/v1/users")
@Tag(name = "Users", description = "Local user accounts, their roles, scopes and passwords")
public class UserController {
  static final String MERGE_PATCH = "application/merge-patch+json";

  public record UserRequest(
      @NotBlank
          @Pattern(
              regexp = "[A-Za-z0-9._@-]{3,120}",
              message = "must be 3-120 letters, digits or ._@-")
          String username,
      @NotBlank @Size(min = 12, max = 200, message = "must be 12-200 characters") String password,
      @NotNull Role role,
      @Size(max = 36) @SafeText String opcoId,
      @Size(max = 36) @SafeText String tenantId) {
    @Override
    public String toString() {
      return "UserRequest[username=" + username + ", role=" + role + "]";
    }
  }

  /** {@code oldPassword} is required when changing one's own password, ignored on a reset. */
  public record PasswordChange(
      @Size(max = 200) String oldPassword,
      @NotBlank @Size(min = 12, max = 200, message = "must be 12-200 characters")
          String newPassword) {
    @Override
    public String toString() {
      return "PasswordChange[****]";
    }
  }

  public record UserView(
      String id,
      String username,
      Role role,
      String opcoId,
      String tenantId,
      boolean enabled,
      long version,
      Instant updatedAt) {
    static UserView of(UserAccount u) {
      return new UserView(
          u.getId(),
          u.getUsername(),
          u.getRole(),
          u.getOpcoId(),
          u.getTenantId(),
          u.isEnabled(),
          u.getLockVersion(),
          u.getUpdatedAt());
    }
  }

  private final UserService service;

  public UserController(UserService service) {
    this.service = service;
  }

  @GetMapping
  @Operation(
      summary = "List users",
      description = "A page of the local accounts in the caller's scope.")
  public PageResponse<UserView> list(Pageable pageable) {
    return PageResponse.of(
        service.list(
            CurrentScope.get(),
            Filters.none(),
            Paging.of(pageable, Set.of("username", "role"), Sort.by("username"))),
        UserView::of);
  }

  @GetMapping("/{id}")
  @Operation(
      summary = "Read a user",
      description =
          "404 when it does not exist or lies outside the caller's scope; never the password.")
  public UserView get(@PathVariable String id) {
    return UserView.of(service.get(CurrentScope.get(), id));
  }

  @PostMapping
  @Operation(
      summary = "Create a user",
      description =
          "A local account at the caller's level or below, in its scope; a name taken where the caller cannot see is 422 \"not available\".")
  @ResponseStatus(HttpStatus.CREATED)
  public UserView create(@Valid @RequestBody UserRequest request) {
    return UserView.of(
        service.create(
            CurrentScope.get(),
            request.username(),
            request.password(),
            request.role(),
            request.opcoId(),
            request.tenantId()));
  }

  /** RFC 7396 merge patch of {@code role}, {@code opcoId}, {@code tenantId}, {@code enabled}. */
  @PatchMapping(
      value = "/{id}",
      consumes = {MERGE_PATCH, "application/json"})
  @Operation(
      summary = "Change a user",
      description =
          "JSON Merge Patch (RFC 7396) of role, opcoId, tenantId and enabled; absent fields stay,"
              + " other fields are 400. Nobody changes their own role, scope or enabled flag.")
  public UserView update(@PathVariable String id, @RequestBody JsonNode patch) {
    return UserView.of(service.update(CurrentScope.get(), id, patch));
  }

  @PutMapping("/{id}/password")
  @Operation(
      summary = "Change or reset a password",
      description =
          "One's own with oldPassword (a wrong one counts as a failed sign-in), another user's as an admin allowed to change that user.")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  public void changePassword(
      @PathVariable String id,
      @Valid @RequestBody PasswordChange request,
      HttpServletRequest http) {
    service.changePassword(
        CurrentScope.get(), id, request.oldPassword(), request.newPassword(), http.getRemoteAddr());
  }

  @DeleteMapping("/{id}")
  @Operation(
      summary = "Delete a user",
      description =
          "An account the caller may change; never the caller itself nor the system account.")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  public void delete(@PathVariable String id) {
    service.delete(CurrentScope.get(), id);
  }
}
