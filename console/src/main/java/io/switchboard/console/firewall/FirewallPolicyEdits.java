package io.switchboard.console.firewall;

import io.switchboard.api.firewall.FirewallPolicyService;
import io.switchboard.api.firewall.FirewallPolicyService.PolicyRequest;
import io.switchboard.api.security.Action;
import io.switchboard.api.security.CurrentScope;
import io.switchboard.api.security.Permissions;
import io.switchboard.api.security.Resource;
import io.switchboard.console.web.Actions;
import io.switchboard.console.web.Form;
import io.switchboard.console.web.FormReply;
import io.switchboard.inventory.firewall.FirewallPolicy;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Validator;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A firewall policy changed or deleted through {@link FirewallPolicyService}: its name,
 * description, sites and priority (its rules stay as they are: the API replaces the policy as a
 * whole, so they are sent back unchanged), and its deletion, which the API refuses (409, in its
 * words on the page) once the policy has been deployed.
 */
@Controller
@RequestMapping("/console/firewall-policies")
public class FirewallPolicyEdits {
  private final FirewallPolicyService policies;
  private final FirewallPages pages;
  private final Validator validator;

  public FirewallPolicyEdits(
      FirewallPolicyService policies, FirewallPages pages, Validator validator) {
    this.policies = policies;
    this.pages = pages;
    this.validator = validator;
  }

  @PostMapping("/{id}/edit")
  public String edit(
      @PathVariable String id,
      @RequestParam MultiValueMap<String, String> submitted,
      HttpServletResponse response,
      Model model,
      RedirectAttributes redirect) {
    // the role first: a role that may not act gets 403 whatever it typed
    Permissions.require(CurrentScope.get(), Action.WRITE, Resource.FIREWALL);
    // another tenant's policy is "not found" before anything is said about the form
    FirewallPolicy policy = policies.get(CurrentScope.get(), id);
    Form form = Form.of(submitted);
    PolicyRequest request =
        new PolicyRequest(
            policy.getTenantId(),
            form.text("name"),
            form.text("description"),
            FirewallForms.rulesOf(policy),
            form.list("siteIds"),
            form.integer("priority"));
    FirewallPolicy saved =
        form.submit(validator, request, r -> policies.replace(CurrentScope.get(), id, r));
    return FormReply.of(model, response, redirect)
        .to(
            form,
            "editForm",
            saved,
            p ->
                new Actions.Done(
                    "Policy '" + p.getName() + "' saved.", "/console/firewall-policies/" + id),
            () -> pages.detail(id, model));
  }

  @PostMapping("/{id}/delete")
  public String delete(@PathVariable String id, RedirectAttributes redirect) {
    return Actions.attempt(
        redirect,
        "/console/firewall-policies",
        "/console/firewall-policies/" + id,
        () -> {
          policies.delete(CurrentScope.get(), id);
          return "Policy deleted.";
        });
  }
}
