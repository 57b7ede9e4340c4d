package io.switchboard.api.operation;

import static io.switchboard.workflows.operation.OperationContract.OUTCOME_FAILED;
import static io.switchboard.workflows.operation.OperationContract.VAR_FAILURE_REASON;
import static io.switchboard.workflows.operation.OperationContract.VAR_OUTCOME;
import static io.switchboard.workflows.operation.OperationContract.VAR_RESULT;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.client.api.command.ClientException;
import io.camunda.client.api.search.response.Incident;
import io.camunda.client.api.search.response.ProcessInstance;
import io.switchboard.inventory.operation.Operation;
import io.switchboard.inventory.operation.OperationRepository;
import io.switchboard.inventory.operation.OperationState;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;

/**
 * Keeps every running operation in step with its process instance by reading the engine's search
 * API: the current step, an open incident as {@code attention}, and the final state once the
 * instance has ended ({@code COMPLETED} or {@code FAILED} as the process reports it in {@code
 * operationOutcome}, {@code CANCELLED} when it was terminated). Because it reconciles rather than
 * listens, an instance that ended while Switchboard was down is picked up at the next tick.
 */
@Component
public class OperationTracker {
  private static final Logger LOG = LoggerFactory.getLogger(OperationTracker.class);
  private static final int TRACKED_PER_TICK = 2000;
  private static final int CHUNK = 100;

  /** How long an instance may be missing from search results before we believe it is gone. */
  private static final Duration MISSING_GRACE = Duration.ofMinutes(1);

  private final OperationRepository operations;
  private final ProcessProgress progress;
  private final ObjectMapper json;
  private long tick;

  public OperationTracker(
      OperationRepository operations, ProcessProgress progress, ObjectMapper json) {
    this.operations = operations;
    this.progress = progress;
    this.json = json;
  }

  /** One pass over the running operations. */
  public void track() {
    List<Operation> running =
        operations.findByStateInOrderByCreatedAtAsc(
            List.of(OperationState.RUNNING), PageRequest.of(0, TRACKED_PER_TICK));
    // step names cost a query per operation: every tick for a small fleet, in turns for a big one
    long turns = Math.max(1, (running.size() + CHUNK - 1) / CHUNK);
    long turn = tick++ % turns;
    for (int from = 0; from < running.size(); from += CHUNK) {
      List<Operation> chunk = running.subList(from, Math.min(running.size(), from + CHUNK));
      List<Long> keys =
          chunk.stream().map(Operation::getProcessInstanceKey).filter(Objects::nonNull).toList();
      if (keys.isEmpty()) {
        continue;
      }
      Map<Long, ProcessInstance> instances = progress.instances(keys);
      Map<Long, List<ProcessInstance>> children = progress.activeChildren(keys);
      boolean stepsThisTurn = (from / CHUNK) % turns == turn;
      for (Operation operation : chunk) {
        try {
          follow(
              operation,
              instances.get(operation.getProcessInstanceKey()),
              children.getOrDefault(operation.getProcessInstanceKey(), List.of()),
              stepsThisTurn);
        } catch (OptimisticLockingFailureException e) {
          // changed meanwhile (cancel, retry); the next tick reads it again
        }
      }
    }
  }

  /** Brings one operation up to date now (its detail page asks for it). */
  public Operation refresh(Operation operation) {
    if (operation.getState() != OperationState.RUNNING
        || operation.getProcessInstanceKey() == null) {
      return operation;
    }
    long key = operation.getProcessInstanceKey();
    try {
      Map<Long, ProcessInstance> instance = progress.instances(List.of(key));
      follow(
          operation,
          instance.get(key),
          progress.activeChildren(List.of(key)).getOrDefault(key, List.of()),
          true);
    } catch (OptimisticLockingFailureException e) {
      // the operations thread brought it up to date at the same moment: read its result
    } catch (ClientException e) {
      // the engine cannot be asked now: show what was last known
    }
    return operations.findById(operation.getId()).orElse(operation);
  }

