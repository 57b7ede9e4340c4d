package io.switchboard.api.operation;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.databind.JsonNode;
import io.camunda.client.api.command.ClientException;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.switchboard.api.common.PageResponse;
import io.switchboard.api.common.SafeText;
import io.switchboard.api.security.Action;
import io.switchboard.api.security.CurrentScope;
import io.switchboard.inventory.operation.Operation;
import io.switchboard.inventory.operation.OperationState;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.data.domain.Pageable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Operations: list and detail, and the generic "start operation" that runs a deployed process for a
 * target. The operation row and the process start succeed together or not at all.
 */
@RestController
@Tag(
    name = "Operations",
    description = "Processes Switchboard runs for a target, their state, steps and repairs")
@RequestMapping("/api/v1/operations")
public class OperationController {
  public enum TargetKind {
    TENANT,
    SITE,
    DEVICE,
    OVERLAY,
    CAMPAIGN,
    FIREWALL_POLICY
  }

  public record Target(@NotNull TargetKind kind, @NotBlank @Size(max = 36) @SafeText String id) {}

  public record StartOperation(
      @NotBlank
          @Pattern(regexp = "[a-z0-9][a-z0-9-]{0,119}", message = "must be a kebab-case process id")
          String type,
      @NotNull @Valid Target target,
      Map<String, Object> variables) {}

  /** An open incident of the operation's process, as the operation shows it. */
  public record Attention(String elementId, String message) {}

  public record OperationView(
      String id,
      String tenantId,
      String type,
      TargetKind targetKind,
      String targetId,
      OperationState state,
      String currentStep,
      Attention attention,
      String processInstanceKey,
      String requestedBy,
      JsonNode result,
      String error,
      Instant createdAt,
      Instant updatedAt,
      Instant finishedAt) {
    public static OperationView of(Operation o) {
      return new OperationView(
          o.getId(),
          o.getTenantId(),
          o.getType(),
          TargetKind.valueOf(o.getTargetKind()),
          o.getTargetId(),
          o.getState(),
          o.getCurrentStep(),
          o.isAttention() ? new Attention(o.getAttentionElement(), o.getAttentionMessage()) : null,
          o.getProcessInstanceKey() == null ? null : String.valueOf(o.getProcessInstanceKey()),
          o.getRequestedBy(),
          ResultJson.parse(o.getResult()),
          o.getError(),
          o.getCreatedAt(),
          o.getUpdatedAt(),
          o.getFinishedAt());
    }
  }

  /** One operation with its process's step history and open incidents. */
  /**
   * @param engineUnavailable set when the workflow engine did not answer for the steps and
   *     incidents (they are then empty): the operation's own fields are still the inventory's truth
   */
  public record OperationDetailView(
      @JsonUnwrapped OperationView operation,
      List<OperationDetail.Step> steps,
      List<OperationDetail.OpenIncident> incidents,
      @JsonInclude(JsonInclude.Include.NON_NULL) String engineUnavailable) {}

  private static final org.slf4j.Logger LOG =
      org.slf4j.LoggerFactory.getLogger(OperationController.class);

  static final String ENGINE_UNAVAILABLE =
      "The workflow engine did not answer; steps and incidents are not shown";

  private final OperationService operations;
  private final OperationTracker tracker;
  private final OperationDetail detail;
  private final OperationRepairs repairs;

  public OperationController(
      OperationService operations,
      OperationTracker tracker,
      OperationDetail detail,
      OperationRepairs repairs) {
    this.operations = operations;
    this.tracker = tracker;
    this.detail = detail;
    this.repairs = repairs;
  }

  @GetMapping
  @io.swagger.v3.oas.annotations.Operation(
      summary = "List operations",
      description =
          "A page of the operations in the caller's scope, by tenant, type, state and target.")
  public PageResponse<OperationView> list(
      @RequestParam(required = false) String tenantId,
      @RequestParam(required = false) String type,
      @RequestParam(required = false) OperationState state,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
          Instant from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
          Instant to,
      Pageable pageable) {
    return PageResponse.of(
        operations.list(CurrentScope.get(), tenantId, type, state, from, to, pageable),
        OperationView::of);
  }

  @GetMapping("/{id}")
  @io.swagger.v3.oas.annotations.Operation(
      summary = "Read an operation",
      description =
          "Its state, current step, attention, result or error, step history and open incidents; 404 outside the caller's scope.")
  public OperationDetailView get(@PathVariable String id) {
    Operation operation = tracker.refresh(find(Action.READ, id));
    Long key = operation.getProcessInstanceKey();
    if (key == null) {
      return new OperationDetailView(OperationView.of(operation), List.of(), List.of(), null);
    }
    try {
      return new OperationDetailView(
          OperationView.of(operation),
          detail.steps(key),
          operation.getState().isFinal() ? List.of() : detail.incidents(key),
          null);
    } catch (ClientException e) {
      // a busy or unreachable engine must not hide the operation itself (it is the inventory's)
      LOG.warn("Operation {}: no steps or incidents from the engine: {}", id, e.getMessage());
      return new OperationDetailView(
          OperationView.of(operation), List.of(), List.of(), ENGINE_UNAVAILABLE);
    }
  }

  /** Gives the failed steps another try and resolves the operation's open incidents. */
  @PostMapping("/{id}/retry")
  @io.swagger.v3.oas.annotations.Operation(
      summary = "Retry an operation",
      description =
          "Gives the failed steps another try and resolves the operation's open incidents.")
  public OperationView retry(@PathVariable String id) {
    Operation operation = find(Action.RUN, id);
    return OperationView.of(repairs.retry(operation, CurrentScope.get().username()));
  }

  /** Cancels the operation's process, or its start when it is still pending. */
  @PostMapping("/{id}/cancel")
  @io.swagger.v3.oas.annotations.Operation(
      summary = "Cancel an operation",
      description = "Cancels the operation's process, or its start while it is still pending.")
  public OperationView cancel(@PathVariable String id) {
    Operation operation = find(Action.RUN, id);
    return OperationView.of(repairs.cancel(operation, CurrentScope.get().username()));
  }

  private Operation find(Action action, String id) {
    return operations.find(CurrentScope.get(), action, id);
  }

  @PostMapping
  @io.swagger.v3.oas.annotations.Operation(
      summary = "Start an operation",
      description =
          "Runs a deployed process for a target; 409 while the target has a running operation.")
  @ResponseStatus(HttpStatus.CREATED)
  public OperationView start(@Valid @RequestBody StartOperation request) {
    return OperationView.of(
        operations.start(
            CurrentScope.get(),
            request.type(),
            request.target().kind().name(),
            request.target().id(),
            request.variables()));
  }
}
