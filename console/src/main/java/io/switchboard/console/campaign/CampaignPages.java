package io.switchboard.console.campaign;

import io.switchboard.api.campaign.CampaignService;
import io.switchboard.api.common.Filters;
import io.switchboard.api.device.DeviceModelService;
import io.switchboard.api.image.ImageService;
import io.switchboard.api.security.CurrentScope;
import io.switchboard.console.web.Actions;
import io.switchboard.console.web.Form;
import io.switchboard.console.web.Listing;
import io.switchboard.console.web.LiveFeed;
import io.switchboard.console.web.Names;
import io.switchboard.inventory.campaign.CampaignDevice;
import io.switchboard.inventory.campaign.CampaignDeviceStatus;
import io.switchboard.inventory.campaign.CampaignState;
import io.switchboard.inventory.campaign.UpgradeCampaign;
import io.switchboard.inventory.device.DeviceModel;
import io.switchboard.inventory.image.SoftwareImage;
import io.switchboard.inventory.operation.Operation;
import io.switchboard.inventory.scope.AccessScope;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Upgrade campaigns: the list, and one campaign with its waves (counts per status), each device's
 * status and message (a page at a time), and the steering the API offers (pause, resume, cancel,
 * approve or refuse the next wave) for roles that may run campaigns, through {@link
 * CampaignService}.
 */
@Controller
@RequestMapping("/console/campaigns")
public class CampaignPages {
  /** Devices of a campaign shown per page. */
  static final int DEVICES_PAGE = 50;

  private final CampaignService campaigns;
  private final Names names;
  private final ImageService images;
  private final DeviceModelService models;
  private final LiveFeed feed;

  public CampaignPages(
      CampaignService campaigns,
      Names names,
      ImageService images,
      DeviceModelService models,
      LiveFeed feed) {
    this.campaigns = campaigns;
    this.names = names;
    this.images = images;
    this.models = models;
    this.feed = feed;
  }

  @GetMapping
  public String list(
      @RequestParam(required = false) String tenantId,
      @RequestParam(required = false) CampaignState state,
      Pageable pageable,
      Model model) {
    AccessScope scope = CurrentScope.get();
    Pageable page =
        Listing.filters()
            .with("tenantId", tenantId)
            .with("state", state)
            .page(
                pageable,
                Set.of("createdAt", "name", "state"),
                Sort.by(Sort.Direction.DESC, "createdAt"),
                model);
    model.addAttribute(
        "page",
        campaigns.list(
            scope,
            Filters.<UpgradeCampaign>equal("tenantId", Form.trimmed(tenantId))
                .and(Filters.equal("state", state)),
            page));
    model.addAttribute("tenants", names.tenants(scope));
    model.addAttribute("states", CampaignState.values());
    model.addAttribute("sites", names.sites(scope, null));
    Map<String, String> versions = new LinkedHashMap<>();
    images
        .list(
            scope,
            Filters.<SoftwareImage>none(),
            PageRequest.of(0, 100, Sort.by("modelFamily", "version")))
        .forEach(i -> versions.put(i.getId(), i.getModelFamily() + " " + i.getVersion()));
    model.addAttribute("images", versions);
    Map<String, String> modelNames = new LinkedHashMap<>();
    models
        .list(scope, Filters.<DeviceModel>none(), PageRequest.of(0, 100, Sort.by("name")))
        .forEach(m -> modelNames.put(m.getId(), m.getName()));
    model.addAttribute("models", modelNames);
    model.addAttribute("devices", names.devices(scope));
    Form.offer(model, "campaignForm");
    return "console/campaigns";
  }

  /** One wave: its number, whether it is the canary, and how many devices are at each status. */
  public record Wave(int number, boolean canary, Map<CampaignDeviceStatus, Integer> counts) {}

  /** One device's line: its serial where the caller sees the device. */
  public record Line(CampaignDevice device, String serial) {}

