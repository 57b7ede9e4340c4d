package io.switchboard.api.operation;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.search.enums.ElementInstanceType;
import io.camunda.client.api.search.response.ElementInstance;
import io.camunda.client.api.search.response.Incident;
import io.camunda.client.api.search.response.ProcessInstance;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** The step history and open incidents of an operation's process, for its detail view. */
@Component
public class OperationDetail {
  private static final Set<ElementInstanceType> NOT_STEPS =
      EnumSet.of(ElementInstanceType.PROCESS, ElementInstanceType.SEQUENCE_FLOW);

  /** One element the process entered. */
  public record Step(
      String process,
      String elementId,
      String name,
      String type,
      String state,
      boolean incident,
      OffsetDateTime startedAt,
      OffsetDateTime endedAt) {}

  /** An open incident, with the failing step's own message. */
  public record OpenIncident(
      String incidentKey,
      String process,
      String elementId,
      String errorType,
      String message,
      OffsetDateTime since) {}

  private final ProcessProgress progress;
  private final ObjectProvider<CamundaClient> client;

  public OperationDetail(ProcessProgress progress, ObjectProvider<CamundaClient> client) {
    this.progress = progress;
    this.client = client;
  }

  List<Step> steps(long processInstanceKey) {
    List<Step> steps = new ArrayList<>();
    collect(processInstanceKey, steps);
    steps.sort(
        Comparator.comparing(Step::startedAt, Comparator.nullsLast(Comparator.naturalOrder())));
    return steps;
  }

  private void collect(long processInstanceKey, List<Step> steps) {
    for (ElementInstance e : progress.elements(processInstanceKey)) {
      if (!NOT_STEPS.contains(e.getType())) {
        steps.add(
            new Step(
                e.getProcessDefinitionId(),
                e.getElementId(),
                ProcessProgress.name(e),
                e.getType() == null ? null : e.getType().name(),
                e.getState() == null ? null : e.getState().name(),
                Boolean.TRUE.equals(e.getIncident()),
                e.getStartDate(),
                e.getEndDate()));
      }
    }
    for (ProcessInstance called : calledBy(processInstanceKey)) {
      collect(called.getProcessInstanceKey(), steps);
    }
  }

  private List<ProcessInstance> calledBy(long processInstanceKey) {
    return client
        .getObject()
        .newProcessInstanceSearchRequest()
        .filter(f -> f.parentProcessInstanceKey(processInstanceKey))
        .page(p -> p.limit(ProcessProgress.MAX_PAGE))
        .send()
        .join()
        .items();
  }

  List<OpenIncident> incidents(long processInstanceKey) {
    return progress.openIncidents(processInstanceKey).stream()
        .map(
            (Incident i) ->
                new OpenIncident(
                    String.valueOf(i.getIncidentKey()),
                    i.getProcessDefinitionId(),
                    i.getElementId(),
                    i.getErrorType() == null ? null : i.getErrorType().name(),
                    i.getErrorMessage(),
                    i.getCreationTime()))
        .toList();
  }
}
