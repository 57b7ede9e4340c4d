package io.switchboard.engine.command;

import io.camunda.client.protocol.rest.IncidentResult;
import io.switchboard.engine.execution.ProcessExecutor;
import io.switchboard.engine.processor.CommandProcessor;
import io.switchboard.engine.processor.EngineException;
import io.switchboard.engine.state.ElementInstance;
import io.switchboard.engine.state.EngineState;
import io.switchboard.engine.state.Incident;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;

/** Incident lookup and resolution (searches run on the read model, {@code query/}). */
public final class IncidentCommands {
  private final CommandProcessor processor;
  private final EngineState state;
  private final ProcessExecutor executor;
  private final JobCommands jobs;

  public IncidentCommands(CommandProcessor processor, ProcessExecutor executor, JobCommands jobs) {
    this.processor = processor;
    this.state = processor.state();
    this.executor = executor;
    this.jobs = jobs;
  }

  public CompletableFuture<Void> resolve(String incidentKey) {
    long key = Keys.parse(incidentKey, "incidentKey");
    return processor.submit(
        reply -> {
          Incident incident = state.incidents.get(key);
          if (incident == null || incident.state != Incident.State.ACTIVE) {
            throw EngineException.notFound(
                "Expected to resolve incident with key '"
                    + key
                    + "', but no such incident was found");
          }
          if (incident.retryAction == Incident.RetryAction.JOB) {
            jobs.resolveJobIncident(incident);
          }
          incident.state = Incident.State.RESOLVED;
          state.incidents.put(incident.key, incident);
          ElementInstance instance = state.elementInstances.get(incident.elementInstanceKey);
          if (instance != null) {
            if (incident.retryAction == Incident.RetryAction.ACTIVATE_ELEMENT) {
              executor.retryActivation(instance);
            } else if (incident.retryAction == Incident.RetryAction.COMPLETE_ELEMENT) {
              executor.retryCompletion(instance);
            }
          }
          executor.drain();
          processor.reply(reply, null);
        });
  }

  public CompletableFuture<IncidentResult> get(String incidentKey) {
    long key = Keys.parse(incidentKey, "incidentKey");
    return processor.submit(
        reply -> {
          Incident incident = state.incidents.get(key);
          if (incident == null) {
            throw EngineException.notFound("Incident with key '" + key + "' not found");
          }
          processor.reply(reply, toResult(incident));
        });
  }

  static IncidentResult toResult(Incident i) {
    return new IncidentResult()
        .incidentKey(String.valueOf(i.key))
        .processInstanceKey(String.valueOf(i.processInstanceKey))
        .processDefinitionKey(String.valueOf(i.processDefinitionKey))
        .processDefinitionId(i.bpmnProcessId)
        .elementId(i.elementId)
        .elementInstanceKey(String.valueOf(i.elementInstanceKey))
        .jobKey(i.jobKey < 0 ? null : String.valueOf(i.jobKey))
        .errorType(IncidentResult.ErrorTypeEnum.fromValue(i.errorType))
        .errorMessage(i.errorMessage)
        .state(IncidentResult.StateEnum.fromValue(i.state.name()))
        .tenantId(i.tenantId)
        .creationTime(Instant.ofEpochMilli(i.creationTime).toString());
  }
}
