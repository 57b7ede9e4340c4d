package io.switchboard.console.site;

import io.switchboard.api.common.Filters;
import io.switchboard.api.device.DeviceService;
import io.switchboard.api.sdwan.SiteNetworkService;
import io.switchboard.api.sdwan.SiteNetworkService.LanSegmentRequest;
import io.switchboard.api.sdwan.SiteNetworkService.WanLinkRequest;
import io.switchboard.api.security.CurrentScope;
import io.switchboard.api.site.SiteService;
import io.switchboard.api.site.SiteService.SiteRequest;
import io.switchboard.api.site.SiteService.SiteUpdate;
import io.switchboard.console.web.Actions;
import io.switchboard.console.web.Form;
import io.switchboard.console.web.FormReply;
import io.switchboard.console.web.Listing;
import io.switchboard.console.web.Names;
import io.switchboard.inventory.device.Device;
import io.switchboard.inventory.scope.AccessScope;
import io.switchboard.inventory.sdwan.AccessType;
import io.switchboard.inventory.sdwan.Addressing;
import io.switchboard.inventory.site.Site;
import io.switchboard.inventory.site.SiteType;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Validator;
import java.util.Map;
import java.util.Set;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Sites: the list (by tenant, type and name, paged and sorted on the server), one site with its WAN
 * links, LAN segments and devices, and the forms that create and change them through the API's
 * services ({@link SiteService}, {@link SiteNetworkService}) with their rules and words.
 */
@Controller
@RequestMapping("/console/sites")
public class SitePages {
  private static final Set<String> SORTABLE = Set.of("name", "type", "createdAt");

  private final SiteService sites;
  private final SiteNetworkService network;
  private final DeviceService devices;
  private final Names names;
  private final Validator validator;

  public SitePages(
      SiteService sites,
      SiteNetworkService network,
      DeviceService devices,
      Names names,
      Validator validator) {
    this.sites = sites;
    this.network = network;
    this.devices = devices;
    this.names = names;
    this.validator = validator;
  }

  @GetMapping
  public String list(
      @RequestParam(required = false) String tenantId,
      @RequestParam(required = false) SiteType type,
      @RequestParam(required = false) String name,
      Pageable pageable,
      Model model) {
    AccessScope scope = CurrentScope.get();
    Pageable page =
        Listing.filters()
            .with("tenantId", tenantId)
            .with("type", type)
            .with("name", name)
            .page(pageable, SORTABLE, Sort.by("name"), model);
    model.addAttribute(
        "page",
        sites.list(
            scope,
            Filters.<Site>equal("tenantId", Form.trimmed(tenantId))
                .and(Filters.equal("type", type))
                .and(Filters.containsIgnoreCase("name", Form.trimmed(name))),
            page));
    model.addAttribute("tenants", names.tenants(scope));
    model.addAttribute("types", SiteType.values());
    Form.offer(model, "siteForm");
    return "console/sites";
  }

  @PostMapping
  public String create(
      @RequestParam Map<String, String> submitted,
      HttpServletResponse response,
      Model model,
      RedirectAttributes redirect) {
    Form form = Form.of(submitted);
    SiteRequest request =
        new SiteRequest(
            form.text("tenantId"),
            form.text("name"),
            form.choice("type", SiteType.class),
            form.text("address"),
            form.text("targetSoftwareVersion"));
    Site created = form.submit(validator, request, r -> sites.create(CurrentScope.get(), r));
    return FormReply.of(model, response, redirect)
        .to(
            form,
            "siteForm",
            created,
            c ->
                new Actions.Done(
                    "Site '" + c.getName() + "' created.", "/console/sites/" + c.getId()),
            () -> list(null, null, null, PageRequest.of(0, 20), model));
  }

