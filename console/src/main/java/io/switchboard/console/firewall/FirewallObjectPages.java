package io.switchboard.console.firewall;

import io.switchboard.api.firewall.FirewallObjectService;
import io.switchboard.api.firewall.FirewallObjectService.AddressRequest;
import io.switchboard.api.firewall.FirewallObjectService.ApplicationRequest;
import io.switchboard.api.firewall.FirewallObjectService.GroupRequest;
import io.switchboard.api.security.Action;
import io.switchboard.api.security.CurrentScope;
import io.switchboard.api.security.Permissions;
import io.switchboard.api.security.Resource;
import io.switchboard.console.web.Actions;
import io.switchboard.console.web.Form;
import io.switchboard.console.web.FormReply;
import io.switchboard.console.web.Names;
import io.switchboard.inventory.firewall.model.AddressKind;
import io.switchboard.inventory.scope.AccessScope;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Validator;
import java.util.Map;
import java.util.function.Function;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A tenant's firewall objects, which policy rules name: address objects, address groups and custom
 * applications, listed and created through {@link FirewallObjectService} with its rules and words.
 */
@Controller
@RequestMapping("/console/firewall-objects")
public class FirewallObjectPages {
  private static final Pageable FIRST = PageRequest.of(0, 100, Sort.by("name"));

  private final FirewallObjectService objects;
  private final Names names;
  private final Validator validator;

  public FirewallObjectPages(FirewallObjectService objects, Names names, Validator validator) {
    this.objects = objects;
    this.names = names;
    this.validator = validator;
  }

  @GetMapping
  public String list(Model model) {
    AccessScope scope = CurrentScope.get();
    model.addAttribute("addresses", objects.addresses(scope, FIRST));
    model.addAttribute("groups", objects.addressGroups(scope, FIRST));
    model.addAttribute("applications", objects.applications(scope, FIRST));
    model.addAttribute("tenants", names.tenants(scope));
    model.addAttribute("kinds", AddressKind.values());
    model.addAttribute("protocols", java.util.List.of("tcp", "udp", "icmp"));
    Form.offer(model, "addressForm", "groupForm", "applicationForm");
    return "console/firewall-objects";
  }

  @PostMapping("/addresses")
  public String createAddress(
      @RequestParam Map<String, String> submitted,
      HttpServletResponse response,
      Model model,
      RedirectAttributes redirect) {
    // the role first: a role that may not act gets 403 whatever it typed
    Permissions.require(CurrentScope.get(), Action.WRITE, Resource.FIREWALL);
    Form form = Form.of(submitted);
    AddressRequest request =
        new AddressRequest(
            form.text("tenantId"),
            form.text("name"),
            form.choice("kind", AddressKind.class),
            form.text("value"),
            form.text("valueTo"));
    return created(
        form,
        "addressForm",
        "Address",
        request,
        r -> objects.createAddress(CurrentScope.get(), r).getName(),
        model,
        response,
        redirect);
  }

  @PostMapping("/address-groups")
  public String createGroup(
      @RequestParam Map<String, String> submitted,
      HttpServletResponse response,
      Model model,
      RedirectAttributes redirect) {
    // the role first: a role that may not act gets 403 whatever it typed
    Permissions.require(CurrentScope.get(), Action.WRITE, Resource.FIREWALL);
    Form form = Form.of(submitted);
    GroupRequest request =
        new GroupRequest(
            form.text("tenantId"), form.text("name"), FirewallForms.names(form.text("members")));
    return created(
        form,
        "groupForm",
        "Address group",
        request,
        r -> objects.createAddressGroup(CurrentScope.get(), r).getName(),
        model,
        response,
        redirect);
  }

  @PostMapping("/applications")
  public String createApplication(
      @RequestParam Map<String, String> submitted,
      HttpServletResponse response,
      Model model,
      RedirectAttributes redirect) {
    // the role first: a role that may not act gets 403 whatever it typed
    Permissions.require(CurrentScope.get(), Action.WRITE, Resource.FIREWALL);
    Form form = Form.of(submitted);
    ApplicationRequest request =
        new ApplicationRequest(
            form.text("tenantId"),
            form.text("name"),
            form.text("protocol"),
            form.text("destinationPort"));
    return created(
        form,
        "applicationForm",
        "Application",
        request,
        r -> objects.createApplication(CurrentScope.get(), r).getName(),
        model,
        response,
        redirect);
  }

  /** The object created (its name in the notice), or the form again beside its fields. */
  private <R> String created(
      Form form,
      String formName,
      String what,
      R request,
      Function<R, String> create,
      Model model,
      HttpServletResponse response,
      RedirectAttributes redirect) {
    String name = form.submit(validator, request, create);
    return FormReply.of(model, response, redirect)
        .to(
            form,
            formName,
            name,
            n -> new Actions.Done(what + " '" + n + "' created.", "/console/firewall-objects"),
            () -> list(model));
  }
}
