package io.switchboard.console.firewall;

import io.switchboard.api.firewall.FirewallDeploymentService;
import io.switchboard.api.firewall.FirewallDeploymentService.DeploymentRequest;
import io.switchboard.api.firewall.FirewallPolicyService;
import io.switchboard.api.firewall.FirewallPolicyService.PolicyRequest;
import io.switchboard.api.firewall.FirewallPolicyService.RuleRequest;
import io.switchboard.api.security.Action;
import io.switchboard.api.security.CurrentScope;
import io.switchboard.api.security.Permissions;
import io.switchboard.api.security.Resource;
import io.switchboard.console.web.Actions;
import io.switchboard.console.web.Form;
import io.switchboard.console.web.FormReply;
import io.switchboard.console.web.Ordered;
import io.switchboard.inventory.firewall.FirewallPolicy;
import io.switchboard.inventory.firewall.model.FirewallAction;
import io.switchboard.inventory.firewall.model.RuleDef;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The firewall policy forms, through {@link FirewallPolicyService} and {@link
 * FirewallDeploymentService}: a new policy, its rules added at the end, moved up or removed (the
 * API replaces the ordered list as a whole), and a deployment of a published version.
 */
@Controller
@RequestMapping("/console/firewall-policies")
public class FirewallForms {
  private final FirewallPolicyService policies;
  private final FirewallDeploymentService deployments;
  private final FirewallPages pages;
  private final Validator validator;

  public FirewallForms(
      FirewallPolicyService policies,
      FirewallDeploymentService deployments,
      FirewallPages pages,
      Validator validator) {
    this.policies = policies;
    this.deployments = deployments;
    this.pages = pages;
    this.validator = validator;
  }

  @PostMapping
  public String create(
      @RequestParam MultiValueMap<String, String> submitted,
      HttpServletResponse response,
      Model model,
      RedirectAttributes redirect) {
    // the role first: a role that may not act gets 403 whatever it typed
    Permissions.require(CurrentScope.get(), Action.WRITE, Resource.FIREWALL);
    Form form = Form.of(submitted);
    PolicyRequest request =
        new PolicyRequest(
            form.text("tenantId"),
            form.text("name"),
            form.text("description"),
            List.of(),
            form.list("siteIds"),
            null);
    FirewallPolicy created =
        form.submit(validator, request, r -> policies.create(CurrentScope.get(), r));
    return FormReply.of(model, response, redirect)
        .to(
            form,
            "policyForm",
            created,
            c ->
                new Actions.Done(
                    "Policy '" + c.getName() + "' created; add its rules.",
                    "/console/firewall-policies/" + c.getId()),
            () -> pages.list(PageRequest.of(0, 20), model));
  }

  /** A rule after the others: lists are comma-separated names, empty meaning "any". */
  @PostMapping("/{id}/rules")
  public String addRule(
      @PathVariable String id,
      @RequestParam MultiValueMap<String, String> submitted,
      HttpServletResponse response,
      Model model,
      RedirectAttributes redirect) {
    // the role first: a role that may not act gets 403 whatever it typed
    Permissions.require(CurrentScope.get(), Action.WRITE, Resource.FIREWALL);
    Form form = Form.of(submitted);
    RuleRequest rule =
        new RuleRequest(
            form.text("name"),
            names(form.text("fromZones")),
            names(form.text("toZones")),
            names(form.text("sources")),
            names(form.text("destinations")),
            names(form.text("applications")),
            form.choice("action", FirewallAction.class),
            form.flag("logSessionInit"),
            form.flag("logSessionClose"),
            form.flag("count"),
            true);
    form.validate(validator, rule);
    FirewallPolicy policy = policies.get(CurrentScope.get(), id);
    int index = policy.getRules().size();
    Object saved =
        form.ok()
            ? form.attempt(
                () ->
                    replace(
                        policy,
                        rules -> {
                          rules.add(rule);
                          return rules;
                        }))
            : null;
    form.unprefix("rules[" + index + "].");
    return FormReply.of(model, response, redirect)
        .to(
            form,
            "ruleForm",
            saved,
            s -> new Actions.Done("Rule '" + rule.name() + "' added.", page(id)),
            () -> pages.detail(id, model));
  }