  private void follow(
      Operation operation,
      ProcessInstance instance,
      List<ProcessInstance> children,
      boolean withStep) {
    long key = operation.getProcessInstanceKey();
    if (instance == null) {
      if (operation.getUpdatedAt() != null
          && operation.getUpdatedAt().isBefore(Instant.now().minus(MISSING_GRACE))) {
        operation.fail("The process instance " + key + " no longer exists in the workflow engine");
        save(operation);
      }
      return;
    }
    switch (instance.getState()) {
      case COMPLETED -> {
        ended(operation, key);
        save(operation);
      }
      case TERMINATED -> {
        operation.cancel(
            operation.getError() != null
                ? operation.getError()
                : "The process instance was cancelled");
        save(operation);
        LOG.info("Operation {} ({}) cancelled", operation.getId(), operation.getType());
      }
      default -> {
        boolean changed = attention(operation, key, instance, children);
        if (withStep || changed) {
          Optional<String> step = progress.currentStep(key);
          if (step.isPresent() && !step.get().equals(operation.getCurrentStep())) {
            operation.setCurrentStep(clip(step.get(), 120));
            changed = true;
          }
        }
        if (changed) {
          save(operation);
        }
      }
    }
  }

  private boolean attention(
      Operation operation, long key, ProcessInstance instance, List<ProcessInstance> children) {
    boolean incident =
        Boolean.TRUE.equals(instance.getHasIncident())
            || children.stream().anyMatch(c -> Boolean.TRUE.equals(c.getHasIncident()));
    if (!incident) {
      if (operation.isAttention()) {
        operation.attentionResolved();
        return true;
      }
      return false;
    }
    List<Incident> open = progress.openIncidents(key);
    if (open.isEmpty()) {
      return false;
    }
    Incident first = open.get(0);
    String message =
        clip(
            first.getErrorMessage() == null ? first.getErrorType().name() : first.getErrorMessage(),
            2000);
    if (operation.isAttention()
        && message.equals(operation.getAttentionMessage())
        && Objects.equals(first.getElementId(), operation.getAttentionElement())) {
      return false;
    }
    operation.needsAttention(first.getElementId(), message);
    LOG.warn(
        "Operation {} ({}) needs attention at {}: {}",
        operation.getId(),
        operation.getType(),
        first.getElementId(),
        message);
    return true;
  }

  private void ended(Operation operation, long key) {
    Map<String, String> vars =
        progress.variables(key, List.of(VAR_OUTCOME, VAR_FAILURE_REASON, VAR_RESULT));
    Optional<String> endEvent = progress.endedAt(key);
    if (OUTCOME_FAILED.equals(text(vars.get(VAR_OUTCOME)))) {
      String reason = text(vars.get(VAR_FAILURE_REASON));
      if (reason == null || reason.isBlank()) {
        reason = "The process ended at '" + endEvent.orElse("a failure end event") + "'";
      }
      operation.fail(clip(reason, 2000));
      LOG.info(
          "Operation {} ({}) failed: {}",
          operation.getId(),
          operation.getType(),
          operation.getError());
    } else {
      String result = vars.get(VAR_RESULT);
      operation.complete(result == null || "null".equals(result) ? null : result);
      LOG.info("Operation {} ({}) completed", operation.getId(), operation.getType());
    }
    operation.setCurrentStep(endEvent.map(s -> clip(s, 120)).orElse(null));
  }

  private String text(String jsonValue) {
    if (jsonValue == null) {
      return null;
    }
    try {
      JsonNode node = json.readTree(jsonValue);
      return node.isTextual() ? node.textValue() : node.toString();
    } catch (IOException e) {
      return jsonValue;
    }
  }

  private void save(Operation operation) {
    operations.save(operation);
  }

  private static String clip(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max - 1) + "…";
  }
}
