package io.switchboard.api.operation;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.search.enums.ElementInstanceState;
import io.camunda.client.api.search.enums.ElementInstanceType;
import io.camunda.client.api.search.enums.IncidentState;
import io.camunda.client.api.search.enums.ProcessInstanceState;
import io.camunda.client.api.search.response.ElementInstance;
import io.camunda.client.api.search.response.Incident;
import io.camunda.client.api.search.response.ProcessInstance;
import io.camunda.client.api.search.response.Variable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * What an operation's process instance is doing, read through the official client's search API (so
 * it reads the same from the embedded engine and from a Camunda 8 cluster). A called process (call
 * activity) counts as part of its caller's instance.
 */
@Component
public class ProcessProgress {
  static final int MAX_PAGE = 200;
  private static final Set<ElementInstanceType> CONTAINERS =
      EnumSet.of(
          ElementInstanceType.PROCESS,
          ElementInstanceType.SUB_PROCESS,
          ElementInstanceType.EVENT_SUB_PROCESS,
          ElementInstanceType.MULTI_INSTANCE_BODY,
          ElementInstanceType.CALL_ACTIVITY,
          ElementInstanceType.AD_HOC_SUB_PROCESS);

  private final ObjectProvider<CamundaClient> client;

  public ProcessProgress(ObjectProvider<CamundaClient> client) {
    this.client = client;
  }

  /** The instances with these keys (at most {@value #MAX_PAGE}), by key. */
  public Map<Long, ProcessInstance> instances(List<Long> keys) {
    Map<Long, ProcessInstance> byKey = new HashMap<>();
    client
        .getObject()
        .newProcessInstanceSearchRequest()
        .filter(f -> f.processInstanceKey(k -> k.in(keys)))
        .page(p -> p.limit(MAX_PAGE))
        .send()
        .join()
        .items()
        .forEach(i -> byKey.put(i.getProcessInstanceKey(), i));
    return byKey;
  }

  /** Running instances called by these instances, by their caller's key. */
  public Map<Long, List<ProcessInstance>> activeChildren(List<Long> parentKeys) {
    Map<Long, List<ProcessInstance>> byParent = new HashMap<>();
    client
        .getObject()
        .newProcessInstanceSearchRequest()
        .filter(
            f ->
                f.parentProcessInstanceKey(k -> k.in(parentKeys))
                    .state(ProcessInstanceState.ACTIVE))
        .page(p -> p.limit(MAX_PAGE))
        .send()
        .join()
        .items()
        .forEach(
            i ->
                byParent
                    .computeIfAbsent(i.getParentProcessInstanceKey(), k -> new ArrayList<>())
                    .add(i));
    return byParent;
  }

  /** Open incidents of the instance and of the processes it called, oldest first. */
  public List<Incident> openIncidents(long processInstanceKey) {
    List<Incident> incidents = new ArrayList<>(openIncidentsOf(processInstanceKey));
    for (ProcessInstance child :
        activeChildren(List.of(processInstanceKey)).getOrDefault(processInstanceKey, List.of())) {
      incidents.addAll(openIncidents(child.getProcessInstanceKey()));
    }
    incidents.sort(
        Comparator.comparing(
            Incident::getCreationTime, Comparator.nullsLast(Comparator.naturalOrder())));
    return incidents;
  }

  private List<Incident> openIncidentsOf(long processInstanceKey) {
    return client
        .getObject()
        .newIncidentSearchRequest()
        .filter(f -> f.processInstanceKey(processInstanceKey).state(IncidentState.ACTIVE))
        .page(p -> p.limit(MAX_PAGE))
        .send()
        .join()
        .items();
  }

  /** Every element the instance entered, in the order it entered them. */
  public List<ElementInstance> elements(long processInstanceKey) {
    return client
        .getObject()
        .newElementInstanceSearchRequest()
        .filter(f -> f.processInstanceKey(processInstanceKey))
        .sort(s -> s.startDate().asc())
        .page(p -> p.limit(MAX_PAGE))
        .send()
        .join()
        .items();
  }

  /**
   * What the instance waits in now, for a person: the newest active task or event, inside the
   * called process when a call activity is active ("Upgrade device software: Reboot").
   */
  public Optional<String> currentStep(long processInstanceKey) {
    List<ElementInstance> active =
        client
            .getObject()
            .newElementInstanceSearchRequest()
            .filter(
                f -> f.processInstanceKey(processInstanceKey).state(ElementInstanceState.ACTIVE))
            .sort(s -> s.startDate().desc())
            .page(p -> p.limit(MAX_PAGE))
            .send()
            .join()
            .items();
    Optional<ElementInstance> leaf =
        active.stream().filter(e -> !CONTAINERS.contains(e.getType())).findFirst();
    if (leaf.isPresent()) {
      return Optional.of(name(leaf.get()));
    }
    Optional<ElementInstance> call =
        active.stream().filter(e -> e.getType() == ElementInstanceType.CALL_ACTIVITY).findFirst();
    if (call.isEmpty()) {
      return Optional.empty();
    }
    List<ProcessInstance> children =
        activeChildren(List.of(processInstanceKey)).getOrDefault(processInstanceKey, List.of());
    Optional<String> inner =
        children.isEmpty()
            ? Optional.empty()
            : currentStep(children.get(0).getProcessInstanceKey());
    return Optional.of(name(call.get()) + inner.map(s -> ": " + s).orElse(""));
  }

  /**
   * The instance's variables with these names, as JSON text: the process-level value where there is
   * one, else the value a failure path left in an inner scope (an event subprocess).
   */
  public Map<String, String> variables(long processInstanceKey, List<String> names) {
    Map<String, String> values = new HashMap<>();
    // Process level first, on its own: inner scopes (one per device of a multi-instance) can hold
    // the same names many times over and would push the process-level value off a page.
    for (Variable v : search(processInstanceKey, names, true)) {
      values.put(v.getName(), value(v));
    }
    List<String> missing = names.stream().filter(n -> !values.containsKey(n)).toList();
    if (!missing.isEmpty()) {
      for (Variable v : search(processInstanceKey, missing, false)) {
        values.putIfAbsent(v.getName(), value(v));
      }
    }
    return values;
  }

  private List<Variable> search(long processInstanceKey, List<String> names, boolean processLevel) {
    return client
        .getObject()
        .newVariableSearchRequest()
        .filter(
            f -> {
              f.processInstanceKey(processInstanceKey).name(n -> n.in(names));
              if (processLevel) {
                f.scopeKey(processInstanceKey);
              }
            })
        .page(p -> p.limit(MAX_PAGE))
        .send()
        .join()
        .items();
  }

  private String value(Variable v) {
    if (Boolean.TRUE.equals(v.isTruncated())) {
      return client.getObject().newVariableGetRequest(v.getVariableKey()).send().join().getValue();
    }
    return v.getValue();
  }

  /** The end event the instance completed at, for a person. */
  public Optional<String> endedAt(long processInstanceKey) {
    return elements(processInstanceKey).stream()
        .filter(e -> e.getType() == ElementInstanceType.END_EVENT)
        .reduce((first, second) -> second)
        .map(ProcessProgress::name);
  }

  static String name(ElementInstance e) {
    return e.getElementName() != null && !e.getElementName().isBlank()
        ? e.getElementName()
        : e.getElementId();
  }
}
