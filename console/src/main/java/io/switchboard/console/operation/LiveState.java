package io.switchboard.console.operation;

import io.switchboard.api.error.ApiException;
import io.switchboard.api.operation.OperationService;
import io.switchboard.api.operation.OperationTracker;
import io.switchboard.api.security.Action;
import io.switchboard.inventory.operation.Operation;
import io.switchboard.inventory.scope.AccessScope;
import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The live state of an operation's process instance, as the diagram draws it (element counts, flows
 * taken, incidents) with the operation brought up to date, read with an explicit scope so a stream
 * of events can read it off the request's thread.
 */
@Component
public class LiveState {
  private final OperationService operations;
  private final OperationTracker tracker;
  private final ProcessState process;

  public LiveState(OperationService operations, OperationTracker tracker, ProcessState process) {
    this.operations = operations;
    this.tracker = tracker;
    this.process = process;
  }

  /** One reading: the page's JSON, and whether nothing will change any more. */
  public record Reading(Map<String, Object> body, String signature, boolean last) {}

  /** The instance {@code key} of operation {@code operationId}, 404 outside the caller's scope. */
  public Reading of(AccessScope scope, String operationId, long key) {
    Operation operation = operations.find(scope, Action.READ, operationId);
    requireOwn(operation, key);
    if (key == operation.getProcessInstanceKey()) {
      operation = tracker.refresh(operation);
    }
    ProcessState.Live live = OperationPages.engine(() -> process.live(key));
    String signature = operation.getState() + "/" + live.signature();
    Map<String, Object> body = new HashMap<>();
    body.put("operationState", operation.getState().name());
    body.put("currentStep", operation.getCurrentStep());
    body.put("state", live.state());
    body.put("elements", live.elements());
    body.put("takenFlows", live.takenFlows());
    body.put("incidents", live.incidents());
    body.put("signature", signature);
    // the engine's instance state: an instance still ACTIVE may yet change
    boolean last = operation.getState().isFinal() && !"ACTIVE".equals(live.state());
    return new Reading(body, signature, last);
  }

  /** The instance is the operation's or one its process called; 404 otherwise. */
  void requireOwn(Operation operation, long key) {
    Long root = operation.getProcessInstanceKey();
    if (root == null || !OperationPages.engine(() -> process.belongsTo(key, root))) {
      throw ApiException.notFound("Process instance", String.valueOf(key));
    }
  }
}
