package io.switchboard.console.device;

import io.switchboard.api.common.Filters;
import io.switchboard.api.device.DeviceModelService;
import io.switchboard.api.device.DeviceService;
import io.switchboard.api.error.ApiException;
import io.switchboard.api.operation.OperationService;
import io.switchboard.api.security.CurrentScope;
import io.switchboard.api.site.SiteService;
import io.switchboard.console.compliance.ComplianceReports;
import io.switchboard.console.operation.ProcessState;
import io.switchboard.inventory.compliance.IntendedConfig;
import io.switchboard.inventory.compliance.IntendedConfigRecorder;
import io.switchboard.inventory.device.Device;
import io.switchboard.inventory.device.DeviceLifecycle;
import io.switchboard.inventory.operation.Operation;
import io.switchboard.inventory.scope.AccessScope;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.web.PageableDefault;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Devices: the list (by state and serial, paged on the server) and one device with its facts and
 * the timeline of every operation that targeted it, each with the steps its process took.
 */
@Controller
@RequestMapping("/console/devices")
public class DevicePages {
  /** Operations of the timeline whose steps are read from the engine, per page. */
  static final int TIMELINE_PAGE = 10;

  private final DeviceService devices;
  private final DeviceModelService models;
  private final SiteService sites;
  private final OperationService operations;
  private final ProcessState process;
  private final IntendedConfigRecorder intended;
  private final ComplianceReports compliance;

  public DevicePages(
      DeviceService devices,
      DeviceModelService models,
      SiteService sites,
      OperationService operations,
      ProcessState process,
      IntendedConfigRecorder intended,
      ComplianceReports compliance) {
    this.intended = intended;
    this.compliance = compliance;
    this.devices = devices;
    this.models = models;
    this.sites = sites;
    this.operations = operations;
    this.process = process;
  }

  @GetMapping
  public String list(
      @RequestParam(required = false) DeviceLifecycle state,
      @RequestParam(required = false) String serial,
      @PageableDefault(size = 20, sort = "serialNumber") Pageable pageable,
      Model model) {
    AccessScope scope = CurrentScope.get();
    Page<Device> page =
        devices.list(
            scope,
            Filters.<Device>equal("lifecycleState", state)
                .and(Filters.containsIgnoreCase("serialNumber", serial)),
            safe(pageable));
    model.addAttribute("page", page);
    model.addAttribute("states", DeviceLifecycle.values());
    model.addAttribute("state", state);
    model.addAttribute("serial", serial);
    return "console/devices";
  }

  /**
   * One operation of the timeline, the steps of its process, and the configuration it committed to
   * the device (the parts of the intended configuration it last wrote, in set form).
   */
  public record Entry(Operation operation, List<ProcessState.Step> steps, List<Sent> sent) {}

  /**
   * A part of the intended configuration, as the operation committed it; a value that Junos keeps
   * secret (a pre-shared key, a password hash) is shown hidden, should a part ever carry one.
   */
  public record Sent(String part, String setLines, long lines) {
    private static final java.util.regex.Pattern SECRET =
        java.util.regex.Pattern.compile(
            "(?i)\\b(pre-shared-key\\s+ascii-text|pre-shared-key\\s+hexadecimal|encrypted-password"
                + "|authentication-key|secret)\\s+\\S+");

    static Sent of(IntendedConfig c) {
      String lines = SECRET.matcher(c.getSetLines()).replaceAll("$1 (hidden)");
      return new Sent(c.getPart(), lines, lines.lines().count());
    }
  }

  @GetMapping("/{id}")
  public String detail(
      @PathVariable String id, @RequestParam(defaultValue = "0") int page, Model model) {
    AccessScope scope = CurrentScope.get();
    Device device = devices.get(scope, id);
    model.addAttribute("device", device);
    model.addAttribute(
        "model",
        nameOrId(() -> models.get(scope, device.getModelId()).getName(), device.getModelId()));
    model.addAttribute(
        "site",
        device.getSiteId() == null
            ? null
            : nameOrId(() -> sites.get(scope, device.getSiteId()).getName(), device.getSiteId()));
    Page<Operation> ops =
        operations.list(
            scope,
            null,
            null,
            null,
            null,
            null,
            Set.of(device.getId()),
            PageRequest.of(
                Math.max(0, page), TIMELINE_PAGE, Sort.by(Sort.Direction.DESC, "createdAt")));
    // read after the scope check above: the device is the caller's
    Map<String, List<Sent>> sentBy = new HashMap<>();
    for (IntendedConfig part : intended.of(device.getId())) {
      if (part.getOperationId() != null) {
        sentBy.computeIfAbsent(part.getOperationId(), k -> new ArrayList<>()).add(Sent.of(part));
      }
    }
    List<Entry> timeline = new ArrayList<>();
    for (Operation o : ops) {
      List<ProcessState.Step> steps = List.of();
      if (o.getProcessInstanceKey() != null) {
        try {
          steps = process.history(o.getProcessInstanceKey());
        } catch (RuntimeException engineSilent) {
          // the timeline still shows the operation; its detail page says what the engine said
        }
      }
      timeline.add(new Entry(o, steps, sentBy.getOrDefault(o.getId(), List.of())));
    }
    model.addAttribute("timeline", timeline);
    model.addAttribute("compliance", compliance.latest(scope, device));
    model.addAttribute("ops", ops);
    return "console/device";
  }

  /** Sorted by a column the list shows, at most 100 a page. */
  static Pageable safe(Pageable pageable) {
    Set<String> sortable = Set.of("serialNumber", "lifecycleState", "softwareVersion", "createdAt");
    Sort sort =
        Sort.by(
            pageable.getSort().stream().filter(o -> sortable.contains(o.getProperty())).toList());
    return PageRequest.of(
        pageable.getPageNumber(),
        Math.min(100, pageable.getPageSize()),
        sort.isSorted() ? sort : Sort.by("serialNumber"));
  }

  private static String nameOrId(java.util.function.Supplier<String> name, String id) {
    try {
      return name.get();
    } catch (ApiException gone) {
      return id;
    }
  }
}
