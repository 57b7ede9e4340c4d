package io.switchboard.console.vnf;

import io.switchboard.api.security.Action;
import io.switchboard.api.security.CurrentScope;
import io.switchboard.api.security.Permissions;
import io.switchboard.api.security.Resource;
import io.switchboard.api.vnf.VnfInstanceService;
import io.switchboard.api.vnf.VnfInstanceService.CreateRequest;
import io.switchboard.console.web.Actions;
import io.switchboard.console.web.Form;
import io.switchboard.console.web.FormReply;
import io.switchboard.inventory.vnf.VnfInstance;
import io.switchboard.inventory.vnf.VnfLcmOpOcc;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The VNF instance forms, through {@link VnfInstanceService} with its checks and words: a new
 * instance on a uCPE (the service checks every field itself, as the API's create does), then
 * SOL003's instantiate and terminate, each an operation on the device.
 */
@Controller
@RequestMapping("/console/vnf-instances")
public class VnfForms {
  private final VnfInstanceService instances;
  private final VnfPages pages;

  public VnfForms(VnfInstanceService instances, VnfPages pages) {
    this.instances = instances;
    this.pages = pages;
  }

  @PostMapping
  public String create(
      @RequestParam Map<String, String> submitted,
      HttpServletResponse response,
      Model model,
      RedirectAttributes redirect) {
    // the role first: a role that may not act gets 403 whatever it typed
    Permissions.require(CurrentScope.get(), Action.WRITE, Resource.VNF_INSTANCES);
    Form form = Form.of(submitted);
    CreateRequest request =
        new CreateRequest(
            form.text("tenantId"),
            form.text("siteId"),
            form.text("deviceId"),
            form.text("packageId"),
            form.text("flavourId"),
            form.text("name"),
            form.integer("wanVlan"));
    VnfInstance created =
        form.ok() ? form.attempt(() -> instances.create(CurrentScope.get(), request)) : null;
    return FormReply.of(model, response, redirect)
        .to(
            form,
            "vnfForm",
            created,
            c ->
                new Actions.Done(
                    "VNF instance '" + c.getName() + "' created; instantiate it to start it.",
                    "/console/vnf-instances/" + c.getId()),
            () -> pages.list(PageRequest.of(0, 20), model));
  }

  @PostMapping("/{id}/instantiate")
  public String instantiate(@PathVariable String id, RedirectAttributes redirect) {
    return Actions.attempt(
        redirect,
        "/console/vnf-instances/" + id,
        () -> started("Instantiating", instances.instantiate(CurrentScope.get(), id)));
  }

  @PostMapping("/{id}/terminate")
  public String terminate(@PathVariable String id, RedirectAttributes redirect) {
    return Actions.attempt(
        redirect,
        "/console/vnf-instances/" + id,
        () -> started("Terminating", instances.terminate(CurrentScope.get(), id)));
  }

  /** SOL003's heal: the instance's intended configuration committed again, a restart, checks. */
  @PostMapping("/{id}/heal")
  public String heal(
      @PathVariable String id,
      @RequestParam(required = false) String cause,
      RedirectAttributes redirect) {
    return Actions.attempt(
        redirect,
        "/console/vnf-instances/" + id,
        () -> started("Healing", instances.heal(CurrentScope.get(), id, Form.trimmed(cause))));
  }

  /** Deletes an instance that holds nothing (never instantiated, or terminated). */
  @PostMapping("/{id}/delete")
  public String delete(@PathVariable String id, RedirectAttributes redirect) {
    return Actions.attempt(
        redirect,
        "/console/vnf-instances",
        "/console/vnf-instances/" + id,
        () -> {
          instances.delete(CurrentScope.get(), id);
          return "VNF instance deleted.";
        });
  }

  private static String started(String what, VnfLcmOpOcc occ) {
    return what + " (lifecycle operation " + occ.getId() + ").";
  }
}
