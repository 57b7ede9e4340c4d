package io.switchboard.console.overlay;

import io.switchboard.api.error.ApiException;
import io.switchboard.api.operation.OperationService;
import io.switchboard.api.sdwan.OverlayChecks;
import io.switchboard.api.sdwan.OverlayService;
import io.switchboard.api.security.CurrentScope;
import io.switchboard.console.web.Actions;
import io.switchboard.console.web.Form;
import io.switchboard.console.web.Listing;
import io.switchboard.console.web.LiveFeed;
import io.switchboard.console.web.Names;
import io.switchboard.inventory.operation.Operation;
import io.switchboard.inventory.scope.AccessScope;
import io.switchboard.inventory.sdwan.Overlay;
import io.switchboard.inventory.sdwan.OverlayMember;
import io.switchboard.inventory.sdwan.Topology;
import io.switchboard.inventory.sdwan.Tunnel;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * SD-WAN overlays: the list, and one overlay with its topology drawn (hubs, spokes, tunnels
 * coloured by state), its member sites, its tunnels (never their keys) and the operations that
 * rolled it out or moved sites in and out; a rollout starts from here for roles that may run one.
 */
@Controller
@RequestMapping("/console/overlays")
public class OverlayPages {
  private final OverlayService overlays;
  private final OverlayChecks checks;
  private final OperationService operations;
  private final Names names;
  private final LiveFeed feed;

  public OverlayPages(
      OverlayService overlays,
      OverlayChecks checks,
      OperationService operations,
      Names names,
      LiveFeed feed) {
    this.checks = checks;
    this.overlays = overlays;
    this.operations = operations;
    this.names = names;
    this.feed = feed;
  }

  @GetMapping
  public String list(Pageable pageable, Model model) {
    AccessScope scope = CurrentScope.get();
    Pageable page =
        Listing.filters().page(pageable, Set.of("name", "createdAt"), Sort.by("name"), model);
    model.addAttribute("page", overlays.list(scope, page));
    model.addAttribute("tenants", names.tenants(scope));
    model.addAttribute("topologies", Topology.values());
    model.addAttribute("sites", names.sites(scope, null));
    model.addAttribute(
        "slaProfiles", overlays.slaProfiles(scope, PageRequest.of(0, 100, Sort.by("name"))));
    Form.offer(model, "overlayForm", "slaForm");
    return "console/overlays";
  }

  @GetMapping("/{id}")
  public String detail(@PathVariable String id, Model model) {
    AccessScope scope = CurrentScope.get();
    Overlay overlay = overlays.get(scope, id);
    List<OverlayMember> members = overlays.members(id);
    List<Tunnel> tunnels = overlays.tunnels(id);
    Map<String, String> siteNames = names.sites(scope, overlay.getTenantId());
    model.addAttribute("overlay", overlay);
    model.addAttribute("tenant", names.tenants(scope).getOrDefault(overlay.getTenantId(), ""));
    model.addAttribute("members", members);
    model.addAttribute("tunnels", tunnels);
    model.addAttribute("siteNames", siteNames);
    model.addAttribute("picture", TopologyPicture.of(members, tunnels, siteNames));
    Set<String> inOverlay = new HashSet<>();
    members.stream().filter(OverlayMember::inOverlay).forEach(m -> inOverlay.add(m.getSiteId()));
    Map<String, String> joinable = new LinkedHashMap<>(siteNames);
    joinable.keySet().removeAll(inOverlay);
    model.addAttribute("joinable", joinable);
    model.addAttribute("steeringRules", overlays.steeringRules(scope, id));
    Map<String, String> slaNames = new LinkedHashMap<>();
    overlays
        .slaProfiles(scope, PageRequest.of(0, 100, Sort.by("name")))
        .filter(p -> p.getTenantId().equals(overlay.getTenantId()))
        .forEach(p -> slaNames.put(p.getId(), p.getName()));
    model.addAttribute("slaNames", slaNames);
    Form.offer(model, "steeringForm");
    if (!model.containsAttribute("renameForm")) {
      model.addAttribute("renameForm", Form.of(Map.of("name", overlay.getName())));
    }
    model.addAttribute("operations", operationsOn(scope, id));
    return "console/overlay";
  }

  /** The latest operations on the overlay (rollouts, joins, leaves), as its page lists them. */
  private Page<Operation> operationsOn(AccessScope scope, String id) {
    return operations.list(
        scope,
        null,
        null,
        null,
        null,
        null,
        Set.of(id),
        PageRequest.of(0, 20, Sort.by(Sort.Direction.DESC, "createdAt")));
  }

  /**
   * The overlay page's live updates: a "changed" event whenever the overlay's state, a member's
   * state, a tunnel's state or an operation on it changes, in the caller's scope, taken when the
   * stream opens.
   */
  @GetMapping(value = "/{id}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
  @ResponseBody
  public SseEmitter events(@PathVariable String id) {
    AccessScope scope = CurrentScope.get();
    // read once here: another tenant's overlay is 404 before any event
    signature(scope, id);
    return feed.changes(() -> signature(scope, id));
  }

  private String signature(AccessScope scope, String id) {
    Overlay overlay = overlays.get(scope, id);
    return LiveFeed.signature(
        overlay.getState(),
        overlay.getFailureReason(),
        overlays.members(id).stream()
            .map(m -> m.getSiteId() + ":" + m.getState() + ":" + m.getReason())
            .toList(),
        overlays.tunnels(id).stream().map(t -> t.getNumber() + ":" + t.getState()).toList(),
        operationsOn(scope, id).stream()
            .map(o -> o.getId() + ":" + o.getState() + ":" + o.getCurrentStep())
            .toList());
  }

  /**
   * What a rollout would do now, computed without writing anything: the tunnels it allocates and,
   * per site, the commands it would send (keys hidden). A plan the API refuses (a site without a
   * WAN link, a pool too small) is shown on the overlay's page in the API's words.
   */
  @GetMapping("/{id}/plan")
  public String plan(@PathVariable String id, Model model, RedirectAttributes redirect) {
    AccessScope scope = CurrentScope.get();
    Overlay overlay = overlays.get(scope, id);
    OverlayChecks.PlanPreview plan;
    try {
      plan = checks.plan(scope, id);
    } catch (ApiException refused) {
      if (refused.status() != HttpStatus.UNPROCESSABLE_ENTITY) {
        throw refused;
      }
      redirect.addFlashAttribute("problem", "No rollout is possible now: " + refused.getMessage());
      return "redirect:/console/overlays/" + id;
    }
    model.addAttribute("overlay", overlay);
    model.addAttribute("plan", plan);
    Map<String, String> commands = new LinkedHashMap<>();
    plan.configuration().forEach((site, lines) -> commands.put(site, String.join("\n", lines)));
    model.addAttribute("commands", commands);
    model.addAttribute("siteNames", names.sites(scope, overlay.getTenantId()));
    return "console/overlay-plan";
  }

  @PostMapping("/{id}/rollout")
  public String rollout(@PathVariable String id, RedirectAttributes redirect) {
    return Actions.attempt(
        redirect,
        "/console/overlays/" + id,
        () -> {
          Operation started = overlays.rollout(CurrentScope.get(), id, null, null);
          return "Rollout started (operation " + started.getId() + ").";
        });
  }
}