  @PostMapping("/{id}/rules/{order}/up")
  public String moveUp(
      @PathVariable String id, @PathVariable int order, RedirectAttributes redirect) {
    return Actions.attempt(
        redirect,
        page(id),
        () -> {
          replace(policies.get(CurrentScope.get(), id), rules -> Ordered.movedUp(rules, order - 1));
          return "Rule " + order + " moved up.";
        });
  }

  @PostMapping("/{id}/rules/{order}/remove")
  public String remove(
      @PathVariable String id, @PathVariable int order, RedirectAttributes redirect) {
    return Actions.attempt(
        redirect,
        page(id),
        () -> {
          replace(policies.get(CurrentScope.get(), id), rules -> Ordered.removed(rules, order - 1));
          return "Rule " + order + " removed.";
        });
  }

  /**
   * Deploys a published version (the latest when none is named) to the policy's sites, or to some
   * of them, now or inside a maintenance window (UTC).
   */
  @PostMapping("/{id}/deploy")
  public String deploy(
      @PathVariable String id,
      @RequestParam MultiValueMap<String, String> submitted,
      HttpServletResponse response,
      Model model,
      RedirectAttributes redirect) {
    // the role first: a role that may not act gets 403 whatever it typed
    Permissions.require(CurrentScope.get(), Action.RUN, Resource.FIREWALL);
    Form form = Form.of(submitted);
    List<String> sites = form.list("siteIds");
    java.time.Instant start = form.instant("window.start");
    java.time.Instant end = form.instant("window.end");
    DeploymentRequest request =
        new DeploymentRequest(
            form.integer("version"),
            sites.isEmpty() ? null : sites,
            start == null && end == null ? null : new FirewallDeploymentService.Window(start, end),
            form.integer("batchSize"),
            form.integer("failureThresholdPercent"));
    FirewallDeploymentService.Started started =
        form.submit(validator, request, r -> deployments.deploy(CurrentScope.get(), id, r));
    form.moveErrors("siteIds", "siteIds");
    return FormReply.of(model, response, redirect)
        .to(
            form,
            "deployForm",
            started,
            s ->
                new Actions.Done(
                    "Deployment started to " + s.deployments().size() + " devices.",
                    "/console/operations/" + s.operation().getId()),
            () -> pages.detail(id, model));
  }

  private FirewallPolicy replace(FirewallPolicy policy, UnaryOperator<List<RuleRequest>> change) {
    return policies.replace(
        CurrentScope.get(),
        policy.getId(),
        new PolicyRequest(
            policy.getTenantId(),
            policy.getName(),
            policy.getDescription(),
            change.apply(rulesOf(policy)),
            List.copyOf(policy.getSiteIds()),
            policy.getPriority()));
  }

  /** A policy's rules as the API takes them back (it replaces the ordered list as a whole). */
  static List<RuleRequest> rulesOf(FirewallPolicy policy) {
    List<RuleRequest> rules = new ArrayList<>();
    for (RuleDef r : policy.getRules()) {
      rules.add(
          new RuleRequest(
              r.name(),
              r.fromZones(),
              r.toZones(),
              r.sources(),
              r.destinations(),
              r.applications(),
              r.action(),
              r.logInit(),
              r.logClose(),
              r.count(),
              r.enabled()));
    }
    return rules;
  }

  /** "trust, dmz" as the list the API takes; null (any) when empty. */
  static List<String> names(String text) {
    return text == null ? null : Form.words(text);
  }

  private static String page(String id) {
    return "/console/firewall-policies/" + id;
  }
}
