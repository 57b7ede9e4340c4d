package io.switchboard.console.overlay;

import io.switchboard.api.error.ApiException;
import io.switchboard.api.sdwan.OverlayService;
import io.switchboard.api.sdwan.OverlayService.OverlayRequest;
import io.switchboard.api.sdwan.OverlayService.SlaProfileRequest;
import io.switchboard.api.sdwan.OverlayService.SteeringRuleRequest;
import io.switchboard.api.security.Action;
import io.switchboard.api.security.CurrentScope;
import io.switchboard.api.security.Permissions;
import io.switchboard.api.security.Resource;
import io.switchboard.console.web.Actions;
import io.switchboard.console.web.Form;
import io.switchboard.console.web.FormReply;
import io.switchboard.console.web.Ordered;
import io.switchboard.inventory.operation.Operation;
import io.switchboard.inventory.sdwan.Overlay;
import io.switchboard.inventory.sdwan.SlaProfile;
import io.switchboard.inventory.sdwan.SteeringRule;
import io.switchboard.inventory.sdwan.Topology;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.List;
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
 * The SD-WAN forms, through {@link OverlayService} with its rules and words: a new overlay, an SLA
 * profile, a site joining or leaving an overlay, and the overlay's steering rules (added at the
 * end, moved up, removed: the API replaces the ordered list as a whole).
 */
@Controller
@RequestMapping("/console/overlays")
public class OverlayForms {
  private final OverlayService overlays;
  private final OverlayPages pages;
  private final Validator validator;

  public OverlayForms(OverlayService overlays, OverlayPages pages, Validator validator) {
    this.overlays = overlays;
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
    Permissions.require(CurrentScope.get(), Action.WRITE, Resource.NETWORK);
    Form form = Form.of(submitted);
    OverlayRequest request =
        new OverlayRequest(
            form.text("tenantId"),
            form.text("name"),
            form.choice("topology", Topology.class),
            form.list("hubSiteIds"),
            form.list("siteIds"),
            form.text("tunnelPool"));
    Overlay created = form.submit(validator, request, r -> overlays.create(CurrentScope.get(), r));
    return FormReply.of(model, response, redirect)
        .to(
            form,
            "overlayForm",
            created,
            c ->
                new Actions.Done(
                    "Overlay '" + c.getName() + "' created.", "/console/overlays/" + c.getId()),
            () -> pages.list(PageRequest.of(0, 20), model));
  }

  @PostMapping("/sla-profiles")
  public String createSlaProfile(
      @RequestParam MultiValueMap<String, String> submitted,
      HttpServletResponse response,
      Model model,
      RedirectAttributes redirect) {
    // the role first: a role that may not act gets 403 whatever it typed
    Permissions.require(CurrentScope.get(), Action.WRITE, Resource.NETWORK);
    Form form = Form.of(submitted);
    SlaProfileRequest request =
        new SlaProfileRequest(
            form.text("tenantId"),
            form.text("name"),
            form.integer("maxLossPercent"),
            form.integer("maxRttMs"),
            form.integer("maxJitterMs"),
            form.text("preferredPathLabel"));
    SlaProfile created =
        form.submit(validator, request, r -> overlays.createSlaProfile(CurrentScope.get(), r));
    return FormReply.of(model, response, redirect)
        .to(
            form,
            "slaForm",
            created,
            c ->
                new Actions.Done("SLA profile '" + c.getName() + "' created.", "/console/overlays"),
            () -> pages.list(PageRequest.of(0, 20), model));
  }

  @PostMapping("/{id}/sites")
  public String join(
      @PathVariable String id,
      @RequestParam(required = false) String siteId,
      RedirectAttributes redirect) {
    return Actions.attempt(
        redirect,
        "/console/overlays/" + id,
        () -> {
          String site = Form.trimmed(siteId);
          if (site == null) {
            // another tenant's overlay is "not found" before anything is said about the form
            overlays.get(CurrentScope.get(), id);
            throw ApiException.invalid("siteId", "pick a site to add");
          }
          Operation started = overlays.join(CurrentScope.get(), id, site);
          return "The site is joining (operation " + started.getId() + ").";
        });
  }

  @PostMapping("/{id}/sites/{siteId}/leave")
  public String leave(
      @PathVariable String id, @PathVariable String siteId, RedirectAttributes redirect) {
    return Actions.attempt(
        redirect,
        "/console/overlays/" + id,
        () -> {
          Operation started = overlays.leave(CurrentScope.get(), id, siteId);
          return "The site is leaving (operation " + started.getId() + ").";
        });
  }

  /** A new steering rule after the others; the API's words about it shown beside its fields. */
  @PostMapping("/{id}/steering-rules")
  public String addRule(
      @PathVariable String id,
      @RequestParam MultiValueMap<String, String> submitted,
      HttpServletResponse response,
      Model model,
      RedirectAttributes redirect) {
    // the role first: a role that may not act gets 403 whatever it typed
    Permissions.require(CurrentScope.get(), Action.WRITE, Resource.NETWORK);
    Form form = Form.of(submitted);
    SteeringRuleRequest rule =
        new SteeringRuleRequest(
            form.text("application"), form.integer("dscp"), form.text("slaProfileId"));
    form.validate(validator, rule);
    List<SteeringRuleRequest> rules = current(id);
    int index = rules.size();
    rules.add(rule);
    Object saved = form.ok() ? form.attempt(() -> replace(id, rules)) : null;
    form.unprefix("[" + index + "].");
    return FormReply.of(model, response, redirect)
        .to(
            form,
            "steeringForm",
            saved,
            s -> new Actions.Done("Steering rule added.", "/console/overlays/" + id),
            () -> pages.detail(id, model));
  }

  @PostMapping("/{id}/steering-rules/{order}/up")
  public String moveUp(
      @PathVariable String id, @PathVariable int order, RedirectAttributes redirect) {
    return Actions.attempt(
        redirect,
        "/console/overlays/" + id,
        () -> {
          replace(id, Ordered.movedUp(current(id), order - 1));
          return "Steering rule " + order + " moved up.";
        });
  }

  @PostMapping("/{id}/steering-rules/{order}/remove")
  public String remove(
      @PathVariable String id, @PathVariable int order, RedirectAttributes redirect) {
    return Actions.attempt(
        redirect,
        "/console/overlays/" + id,
        () -> {
          replace(id, Ordered.removed(current(id), order - 1));
          return "Steering rule " + order + " removed.";
        });
  }

  private List<SteeringRuleRequest> current(String id) {
    List<SteeringRuleRequest> rules = new ArrayList<>();
    for (SteeringRule r : overlays.steeringRules(CurrentScope.get(), id)) {
      rules.add(new SteeringRuleRequest(r.getApplication(), r.getDscp(), r.getSlaProfileId()));
    }
    return rules;
  }

  private List<SteeringRule> replace(String id, List<SteeringRuleRequest> rules) {
    return overlays.replaceSteeringRules(CurrentScope.get(), id, rules);
  }
}
