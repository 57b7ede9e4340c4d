package io.switchboard.console.operation;

import io.camunda.client.api.command.ClientException;
import io.camunda.client.api.search.response.ProcessInstance;
import io.switchboard.api.error.ApiException;
import io.switchboard.api.operation.OperationRepairs;
import io.switchboard.api.operation.OperationService;
import io.switchboard.api.security.Action;
import io.switchboard.api.security.CurrentScope;
import io.switchboard.console.web.Actions;
import io.switchboard.console.web.Form;
import io.switchboard.console.web.Names;
import io.switchboard.inventory.operation.Operation;
import io.switchboard.inventory.operation.OperationState;
import io.switchboard.inventory.scope.AccessScope;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.web.PageableDefault;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Operations: the list (filters, paging and sorting on the server), and one operation with its
 * process drawn by bpmn-js, its history, variables, incidents and the operator's repairs. Every
 * read and action goes through the API's services with the signed-in user's scope: another tenant's
 * operation is "not found", a role without RUN has no repairs.
 */
@Controller
@RequestMapping("/console/operations")
public class OperationPages {
  private final OperationService operations;
  private final OperationRepairs repairs;
  private final Names names;
  private final BusinessKeys keys;
  private final ProcessState process;
  private final LiveState liveState;

  public OperationPages(
      OperationService operations,
      OperationRepairs repairs,
      Names names,
      BusinessKeys keys,
      ProcessState process,
      LiveState liveState) {
    this.liveState = liveState;
    this.operations = operations;
    this.repairs = repairs;
    this.names = names;
    this.keys = keys;
    this.process = process;
  }

  /** One line of the list. */
  public record Row(
      String id,
      String type,
      String state,
      String tenant,
      String businessKey,
      String currentStep,
      String attention,
      Instant createdAt) {}

  @GetMapping
  public String list(
      @RequestParam(required = false) String type,
      @RequestParam(required = false) OperationState state,
      @RequestParam(required = false) String tenantId,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
      @RequestParam(required = false) String serial,
      @RequestParam(required = false) String site,
      @PageableDefault(size = 20, sort = "createdAt", direction = Sort.Direction.DESC)
          Pageable pageable,
      Model model) {
    AccessScope scope = CurrentScope.get();
    Page<Operation> page = query(scope, type, state, tenantId, from, to, serial, site, pageable);
    Map<String, String> tenantNames = names.tenants(scope);
    BusinessKeys.Names names = keys.names(scope);
    model.addAttribute(
        "rows",
        page.getContent().stream()
            .map(
                o ->
                    new Row(
                        o.getId(),
                        o.getType(),
                        o.getState().name(),
                        tenantNames.getOrDefault(o.getTenantId(), o.getTenantId()),
                        names.of(o),
                        o.getCurrentStep(),
                        o.isAttention() ? o.getAttentionMessage() : null,
                        o.getCreatedAt()))
            .toList());
    model.addAttribute("page", page);
    model.addAttribute("listSignature", OperationEvents.signature(page));
    model.addAttribute("tenants", tenantNames);
    model.addAttribute("states", OperationState.values());
    Map<String, Object> filters = new HashMap<>();
    filters.put("type", type);
    filters.put("state", state);
    filters.put("tenantId", tenantId);
    filters.put("from", from);
    filters.put("to", to);
    filters.put("serial", serial);
    filters.put("site", site);
    model.addAttribute("filters", filters);
    org.springframework.web.util.UriComponentsBuilder query =
        org.springframework.web.util.UriComponentsBuilder.newInstance();
    filters.forEach(
        (name, value) -> {
          if (value != null && !value.toString().isBlank()) {
            query.queryParam(name, value.toString());
          }
        });
    String encoded = query.encode().build().getQuery();
    model.addAttribute("query", encoded == null ? "" : encoded + "&");
    Sort.Order order = pageable.getSort().stream().findFirst().orElse(Sort.Order.desc("createdAt"));
    model.addAttribute("sortProperty", order.getProperty());
    model.addAttribute("sortDirection", order.getDirection().name().toLowerCase());
    return "console/operations";
  }

