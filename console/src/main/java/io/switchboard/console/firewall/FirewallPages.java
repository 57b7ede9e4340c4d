package io.switchboard.console.firewall;

import io.switchboard.api.firewall.FirewallPolicyService;
import io.switchboard.api.security.CurrentScope;
import io.switchboard.console.web.Actions;
import io.switchboard.console.web.Form;
import io.switchboard.console.web.Listing;
import io.switchboard.console.web.Names;
import io.switchboard.inventory.firewall.FirewallPolicy;
import io.switchboard.inventory.firewall.PolicyDeployment;
import io.switchboard.inventory.firewall.PolicyVersion;
import io.switchboard.inventory.firewall.SnapshotJson;
import io.switchboard.inventory.firewall.model.FirewallAction;
import io.switchboard.inventory.firewall.model.RuleDef;
import io.switchboard.inventory.scope.AccessScope;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Firewall policies: the list, and one policy with its rules in the order the device evaluates
 * them, its published versions (each with the rules it froze), and its deployments with each
 * device's result and message; publishing a version is offered to roles that may write policies.
 */
@Controller
@RequestMapping("/console/firewall-policies")
public class FirewallPages {
  private final FirewallPolicyService policies;
  private final Names names;

  public FirewallPages(FirewallPolicyService policies, Names names) {
    this.policies = policies;
    this.names = names;
  }

  @GetMapping
  public String list(Pageable pageable, Model model) {
    AccessScope scope = CurrentScope.get();
    Pageable page =
        Listing.filters().page(pageable, Set.of("name", "createdAt"), Sort.by("name"), model);
    model.addAttribute("page", policies.list(scope, page));
    model.addAttribute("tenants", names.tenants(scope));
    model.addAttribute("sites", names.sites(scope, null));
    Form.offer(model, "policyForm");
    return "console/firewall-policies";
  }

  /** A published version and the rules it froze. */
  public record Version(PolicyVersion version, List<RuleDef> rules) {}

  @GetMapping("/{id}")
  public String detail(@PathVariable String id, Model model) {
    AccessScope scope = CurrentScope.get();
    FirewallPolicy policy = policies.get(scope, id);
    model.addAttribute("policy", policy);
    model.addAttribute("tenant", names.tenants(scope).getOrDefault(policy.getTenantId(), ""));
    Map<String, String> siteNames = names.sites(scope, policy.getTenantId());
    model.addAttribute("siteNames", siteNames);
    Map<String, String> policySites = new LinkedHashMap<>();
    policy.getSiteIds().forEach(s -> policySites.put(s, siteNames.getOrDefault(s, s)));
    model.addAttribute("policySites", policySites);
    model.addAttribute(
        "versions",
        policies.versions(scope, id).stream()
            .map(v -> new Version(v, SnapshotJson.read(v.getSnapshotJson()).rules()))
            .toList());
    List<PolicyDeployment> deployments = policies.deployments(scope, id);
    model.addAttribute("deployments", deployments);
    model.addAttribute(
        "serials",
        names.serials(scope, deployments.stream().map(PolicyDeployment::getDeviceId).toList()));
    model.addAttribute("actions", FirewallAction.values());
    if (!model.containsAttribute("editForm")) {
      org.springframework.util.LinkedMultiValueMap<String, String> current =
          new org.springframework.util.LinkedMultiValueMap<>();
      current.add("name", policy.getName());
      if (policy.getDescription() != null) {
        current.add("description", policy.getDescription());
      }
      current.add("priority", String.valueOf(policy.getPriority()));
      policy.getSiteIds().forEach(site -> current.add("siteIds", site));
      model.addAttribute("editForm", Form.of(current));
    }
    Form.offer(model, "ruleForm", "deployForm");
    return "console/firewall-policy";
  }

  @PostMapping("/{id}/publish")
  public String publish(@PathVariable String id, RedirectAttributes redirect) {
    return Actions.attempt(
        redirect,
        "/console/firewall-policies/" + id,
        () ->
            "Version "
                + policies.publish(CurrentScope.get(), id).getNumber()
                + " published: deployments use it from now on.");
  }
}
