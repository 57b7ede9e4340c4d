package io.switchboard.console.campaign;

import io.switchboard.api.campaign.CampaignController.CampaignRequest;
import io.switchboard.api.campaign.CampaignController.Selection;
import io.switchboard.api.campaign.CampaignController.Window;
import io.switchboard.api.campaign.CampaignService;
import io.switchboard.api.security.Action;
import io.switchboard.api.security.CurrentScope;
import io.switchboard.api.security.Permissions;
import io.switchboard.api.security.Resource;
import io.switchboard.console.web.Actions;
import io.switchboard.console.web.Form;
import io.switchboard.console.web.FormReply;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Validator;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A new upgrade campaign through {@link CampaignService#create}, checked like the API's body: the
 * image, the devices (by site, model, current version, by name; the canary devices), the waves as
 * Ansible's {@code serial} ("1, 5, 20%"), the failure budgets, approval, the maintenance window
 * (UTC) and the reboot timeout.
 */
@Controller
@RequestMapping("/console/campaigns")
public class CampaignForms {
  private final CampaignService campaigns;
  private final CampaignPages pages;
  private final Validator validator;

  public CampaignForms(CampaignService campaigns, CampaignPages pages, Validator validator) {
    this.campaigns = campaigns;
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
    Permissions.require(CurrentScope.get(), Action.WRITE, Resource.CAMPAIGNS);
    Form form = Form.of(submitted);
    Instant start = form.instant("window.start");
    Instant end = form.instant("window.end");
    CampaignRequest request =
        new CampaignRequest(
            form.text("tenantId"),
            form.text("name"),
            form.text("imageId"),
            selection(form),
            orNull(form.list("canaryDeviceIds")),
            serial(form.text("serial")),
            form.number("maxFailurePercent"),
            form.number("campaignMaxFailurePercent"),
            form.text("soakTime"),
            form.flag("approvalRequired"),
            form.text("approver"),
            start == null && end == null ? null : new Window(start, end),
            form.text("rebootTimeout"),
            form.integer("maxParallel"));
    CampaignService.Detail created =
        form.submit(validator, request, r -> campaigns.create(CurrentScope.get(), r));
    // the API's selection is one object; the form has a field for each of its parts
    form.moveErrors("selection.siteIds", "siteIds")
        .moveErrors("selection.modelIds", "modelIds")
        .moveErrors("selection.currentVersions", "currentVersions")
        .moveErrors("selection.deviceIds", "deviceIds")
        .moveErrors("selection", "form")
        .moveErrors("canaryDeviceIds", "canaryDeviceIds");
    return FormReply.of(model, response, redirect)
        .to(
            form,
            "campaignForm",
            created,
            c ->
                new Actions.Done(
                    "Campaign '"
                        + c.campaign().getName()
                        + "' started with "
                        + c.devices().size()
                        + " devices.",
                    "/console/campaigns/" + c.campaign().getId()),
            () -> pages.list(null, null, PageRequest.of(0, 20), model));
  }

  /**
   * Which devices of the tenant: by site, model, current version and by name (each narrows the
   * others, as the API's selection does); none of them, every device of the tenant.
   */
  private static Selection selection(Form form) {
    List<String> sites = orNull(form.list("siteIds"));
    List<String> models = orNull(form.list("modelIds"));
    List<String> versions = orNull(Form.words(form.text("currentVersions")));
    List<String> devices = orNull(form.list("deviceIds"));
    if (sites == null && models == null && versions == null && devices == null) {
      return null;
    }
    return new Selection(sites, models, versions, devices);
  }

  private static List<String> orNull(List<String> values) {
    return values == null || values.isEmpty() ? null : values;
  }

  /** "1, 5, 20%": counts stay numbers and percentages text, as the API's JSON has them. */
  static List<Object> serial(String text) {
    if (text == null) {
      return null;
    }
    List<Object> waves = new ArrayList<>();
    for (String part : text.split("[,\\s]+")) {
      if (part.isEmpty()) {
        continue;
      }
      waves.add(part.matches("\\d{1,9}") ? (Object) Integer.valueOf(part) : part);
    }
    return waves;
  }
}