  /** The list's page: the same filters for the page and for its live updates. */
  Page<Operation> query(
      AccessScope scope,
      String type,
      OperationState state,
      String tenantId,
      LocalDate from,
      LocalDate to,
      String serial,
      String site,
      Pageable pageable) {
    Set<String> targets = keys.targets(scope, serial, site);
    return operations.list(
        scope,
        Form.trimmed(tenantId),
        Form.trimmed(type),
        state,
        from == null ? null : from.atStartOfDay().toInstant(ZoneOffset.UTC),
        to == null ? null : to.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC),
        targets,
        pageable);
  }

  @GetMapping("/{id}")
  public String detail(@PathVariable String id, Model model) {
    Operation operation = find(Action.READ, id);
    Long key = operation.getProcessInstanceKey();
    return render(operation, key, model);
  }

  /** A process the operation's process called, under its operation (404 anywhere else). */
  @GetMapping("/{id}/process/{key}")
  public String called(@PathVariable String id, @PathVariable long key, Model model) {
    Operation operation = find(Action.READ, id);
    requireOwn(operation, key);
    return render(operation, key, model);
  }

  private String render(Operation operation, Long key, Model model) {
    AccessScope scope = CurrentScope.get();
    model.addAttribute("op", operation);
    model.addAttribute("tenant", names.tenants(scope).getOrDefault(operation.getTenantId(), ""));
    model.addAttribute("businessKey", keys.names(scope).of(operation));
    model.addAttribute("key", key);
    boolean root = key != null && key.equals(operation.getProcessInstanceKey());
    model.addAttribute("root", root);
    if (key != null) {
      ProcessInstance instance = engine(() -> process.instance(key));
      model.addAttribute("instance", instance);
      model.addAttribute("live", engine(() -> process.live(key)));
      model.addAttribute("steps", engine(() -> process.history(key)));
      model.addAttribute("variables", engine(() -> process.variables(key)));
      model.addAttribute("calledProcesses", engine(() -> process.called(key)));
      Long parent = instance.getParentProcessInstanceKey();
      model.addAttribute("parentKey", root || parent == null || parent <= 0 ? null : parent);
    }
    return "console/operation";
  }

  @GetMapping(value = "/{id}/process/{key}/diagram.xml", produces = MediaType.TEXT_XML_VALUE)
  @ResponseBody
  public String diagram(@PathVariable String id, @PathVariable long key) {
    Operation operation = find(Action.READ, id);
    requireOwn(operation, key);
    return engine(() -> process.xml(process.instance(key).getProcessDefinitionKey()));
  }

  /** What the diagram and the page's polling need: counts, flows taken, incidents, a signature. */
  @GetMapping(value = "/{id}/process/{key}/live", produces = MediaType.APPLICATION_JSON_VALUE)
  @ResponseBody
  public ResponseEntity<Map<String, Object>> live(@PathVariable String id, @PathVariable long key) {
    return ResponseEntity.ok()
        .header("Cache-Control", "no-store")
        .body(liveState.of(CurrentScope.get(), id, key).body());
  }

  @PostMapping("/{id}/retry")
  public String retry(@PathVariable String id, RedirectAttributes redirect) {
    Operation operation = find(Action.RUN, id);
    return Actions.attempt(
        redirect,
        "/console/operations/" + id,
        () -> {
          repairs.retry(operation, CurrentScope.get().username());
          return "Retried: the failed steps got another try and the incidents were resolved.";
        });
  }

  @PostMapping("/{id}/cancel")
  public String cancel(@PathVariable String id, RedirectAttributes redirect) {
    Operation operation = find(Action.RUN, id);
    return Actions.attempt(
        redirect,
        "/console/operations/" + id,
        () -> {
          repairs.cancel(operation, CurrentScope.get().username());
          return "Cancelled.";
        });
  }

  private Operation find(Action action, String id) {
    return operations.find(CurrentScope.get(), action, id);
  }

  private void requireOwn(Operation operation, long key) {
    liveState.requireOwn(operation, key);
  }

  /** The engine's refusals and silences, as the API reports them. */
  static <T> T engine(Supplier<T> call) {
    try {
      return call.get();
    } catch (io.camunda.client.api.command.ProblemException e) {
      if (e.code() == 404) {
        throw ApiException.notFound("Process instance", "");
      }
      throw new ApiException(HttpStatus.BAD_GATEWAY, null, "The workflow engine refused the query");
    } catch (ClientException e) {
      throw new ApiException(HttpStatus.BAD_GATEWAY, null, "The workflow engine is not reachable");
    }
  }
}
