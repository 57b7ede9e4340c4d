package io.switchboard.console.admin;

import io.switchboard.api.common.Filters;
import io.switchboard.api.security.CurrentScope;
import io.switchboard.api.tenancy.TenantService;
import io.switchboard.api.user.UserController;
import io.switchboard.api.user.UserService;
import io.switchboard.console.web.Actions;
import io.switchboard.console.web.Form;
import io.switchboard.console.web.FormReply;
import io.switchboard.console.web.Names;
import io.switchboard.inventory.scope.AccessScope;
import io.switchboard.inventory.tenancy.Tenant;
import io.switchboard.inventory.user.Role;
import io.switchboard.inventory.user.UserAccount;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Validator;
import java.util.Map;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.web.PageableDefault;
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
  private final UserService users;
  private final Names names;
  private final Validator validator;

  public AdminPages(TenantService tenants, UserService users, Names names, Validator validator) {
    this.tenants = tenants;
    this.users = users;
    this.names = names;
    this.validator = validator;
  }

  @GetMapping("/tenants")
  public String tenants(@PageableDefault(size = 20, sort = "name") Pageable pageable, Model model) {
    AccessScope scope = CurrentScope.get();
    model.addAttribute("page", tenants.list(scope, Filters.none(), byName(pageable)));
    model.addAttribute("opcos", names.opcos(scope));
    showForm(model, Form.empty());
    return "console/tenants";
  }

  @PostMapping("/tenants")
  public String createTenant(
      @RequestParam Map<String, String> submitted,
      HttpServletResponse response,
      Model model,
      RedirectAttributes redirect) {
    Form form = Form.of(submitted);
    TenantService.TenantRequest request =
        new TenantService.TenantRequest(
            form.text("opcoId"), form.text("name"), form.text("description"));
    Tenant created = form.submit(validator, request, r -> tenants.create(CurrentScope.get(), r));
    return FormReply.of(model, response, redirect)
        .to(
            form,
            "tenantForm",
            created,
            c ->
                new Actions.Done("Tenant '" + c.getName() + "' created.", "/console/admin/tenants"),
            () -> {
              showForm(model, form);
              return tenants(PageRequest.of(0, 20), model);
            });
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
    model.addAttribute("opcos", names.opcos(scope));
    model.addAttribute("tenants", names.tenants(scope));
    showForm(model, Form.empty());
    return "console/users";
  }

  @PostMapping("/users")
  public String createUser(
      @RequestParam Map<String, String> submitted,
      HttpServletResponse response,
      Model model,
      RedirectAttributes redirect) {
    Form form = Form.of(submitted);
    Role role = form.choice("role", Role.class);
    UserController.UserRequest request =
        new UserController.UserRequest(
            form.text("username"),
            submitted.get("password"),
            role,
            form.text("opcoId"),
            form.text("tenantId"));
    UserAccount created =
        form.submit(
            validator,
            request,
            r ->
                users.create(
                    CurrentScope.get(),
                    r.username(),
                    r.password(),
                    r.role(),
                    r.opcoId(),
                    r.tenantId()));
    // the password is never sent back
    form.forget("password");
    return FormReply.of(model, response, redirect)
        .to(
            form,
            "userForm",
            created,
            c ->
                new Actions.Done("User '" + c.getUsername() + "' created.", "/console/admin/users"),
            () -> {
              showForm(model, form);
              return users(PageRequest.of(0, 20), model);
            });
  }

  /** The tenants and users templates read the form as {@code form} and {@code errors}. */
  private static void showForm(Model model, Form form) {
    if (!model.containsAttribute("form")) {
      model.addAttribute("form", form.getValues());
      model.addAttribute("errors", form.getErrors());
    }
  }

  private static Pageable byName(Pageable pageable) {
    return PageRequest.of(
        pageable.getPageNumber(), Math.min(100, pageable.getPageSize()), Sort.by("name"));
  }
}
