package io.switchboard.console.operation;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.search.enums.ElementInstanceType;
import io.camunda.client.api.search.enums.IncidentState;
import io.camunda.client.api.search.response.ElementInstance;
import io.camunda.client.api.search.response.Incident;
import io.camunda.client.api.search.response.ProcessInstance;
import io.camunda.client.api.search.response.Variable;
import io.camunda.client.api.statistics.response.ProcessElementStatistics;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * What one process instance looks like, read through the official Camunda client (the embedded
 * engine and a Camunda 8 cluster answer the same): its diagram, the elements' counts, the sequence
 * flows taken, the element-instance history, open incidents, variables and called processes. The
 * caller has checked that the instance belongs to an operation in the user's scope.
 */
@Component
public class ProcessState {
  static final int MAX_PAGE = 200;
  private static final Set<ElementInstanceType> NOT_STEPS =
      EnumSet.of(ElementInstanceType.PROCESS, ElementInstanceType.SEQUENCE_FLOW);

  /**
   * Variable names that could carry a secret are never shown, whatever a process put there
   * (Switchboard keeps secrets out of variables; this is the second line).
   */
  static final Pattern SECRET_NAME =
      Pattern.compile(
          "(?i).*(secret|password|passwd|credential|token|psk|pre-?shared|private-?key|apikey).*");

  /** One element's counts, as the diagram marks it. */
  public record ElementMark(
      String elementId, long active, long completed, long incidents, long canceled) {}

  /** The instance's live state, for the diagram and the page's polling. */
  public record Live(
      String state,
      boolean hasIncident,
      List<ElementMark> elements,
      List<String> takenFlows,
      List<IncidentView> incidents) {
    /** Changes whenever anything the page shows changes. */
    public String signature() {
      return Integer.toHexString(Objects.hash(state, hasIncident, elements, takenFlows, incidents));
    }
  }

  public record IncidentView(
      String incidentKey,
      String elementId,
      String errorType,
      String message,
      OffsetDateTime since) {}

  public record Step(
      String elementId,
      String name,
      String type,
      String state,
      boolean incident,
      OffsetDateTime startedAt,
      OffsetDateTime endedAt) {}

  public record VariableView(String name, String value, boolean hidden) {}

  public record Called(
      long processInstanceKey, String processId, String state, boolean hasIncident) {}

  private final ObjectProvider<CamundaClient> client;

  public ProcessState(ObjectProvider<CamundaClient> client) {
    this.client = client;
  }

  private CamundaClient client() {
    return client.getObject();
  }

  public ProcessInstance instance(long key) {
    return client().newProcessInstanceGetRequest(key).send().join();
  }

  public String xml(long processDefinitionKey) {
    return client().newProcessDefinitionGetXmlRequest(processDefinitionKey).send().join();
  }

  public Live live(long key) {
    ProcessInstance instance = instance(key);
    List<ElementMark> marks =
        client().newProcessInstanceElementStatisticsRequest(key).send().join().stream()
            .map(ProcessState::mark)
            .sorted(Comparator.comparing(ElementMark::elementId))
            .toList();
    Set<String> flows = new LinkedHashSet<>();
    client()
        .newProcessInstanceSequenceFlowsRequest(key)
        .send()
        .join()
        .forEach(f -> flows.add(f.getElementId()));
    return new Live(
        instance.getState() == null ? null : instance.getState().name(),
        Boolean.TRUE.equals(instance.getHasIncident()),
        marks,
        List.copyOf(flows),
        incidents(key));
  }

  private static ElementMark mark(ProcessElementStatistics s) {
    return new ElementMark(
        s.getElementId(),
        n(s.getActive()),
        n(s.getCompleted()),
        n(s.getIncidents()),
        n(s.getCanceled()));
  }

  private static long n(Long value) {
    return value == null ? 0 : value;
  }

  public List<IncidentView> incidents(long key) {
    return client()
        .newIncidentSearchRequest()
        .filter(f -> f.processInstanceKey(key).state(IncidentState.ACTIVE))
        .page(p -> p.limit(MAX_PAGE))
        .send()
        .join()
        .items()
        .stream()
        .map(
            (Incident i) ->
                new IncidentView(
                    String.valueOf(i.getIncidentKey()),
                    i.getElementId(),
                    i.getErrorType() == null ? null : i.getErrorType().name(),
                    i.getErrorMessage(),
                    i.getCreationTime()))
        .toList();
  }

  /** Every element entered, oldest first (sequence flows and the process itself left out). */
  public List<Step> history(long key) {
    List<Step> steps = new ArrayList<>();
    for (ElementInstance e :
        client()
            .newElementInstanceSearchRequest()
            .filter(f -> f.processInstanceKey(key))
            .sort(s -> s.startDate().asc())
            .page(p -> p.limit(MAX_PAGE))
            .send()
            .join()
            .items()) {
      if (!NOT_STEPS.contains(e.getType())) {
        steps.add(
            new Step(
                e.getElementId(),
                e.getElementName() == null || e.getElementName().isBlank()
                    ? e.getElementId()
                    : e.getElementName(),
                e.getType() == null ? null : e.getType().name(),
                e.getState() == null ? null : e.getState().name(),
                Boolean.TRUE.equals(e.getIncident()),
                e.getStartDate(),
                e.getEndDate()));
      }
    }
    return steps;
  }

  /** The instance's variables, by name; a value whose name may mean a secret is hidden. */
  public List<VariableView> variables(long key) {
    return client()
        .newVariableSearchRequest()
        .filter(f -> f.processInstanceKey(key))
        .page(p -> p.limit(MAX_PAGE))
        .send()
        .join()
        .items()
        .stream()
        .sorted(Comparator.comparing(Variable::getName))
        .map(ProcessState::view)
        .toList();
  }

  static VariableView view(Variable v) {
    if (SECRET_NAME.matcher(v.getName()).matches()) {
      return new VariableView(v.getName(), "(hidden)", true);
    }
    String value = v.getValue();
    if (Boolean.TRUE.equals(v.isTruncated())) {
      value = value + " …";
    }
    return new VariableView(v.getName(), value, false);
  }

  /** The processes this instance called (call activities). */
  public List<Called> called(long key) {
    return client()
        .newProcessInstanceSearchRequest()
        .filter(f -> f.parentProcessInstanceKey(key))
        .page(p -> p.limit(MAX_PAGE))
        .send()
        .join()
        .items()
        .stream()
        .map(
            i ->
                new Called(
                    i.getProcessInstanceKey(),
                    i.getProcessDefinitionId(),
                    i.getState() == null ? null : i.getState().name(),
                    Boolean.TRUE.equals(i.getHasIncident())))
        .toList();
  }

  /**
   * Whether {@code key} is {@code root} or a process it called, directly or further down (at most a
   * few levels): the console shows a called process only under its own operation.
   */
  public boolean belongsTo(long key, long root) {
    long current = key;
    for (int depth = 0; depth < 5; depth++) {
      if (current == root) {
        return true;
      }
      Long parent = instance(current).getParentProcessInstanceKey();
      if (parent == null || parent <= 0) {
        return false;
      }
      current = parent;
    }
    return false;
  }
}
