package io.switchboard.console.overlay;

import io.switchboard.api.sdwan.OverlayEdits;
import io.switchboard.api.sdwan.OverlayEdits.OverlayRename;
import io.switchboard.api.sdwan.OverlayEdits.SlaProfileRename;
import io.switchboard.api.security.Action;
import io.switchboard.api.security.CurrentScope;
import io.switchboard.api.security.Permissions;
import io.switchboard.api.security.Resource;
import io.switchboard.console.web.Actions;
import io.switchboard.console.web.Form;
import io.switchboard.console.web.FormReply;
import io.switchboard.inventory.sdwan.Overlay;
import io.switchboard.inventory.sdwan.SlaProfile;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Validator;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Renaming and deleting overlays and SLA profiles through {@link OverlayEdits}: an overlay's name
 * on its own page (the API's words beside the field), an SLA profile's in its row of the list (the
 * API's words above the list); a delete the API refuses (an overlay rolled out, a profile in use)
 * shows its reason on the page.
 */
@Controller
@RequestMapping("/console/overlays")
public class OverlayEditForms {
  private final OverlayEdits edits;
  private final OverlayPages pages;
  private final Validator validator;

  public OverlayEditForms(OverlayEdits edits, OverlayPages pages, Validator validator) {
    this.edits = edits;
    this.pages = pages;
    this.validator = validator;
  }

  @PostMapping("/{id}/rename")
  public String rename(
      @PathVariable String id,
      @RequestParam Map<String, String> submitted,
      HttpServletResponse response,
      Model model,
      RedirectAttributes redirect) {
    // the role first: a role that may not act gets 403 whatever it typed
    Permissions.require(CurrentScope.get(), Action.WRITE, Resource.NETWORK);
    Form form = Form.of(submitted);
    Overlay saved =
        form.submit(
            validator,
            new OverlayRename(form.text("name")),
            r -> edits.renameOverlay(CurrentScope.get(), id, r));
    return FormReply.of(model, response, redirect)
        .to(
            form,
            "renameForm",
            saved,
            o -> new Actions.Done("Overlay renamed to '" + o.getName() + "'.", page(id)),
            () -> pages.detail(id, model));
  }

  @PostMapping("/{id}/delete")
  public String delete(@PathVariable String id, RedirectAttributes redirect) {
    return Actions.attempt(
        redirect,
        "/console/overlays",
        page(id),
        () -> {
          edits.deleteOverlay(CurrentScope.get(), id);
          return "Overlay deleted.";
        });
  }

  @PostMapping("/sla-profiles/{id}/rename")
  public String renameSlaProfile(
      @PathVariable String id,
      @RequestParam(required = false) String name,
      RedirectAttributes redirect) {
    return Actions.attempt(
        redirect,
        "/console/overlays",
        () -> {
          Permissions.require(CurrentScope.get(), Action.WRITE, Resource.NETWORK);
          Form form = Form.of(java.util.Collections.singletonMap("name", name));
          SlaProfile saved =
              form.submit(
                  validator,
                  new SlaProfileRename(form.text("name")),
                  r -> edits.renameSlaProfile(CurrentScope.get(), id, r));
          if (saved == null) {
            throw io.switchboard.api.error.ApiException.invalid(
                "name", "SLA profile not renamed: " + form.getErrors().values().iterator().next());
          }
          return "SLA profile renamed to '" + saved.getName() + "'.";
        });
  }

  @PostMapping("/sla-profiles/{id}/delete")
  public String deleteSlaProfile(@PathVariable String id, RedirectAttributes redirect) {
    return Actions.attempt(
        redirect,
        "/console/overlays",
        () -> {
          edits.deleteSlaProfile(CurrentScope.get(), id);
          return "SLA profile deleted.";
        });
  }

  private static String page(String id) {
    return "/console/overlays/" + id;
  }
}