  @GetMapping("/{id}")
  public String detail(@PathVariable String id, Model model) {
    AccessScope scope = CurrentScope.get();
    Site site = sites.get(scope, id);
    model.addAttribute("site", site);
    model.addAttribute("tenant", names.tenants(scope).getOrDefault(site.getTenantId(), ""));
    model.addAttribute("wanLinks", network.wanLinks(scope, id));
    model.addAttribute("lanSegments", network.lanSegments(scope, id));
    model.addAttribute(
        "devices",
        devices.list(
            scope,
            Filters.<Device>equal("siteId", id),
            PageRequest.of(0, 50, Sort.by("serialNumber"))));
    model.addAttribute("types", SiteType.values());
    model.addAttribute("accessTypes", AccessType.values());
    model.addAttribute("addressings", Addressing.values());
    if (!model.containsAttribute("editForm")) {
      Map<String, String> current = new java.util.HashMap<>();
      current.put("name", site.getName());
      current.put("type", site.getType().name());
      current.put("address", site.getAddress());
      current.put("targetSoftwareVersion", site.getTargetSoftwareVersion());
      model.addAttribute("editForm", Form.of(current));
    }
    Form.offer(model, "wanForm", "lanForm");
    return "console/site";
  }

  @PostMapping("/{id}")
  public String update(
      @PathVariable String id,
      @RequestParam Map<String, String> submitted,
      HttpServletResponse response,
      Model model,
      RedirectAttributes redirect) {
    Form form = Form.of(submitted);
    SiteUpdate request =
        new SiteUpdate(
            form.text("name"),
            form.choice("type", SiteType.class),
            form.text("address"),
            form.text("targetSoftwareVersion"));
    Site saved =
        form.submit(validator, request, r -> sites.update(CurrentScope.get(), id, current -> r));
    return back(id, form, "editForm", saved, "Site saved.", model, response, redirect);
  }

  @PostMapping("/{id}/wan-links")
  public String addWanLink(
      @PathVariable String id,
      @RequestParam Map<String, String> submitted,
      HttpServletResponse response,
      Model model,
      RedirectAttributes redirect) {
    Form form = Form.of(submitted);
    WanLinkRequest request =
        new WanLinkRequest(
            form.text("interfaceName"),
            form.choice("accessType", AccessType.class),
            form.choice("addressing", Addressing.class),
            form.text("address"),
            form.text("gateway"),
            form.text("publicAddress"),
            form.text("pathLabel"),
            form.decimal("monthlyCost"),
            form.integer("priority"));
    Object saved =
        form.submit(validator, request, r -> network.createWanLink(CurrentScope.get(), id, r));
    String notice = "WAN link " + request.interfaceName() + " added.";
    return back(id, form, "wanForm", saved, notice, model, response, redirect);
  }

  @PostMapping("/{id}/lan-segments")
  public String addLanSegment(
      @PathVariable String id,
      @RequestParam Map<String, String> submitted,
      HttpServletResponse response,
      Model model,
      RedirectAttributes redirect) {
    Form form = Form.of(submitted);
    LanSegmentRequest request =
        new LanSegmentRequest(
            form.text("name"), form.integer("vlanId"), form.text("prefix"), form.flag("dhcp"));
    Object saved =
        form.submit(validator, request, r -> network.createLanSegment(CurrentScope.get(), id, r));
    String notice = "LAN segment '" + request.name() + "' added.";
    return back(id, form, "lanForm", saved, notice, model, response, redirect);
  }

  /** Deletes a site without devices; the API's 409 while it has some shows on its page. */
  @PostMapping("/{id}/delete")
  public String delete(@PathVariable String id, RedirectAttributes redirect) {
    Site site = sites.get(CurrentScope.get(), id);
    return Actions.attempt(
        redirect,
        "/console/sites",
        "/console/sites/" + id,
        () -> {
          sites.delete(CurrentScope.get(), id);
          return "Site '" + site.getName() + "' deleted.";
        });
  }

  @PostMapping("/{id}/wan-links/{linkId}/delete")
  public String deleteWanLink(
      @PathVariable String id, @PathVariable String linkId, RedirectAttributes redirect) {
    return Actions.attempt(
        redirect,
        "/console/sites/" + id,
        () -> {
          network.deleteWanLink(CurrentScope.get(), id, linkId);
          return "WAN link deleted.";
        });
  }

  /** Back to the site: with a notice when saved, the refused form beside its fields otherwise. */
  private String back(
      String id,
      Form form,
      String name,
      Object saved,
      String notice,
      Model model,
      HttpServletResponse response,
      RedirectAttributes redirect) {
    return FormReply.of(model, response, redirect)
        .to(
            form,
            name,
            saved,
            s -> new Actions.Done(notice, "/console/sites/" + id),
            () -> detail(id, model));
  }
}
