package io.switchboard.engine.execution;

import io.switchboard.engine.processor.CommandProcessor;
import io.switchboard.engine.state.ElementInstance;
import io.switchboard.engine.state.EngineState;
import io.switchboard.engine.state.Incident;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Opens incidents on element instances, with what to retry when they are resolved. */
public final class IncidentRaiser {
  private static final Logger LOG = LoggerFactory.getLogger(IncidentRaiser.class);

  private final CommandProcessor processor;
  private final EngineState state;

  public IncidentRaiser(CommandProcessor processor) {
    this.processor = processor;
    this.state = processor.state();
  }

  /** An incident on an element's activation, retried by activating the element again. */
  public Incident activationFailed(ElementInstance instance, String errorType, String message) {
    return raise(instance, errorType, message, Incident.RetryAction.ACTIVATE_ELEMENT, -1);
  }

  public Incident raise(
      ElementInstance instance,
      String errorType,
      String message,
      Incident.RetryAction retry,
      long jobKey) {
    Incident incident = new Incident();
    incident.key = state.keys.nextKey();
    incident.errorType = errorType;
    incident.errorMessage = message;
    incident.elementId = instance.elementId;
    incident.elementInstanceKey = instance.key;
    incident.processInstanceKey = instance.processInstanceKey;
    incident.processDefinitionKey = instance.processDefinitionKey;
    incident.bpmnProcessId = instance.bpmnProcessId;
    incident.tenantId = instance.tenantId;
    incident.jobKey = jobKey;
    incident.retryAction = retry;
    incident.creationTime = processor.now();
    state.incidents.put(incident.key, incident);
    LOG.info(
        "Incident {} ({}) on element '{}' of process instance {}: {}",
        incident.key,
        errorType,
        instance.elementId,
        instance.processInstanceKey,
        message);
    return incident;
  }

  /** Marks every open incident of an element instance resolved (the element went away). */
  public void resolveAllOf(long elementInstanceKey) {
    for (Incident incident : state.activeIncidentsOf(elementInstanceKey)) {
      incident.state = Incident.State.RESOLVED;
      state.incidents.put(incident.key, incident);
    }
  }
}
