package io.switchboard.engine.command;

import io.camunda.client.protocol.rest.IncidentFilter;
import io.camunda.client.protocol.rest.IncidentResult;
import io.camunda.client.protocol.rest.IncidentSearchQuery;
import io.camunda.client.protocol.rest.IncidentSearchQueryResult;
import io.camunda.client.protocol.rest.SearchQueryPageResponse;
import io.switchboard.engine.execution.ProcessExecutor;
import io.switchboard.engine.processor.CommandProcessor;
import io.switchboard.engine.processor.EngineException;
import io.switchboard.engine.state.ElementInstance;
import io.switchboard.engine.state.EngineState;
import io.switchboard.engine.state.Incident;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;

/** Incident search and resolution. */
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
                "Expected to resolve incident with key '" + key + "', but no such incident was found");
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

  public CompletableFuture<IncidentSearchQueryResult> search(IncidentSearchQuery query) {
    IncidentFilter filter = query == null ? null : query.getFilter();
    int from = query != null && query.getPage() != null && query.getPage().getFrom() != null ? query.getPage().getFrom() : 0;
    int limit = query != null && query.getPage() != null && query.getPage().getLimit() != null ? query.getPage().getLimit() : 100;
    Predicate<Incident> matches = matcher(filter);
    return processor.submit(
        reply -> {
          List<Incident> found =
              state.incidents.all().stream()
                  .filter(matches)
                  .sorted(Comparator.comparingLong(i -> i.key))
                  .toList();
          List<IncidentResult> page =
              found.stream().skip(from).limit(limit).map(IncidentCommands::toResult).toList();
          processor.reply(
              reply,
              new IncidentSearchQueryResult()
                  .items(new java.util.ArrayList<>(page))
                  .page(new SearchQueryPageResponse().totalItems((long) found.size()).hasMoreTotalItems(false)));
        });
  }

  private static Predicate<Incident> matcher(IncidentFilter f) {
    if (f == null) {
      return i -> true;
    }
    return i ->
        eq(f.getProcessInstanceKey(), i.processInstanceKey)
            && eq(f.getIncidentKey(), i.key)
            && eq(f.getElementInstanceKey(), i.elementInstanceKey)
            && eq(f.getProcessDefinitionKey(), i.processDefinitionKey)
            && eq(f.getJobKey(), i.jobKey)
            && (f.getProcessDefinitionId() == null || f.getProcessDefinitionId().equals(i.bpmnProcessId))
            && (f.getElementId() == null || f.getElementId().equals(i.elementId))
            && (f.getTenantId() == null || f.getTenantId().equals(i.tenantId))
            && (f.getErrorType() == null || f.getErrorType().getValue().equals(i.errorType))
            && (f.getErrorMessage() == null || f.getErrorMessage().equals(i.errorMessage))
            && (f.getState() == null || f.getState().getValue().equals(i.state.name()));
  }

  private static boolean eq(String filterKey, long value) {
    return filterKey == null || Objects.equals(filterKey, String.valueOf(value));
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
