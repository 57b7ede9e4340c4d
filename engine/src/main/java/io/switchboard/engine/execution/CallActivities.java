package io.switchboard.engine.execution;

import io.switchboard.engine.feel.FeelEvaluationException;
import io.switchboard.engine.feel.FeelExpressions;
import io.switchboard.engine.model.FlowNode;
import io.switchboard.engine.state.ElementInstance;
import io.switchboard.engine.state.EngineState;
import io.switchboard.engine.state.Incident;
import io.switchboard.engine.state.ProcessDefinition;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Call activities: start the latest version of the called process (same tenant) with the parent's
 * variables, wait for it, and take its variables back; a cancelled parent cancels the child.
 */
final class CallActivities {
  private final ProcessExecutor executor;
  private final EngineState state;
  private final FeelExpressions feel;
  private final IncidentRaiser incidents;

  CallActivities(
      ProcessExecutor executor, EngineState state, FeelExpressions feel, IncidentRaiser incidents) {
    this.executor = executor;
    this.state = state;
    this.feel = feel;
    this.incidents = incidents;
  }

  void activate(ElementInstance callActivity, FlowNode node) {
    String processId;
    try {
      processId =
          feel.evaluateString(
              node.calledProcessId, state.visibleVariables(callActivity.key), "called process id");
    } catch (FeelEvaluationException e) {
      incidents.activationFailed(callActivity, "EXTRACT_VALUE_ERROR", e.getMessage());
      return;
    }
    ProcessDefinition called;
    if (node.calledFromSameDeployment) {
      long deploymentKey = state.definitions.get(callActivity.processDefinitionKey).deploymentKey;
      called =
          state
              .processVersions
              .ofDeployment(callActivity.tenantId, processId, deploymentKey)
              .orElse(null);
      if (called == null) {
        incidents.raise(
            callActivity,
            "CALLED_ELEMENT_ERROR",
            "Expected to call process with BPMN process id '"
                + processId
                + "' from the same deployment as the calling process, but no such process was"
                + " found in the deployment with key "
                + deploymentKey
                + ".",
            Incident.RetryAction.ACTIVATE_ELEMENT,
            -1);
        return;
      }
    } else if (node.calledVersionTag != null) {
      called =
          state
              .processVersions
              .latestWithVersionTag(callActivity.tenantId, processId, node.calledVersionTag)
              .orElse(null);
      if (called == null) {
        incidents.raise(
            callActivity,
            "CALLED_ELEMENT_ERROR",
            "Expected to call process with BPMN process id '"
                + processId
                + "' and version tag '"
                + node.calledVersionTag
                + "', but no such process was found.",
            Incident.RetryAction.ACTIVATE_ELEMENT,
            -1);
        return;
      }
    } else {
      called = state.processVersions.latest(callActivity.tenantId, processId).orElse(null);
    }
    if (called == null) {
      incidents.raise(
          callActivity,
          "CALLED_ELEMENT_ERROR",
          "Expected process with BPMN process id '"
              + processId
              + "' to be deployed, but not found.",
          Incident.RetryAction.ACTIVATE_ELEMENT,
          -1);
      return;
    }
    if (called.model.noneStartEventId() == null) {
      incidents.raise(
          callActivity,
          "CALLED_ELEMENT_ERROR",
          "Expected process with BPMN process id '"
              + processId
              + "' to have a none start event, but not found.",
          Incident.RetryAction.ACTIVATE_ELEMENT,
          -1);
      return;
    }
    Map<String, Object> variables =
        node.propagateAllParentVariables
            ? state.visibleVariables(callActivity.key)
            : new LinkedHashMap<>(state.variables.local(callActivity.key));
    ElementInstance child =
        executor.createProcessInstance(
            called, variables, called.model.noneStartEventId(), null, callActivity);
    callActivity.calledProcessInstanceKey = child.key;
    executor.markActive(callActivity);
  }

  void childCompleted(ElementInstance child, Map<String, Object> childVariables) {
    ElementInstance callActivity = state.elementInstances.get(child.parentElementInstanceKey);
    if (callActivity == null) {
      return;
    }
    FlowNode node = executor.node(callActivity);
    callActivity.calledProcessInstanceKey = -1;
    state.putElementInstance(callActivity);
    if (node.propagateAllChildVariables || node.hasOutputMappings()) {
      executor.applyEventVariables(callActivity, node, childVariables);
    }
    executor.agenda().enqueue(() -> executor.complete(callActivity, node.outgoing));
  }

  void terminateChild(ElementInstance callActivity) {
    if (callActivity.calledProcessInstanceKey < 0) {
      return;
    }
    ElementInstance child = state.elementInstances.get(callActivity.calledProcessInstanceKey);
    if (child != null) {
      executor.terminateProcessInstance(child);
    }
  }
}
