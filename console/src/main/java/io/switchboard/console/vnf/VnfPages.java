package io.switchboard.console.vnf;

import io.switchboard.api.common.Filters;
import io.switchboard.api.error.ApiException;
import io.switchboard.api.security.CurrentScope;
import io.switchboard.api.vnf.VnfInstanceService;
import io.switchboard.api.vnf.VnfLcmOpOccService;
import io.switchboard.api.vnf.VnfLcmOpOccService.Occurrence;
import io.switchboard.api.vnf.VnfPackageService;
import io.switchboard.console.web.Actions;
import io.switchboard.console.web.Form;
import io.switchboard.console.web.Listing;
import io.switchboard.console.web.Names;
import io.switchboard.inventory.operation.Operation;
import io.switchboard.inventory.scope.AccessScope;
import io.switchboard.inventory.vnf.LcmOperationState;
import io.switchboard.inventory.vnf.VnfInstance;
import io.switchboard.inventory.vnf.VnfLcmOpOcc;
import io.switchboard.inventory.vnf.VnfPackage;
import java.util.LinkedHashMap;
import java.util.List;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * VNF instances: the list, and one instance with its package, host and reserved resources, and
 * every lifecycle operation occurrence (SOL003's VnfLcmOpOcc) with its state and error, the
 * device's own message; a FAILED_TEMP occurrence offers retry, rollback and fail to roles that may
 * run them, through {@link VnfLcmOpOccService}.
 */
@Controller
@RequestMapping("/console/vnf-instances")
public class VnfPages {
  private final VnfInstanceService instances;
  private final VnfLcmOpOccService occurrences;
  private final VnfPackageService packages;
  private final Names names;

  public VnfPages(
      VnfInstanceService instances,
      VnfLcmOpOccService occurrences,
      VnfPackageService packages,
      Names names) {
    this.instances = instances;
    this.occurrences = occurrences;
    this.packages = packages;
    this.names = names;
  }

  @GetMapping
  public String list(Pageable pageable, Model model) {
    AccessScope scope = CurrentScope.get();
    Pageable page =
        Listing.filters().page(pageable, Set.of("name", "createdAt"), Sort.by("name"), model);
    model.addAttribute("page", instances.list(scope, Filters.<VnfInstance>none(), page));
    model.addAttribute("tenants", names.tenants(scope));
    model.addAttribute("sites", names.sites(scope, null));
    model.addAttribute("devices", names.devices(scope));
    Map<String, String> onboarded = new LinkedHashMap<>();
    packages
        .list(scope, Filters.<VnfPackage>none(), PageRequest.of(0, 100, Sort.by("productName")))
        .forEach(
            p ->
                onboarded.put(
                    p.getId(),
                    p.getProductName() + " " + p.getSoftwareVersion() + " (" + p.getState() + ")"));
    model.addAttribute("packages", onboarded);
    Form.offer(model, "vnfForm");
    return "console/vnf-instances";
  }

  /** An occurrence as the page shows it: its reconciled state and, when it failed, why. */
  public record Line(VnfLcmOpOcc occ, Operation operation, LcmOperationState state, String error) {
    static Line of(Occurrence o) {
      VnfLcmOpOcc occ = o.occ();
      String error = occ.getErrorDetail();
      if (error == null && o.operation() != null) {
        error =
            switch (o.state()) {
              case FAILED_TEMP -> o.operation().getAttentionMessage();
              case FAILED -> o.operation().getError();
              default -> null;
            };
      }
      return new Line(occ, o.operation(), o.state(), error);
    }

    public boolean repairable() {
      return state == LcmOperationState.FAILED_TEMP;
    }
  }

  @GetMapping("/{id}")
  public String detail(@PathVariable String id, Model model) {
    AccessScope scope = CurrentScope.get();
    VnfInstance instance = instances.get(scope, id);
    List<Line> lines =
        occurrences
            .list(
                scope,
                Filters.<VnfLcmOpOcc>equal("vnfInstanceId", id),
                PageRequest.of(0, 50, Sort.by(Sort.Direction.DESC, "startTime")))
            .map(Line::of)
            .getContent();
    model.addAttribute("instance", instance);
    model.addAttribute("tenant", names.tenants(scope).getOrDefault(instance.getTenantId(), ""));
    model.addAttribute(
        "site", names.sites(scope, instance.getTenantId()).get(instance.getSiteId()));
    model.addAttribute(
        "serial",
        names.serials(scope, List.of(instance.getDeviceId())).get(instance.getDeviceId()));
    model.addAttribute("vnfPackage", packageName(scope, instance.getPackageId()));
    model.addAttribute("occurrences", lines);
    return "console/vnf-instance";
  }

  /** SOL003's retry, rollback and fail of a {@code FAILED_TEMP} occurrence of this instance. */
  @PostMapping("/{id}/occurrences/{occ}/{repair}")
  public String repair(
      @PathVariable String id,
      @PathVariable String occ,
      @PathVariable String repair,
      RedirectAttributes redirect) {
    return Actions.attempt(
        redirect,
        page(id),
        () -> {
          AccessScope scope = CurrentScope.get();
          String own = own(id, occ);
          return switch (repair) {
            case "retry" -> {
              occurrences.retry(scope, own);
              yield "Retried: the failed step gets another attempt.";
            }
            case "rollback" -> {
              occurrences.rollback(scope, own);
              yield "Rolling back: what was done is undone.";
            }
            case "fail" -> {
              occurrences.fail(scope, own);
              yield "Marked failed where it stands; nothing was undone.";
            }
            default -> throw ApiException.notFound("Action", repair);
          };
        });
  }

  /** The occurrence, only under its own instance (404 anywhere else, as a missing one). */
  private String own(String instanceId, String occId) {
    Occurrence o = occurrences.get(CurrentScope.get(), occId);
    if (!o.occ().getVnfInstanceId().equals(instanceId)) {
      throw ApiException.notFound("VNF LCM operation occurrence", occId);
    }
    return occId;
  }

  private String packageName(AccessScope scope, String packageId) {
    try {
      var p = packages.get(scope, packageId);
      return p.getProductName() + " " + p.getSoftwareVersion();
    } catch (ApiException gone) {
      return packageId;
    }
  }

  private static String page(String id) {
    return "/console/vnf-instances/" + id;
  }
}