  @GetMapping("/{id}")
  public String detail(
      @PathVariable String id, @RequestParam(defaultValue = "0") int page, Model model) {
    AccessScope scope = CurrentScope.get();
    CampaignService.Detail detail = campaigns.get(scope, id);
    UpgradeCampaign campaign = detail.campaign();
    Map<Integer, Wave> waves = new TreeMap<>();
    Map<CampaignDeviceStatus, Integer> totals = zero();
    for (CampaignDevice d : detail.devices()) {
      totals.merge(d.getStatus(), 1, Integer::sum);
      if (d.getWaveNumber() > 0) {
        waves
            .computeIfAbsent(d.getWaveNumber(), n -> new Wave(n, n == 1, zero()))
            .counts()
            .merge(d.getStatus(), 1, Integer::sum);
      }
    }
    List<CampaignDevice> all = detail.devices();
    int from = Math.min(all.size(), Math.max(0, page) * DEVICES_PAGE);
    List<CampaignDevice> shown = all.subList(from, Math.min(all.size(), from + DEVICES_PAGE));
    Map<String, String> serials =
        names.serials(scope, shown.stream().map(CampaignDevice::getDeviceId).toList());
    List<Line> lines = new ArrayList<>();
    for (CampaignDevice d : shown) {
      lines.add(new Line(d, serials.get(d.getDeviceId())));
    }
    Page<Line> linePage =
        new PageImpl<>(lines, PageRequest.of(Math.max(0, page), DEVICES_PAGE), all.size());
    model.addAttribute("campaign", campaign);
    model.addAttribute("operation", detail.operation());
    // null for campaigns planned before maxParallel existed: their waves start all at once
    model.addAttribute("maxParallel", detail.maxParallel());
    model.addAttribute("tenant", names.tenants(scope).getOrDefault(campaign.getTenantId(), ""));
    model.addAttribute("waves", waves.values());
    model.addAttribute("totals", totals);
    model.addAttribute("statuses", CampaignDeviceStatus.values());
    model.addAttribute("lines", linePage);
    return "console/campaign";
  }

  /**
   * The campaign page's live updates: a "changed" event whenever its state, its operation or a
   * device's status or message changes, in the caller's scope, taken when the stream opens.
   */
  @GetMapping(value = "/{id}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
  @ResponseBody
  public SseEmitter events(@PathVariable String id) {
    AccessScope scope = CurrentScope.get();
    // read once here: another tenant's campaign is 404 before any event
    signature(scope, id);
    return feed.changes(() -> signature(scope, id));
  }

  private String signature(AccessScope scope, String id) {
    CampaignService.Detail detail = campaigns.get(scope, id);
    UpgradeCampaign c = detail.campaign();
    Operation op = detail.operation();
    return LiveFeed.signature(
        c.getState(),
        c.getStopReason(),
        op == null ? null : op.getState() + ":" + op.getCurrentStep() + ":" + op.isAttention(),
        detail.devices().stream()
            .map(d -> d.getDeviceId() + ":" + d.getStatus() + ":" + d.getMessage())
            .toList());
  }

  @PostMapping("/{id}/pause")
  public String pause(@PathVariable String id, RedirectAttributes redirect) {
    return Actions.attempt(
        redirect,
        page(id),
        () -> {
          campaigns.pause(CurrentScope.get(), id);
          return "Paused: no further wave starts until it is resumed.";
        });
  }

  @PostMapping("/{id}/resume")
  public String resume(@PathVariable String id, RedirectAttributes redirect) {
    return Actions.attempt(
        redirect,
        page(id),
        () -> {
          campaigns.resume(CurrentScope.get(), id);
          return "Resumed.";
        });
  }

  @PostMapping("/{id}/cancel")
  public String cancel(@PathVariable String id, RedirectAttributes redirect) {
    return Actions.attempt(
        redirect,
        page(id),
        () -> {
          campaigns.cancel(CurrentScope.get(), id);
          return "Cancelled: upgrades under way finish or roll back; no further device starts.";
        });
  }

  @PostMapping("/{id}/approve")
  public String approve(
      @PathVariable String id,
      @RequestParam(defaultValue = "true") boolean approved,
      @RequestParam(required = false) String comment,
      RedirectAttributes redirect) {
    return Actions.attempt(
        redirect,
        page(id),
        () -> {
          campaigns.approve(CurrentScope.get(), id, approved, Form.trimmed(comment));
          return approved ? "Approved: the next wave starts." : "Refused: the campaign stops.";
        });
  }

  private static String page(String id) {
    return "/console/campaigns/" + id;
  }

  private static Map<CampaignDeviceStatus, Integer> zero() {
    Map<CampaignDeviceStatus, Integer> counts = new EnumMap<>(CampaignDeviceStatus.class);
    for (CampaignDeviceStatus s : CampaignDeviceStatus.values()) {
      counts.put(s, 0);
    }
    return counts;
  }
}
