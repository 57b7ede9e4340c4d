package io.switchboard.console.admin;

import io.switchboard.api.common.Filters;
import io.switchboard.api.error.ApiException;
import io.switchboard.api.security.CurrentScope;
import io.switchboard.api.tenancy.OpcoService;
import io.switchboard.api.tenancy.TenantService;
import io.switchboard.api.user.UserController;
import io.switchboard.api.user.UserService;
import io.switchboard.inventory.scope.AccessScope;
import io.switchboard.inventory.tenancy.OperatingCompany;
import io.switchboard.inventory.tenancy.Tenant;
import io.switchboard.inventory.user.Role;
import io.switchboard.inventory.user.UserAccount;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.web.PageableDefault;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Administration: tenants and users, listed and created through the API's services. A form is
 * checked like the API checks its body (the same request records and their constraints, then the
 * service's own rules), and every field at fault is shown beside the field with the API's words.
 */
@Controller
@RequestMapping("/console/admin")
public class AdminPages {
  private final TenantService tenants;
  private final OpcoService opcos;
  private final UserService users;
  private final Validator validator;

  public AdminPages(
      TenantService tenants, OpcoService opcos, UserService users, Validator validator) {
    this.tenants = tenants;
    this.opcos = opcos;
    this.users = users;
    this.validator = validator;
  }

  @GetMapping("/tenants")
  public String tenants(@PageableDefault(size = 20, sort = "name") Pageable pageable, Model model) {
    AccessScope scope = CurrentScope.get();
    model.addAttribute("page", tenants.list(scope, Filters.none(), byName(pageable)));
    model.addAttribute("opcos", opcoNames(scope));
    if (!model.containsAttribute("form")) {
      model.addAttribute("form", new LinkedHashMap<String, String>());
    }
    if (!model.containsAttribute("errors")) {
      model.addAttribute("errors", Map.of());
    }
    return "console/tenants";
  }

  @PostMapping("/tenants")
  public String createTenant(
      @RequestParam(required = false) String opcoId,
      @RequestParam(required = false) String name,
      @RequestParam(required = false) String description,
      HttpServletResponse response,
      Model model,
      RedirectAttributes redirect) {
    AccessScope scope = CurrentScope.get();
    TenantService.TenantRequest request =
        new TenantService.TenantRequest(
            blankToNull(opcoId), blankToNull(name), blankToNull(description));
    Map<String, String> errors = violations(request);
    if (errors.isEmpty()) {
      try {
        Tenant created = tenants.create(scope, request);
        redirect.addFlashAttribute("notice", "Tenant '" + created.getName() + "' created.");
        return "redirect:/console/admin/tenants";
      } catch (ApiException refused) {
        errors = fieldsOf(refused);
      }
    }
    Map<String, String> form = new LinkedHashMap<>();
    form.put("opcoId", opcoId);
    form.put("name", name);
    form.put("description", description);
    model.addAttribute("form", form);
    model.addAttribute("errors", errors);
    response.setStatus(HttpStatus.BAD_REQUEST.value());
    return tenants(PageRequest.of(0, 20), model);
  }

  @GetMapping("/users")
  public String users(
      @PageableDefault(size = 20, sort = "username") Pageable pageable, Model model) {
    AccessScope scope = CurrentScope.get();
    Pageable safe =
        PageRequest.of(
            pageable.getPageNumber(), Math.min(100, pageable.getPageSize()), Sort.by("username"));
    Page<UserAccount> page = users.list(scope, Filters.none(), safe);
    model.addAttribute("page", page);
    model.addAttribute("roles", Role.values());
    model.addAttribute("opcos", opcoNames(scope));
    model.addAttribute("tenants", tenantNames(scope));
    if (!model.containsAttribute("form")) {
      model.addAttribute("form", new LinkedHashMap<String, String>());
    }
    if (!model.containsAttribute("errors")) {
      model.addAttribute("errors", Map.of());
    }
    return "console/users";
  }

  @PostMapping("/users")
  public String createUser(
      @RequestParam(required = false) String username,
      @RequestParam(required = false) String password,
      @RequestParam(required = false) String role,
      @RequestParam(required = false) String opcoId,
      @RequestParam(required = false) String tenantId,
      HttpServletResponse response,
      Model model,
      RedirectAttributes redirect) {
    AccessScope scope = CurrentScope.get();
    Map<String, String> errors = new LinkedHashMap<>();
    Role parsedRole = null;
    if (role != null && !role.isBlank()) {
      try {
        parsedRole = Role.valueOf(role);
      } catch (IllegalArgumentException e) {
        errors.put("role", "must be one of " + List.of(Role.values()));
      }
    }
    UserController.UserRequest request =
        new UserController.UserRequest(
            blankToNull(username),
            password,
            parsedRole,
            blankToNull(opcoId),
            blankToNull(tenantId));
    violations(request).forEach(errors::putIfAbsent);
    if (errors.isEmpty()) {
      try {
        UserAccount created =
            users.create(
                scope,
                request.username(),
                request.password(),
                request.role(),
                request.opcoId(),
                request.tenantId());
        redirect.addFlashAttribute("notice", "User '" + created.getUsername() + "' created.");
        return "redirect:/console/admin/users";
      } catch (ApiException refused) {
        errors = fieldsOf(refused);
      }
    }
    Map<String, String> form = new LinkedHashMap<>();
    form.put("username", username);
    form.put("role", role);
    form.put("opcoId", opcoId);
    form.put("tenantId", tenantId);
    // the password is never sent back
    model.addAttribute("form", form);
    model.addAttribute("errors", errors);
    response.setStatus(HttpStatus.BAD_REQUEST.value());
    return users(PageRequest.of(0, 20), model);
  }

  private <T> Map<String, String> violations(T request) {
    Map<String, String> errors = new LinkedHashMap<>();
    Set<ConstraintViolation<T>> found = validator.validate(request);
    found.stream()
        .sorted((a, b) -> a.getPropertyPath().toString().compareTo(b.getPropertyPath().toString()))
        .forEach(v -> errors.putIfAbsent(v.getPropertyPath().toString(), v.getMessage()));
    return errors;
  }

  /** The API's refusal, by field; one without a field is shown above the form. */
  private static Map<String, String> fieldsOf(ApiException refused) {
    if (refused.status() == HttpStatus.FORBIDDEN || refused.status() == HttpStatus.NOT_FOUND) {
      throw refused;
    }
    Map<String, String> errors = new LinkedHashMap<>();
    for (ApiException.FieldProblem p : refused.problems()) {
      errors.putIfAbsent(p.field(), p.message());
    }
    if (errors.isEmpty()) {
      errors.put("form", refused.getMessage());
    }
    return errors;
  }

  private Map<String, String> opcoNames(AccessScope scope) {
    Map<String, String> names = new LinkedHashMap<>();
    try {
      for (OperatingCompany o :
          opcos.list(scope, Filters.none(), PageRequest.of(0, 200, Sort.by("name")))) {
        names.put(o.getId(), o.getName());
      }
    } catch (ApiException notVisible) {
      // a role that reads no operating companies picks none
    }
    return names;
  }

  private Map<String, String> tenantNames(AccessScope scope) {
    Map<String, String> names = new LinkedHashMap<>();
    for (Tenant t : tenants.list(scope, Filters.none(), PageRequest.of(0, 200, Sort.by("name")))) {
      names.put(t.getId(), t.getName());
    }
    return names;
  }

  private static Pageable byName(Pageable pageable) {
    return PageRequest.of(
        pageable.getPageNumber(), Math.min(100, pageable.getPageSize()), Sort.by("name"));
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }
}
