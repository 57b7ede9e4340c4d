package io.switchboard.engine.store;

import static io.switchboard.engine.store.HistoryValues.text;

import io.switchboard.engine.state.ElementInstance;
import io.switchboard.engine.state.EngineState;
import io.switchboard.engine.state.EntityTable;
import io.switchboard.engine.state.Incident;
import io.switchboard.engine.state.ProcessDefinition;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Keeps the read model ({@code engine_history_*}) in step with the runtime state. Per flush it
 * turns the changed rows into batched inserts (rows storage did not have yet) and updates (rows
 * that changed or ended), written in the flush's transaction. It never reads the database: whether
 * a history row exists follows from whether the runtime row was stored.
 */
final class HistoryProjection {
  private static final String INSERT_DEFINITION =
      "INSERT INTO engine_history_process_definition (key_, bpmn_process_id, name, version,"
          + " version_tag, tenant_id, resource_name, has_start_form, resource) VALUES";
  private static final String DEFINITION_VALUES = "(?, ?, ?, ?, ?, ?, ?, FALSE, ?)";
  private static final String INSERT_PROCESS_INSTANCE =
      "INSERT INTO engine_history_process_instance (key_, process_definition_key, bpmn_process_id,"
          + " process_definition_name, process_definition_version, version_tag, tenant_id, state,"
          + " start_date, end_date, has_incident, parent_process_instance_key,"
          + " parent_element_instance_key) VALUES";
  private static final String PROCESS_INSTANCE_VALUES =
      "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, FALSE, ?, ?)";
  private static final String END_PROCESS_INSTANCES =
      "UPDATE engine_history_process_instance SET state = ?, end_date = ? WHERE key_ IN";
  private static final String INSERT_ELEMENT_INSTANCE =
      "INSERT INTO engine_history_element_instance (key_, process_instance_key,"
          + " process_definition_key, bpmn_process_id, element_id, element_name, type, state,"
          + " start_date, end_date, has_incident, flow_scope_key, tenant_id) VALUES";
  private static final String ELEMENT_INSTANCE_VALUES =
      "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, FALSE, ?, ?)";
  private static final String END_ELEMENT_INSTANCES =
      "UPDATE engine_history_element_instance SET state = ?, end_date = ? WHERE key_ IN";
  private static final String INCIDENT_FLAG_OF_ELEMENT =
      "UPDATE engine_history_element_instance SET incident_key ="
          + " (SELECT MIN(i.key_) FROM engine_history_incident i"
          + " WHERE i.element_instance_key = ? AND i.state = 'ACTIVE') WHERE key_ = ?";
  private static final String HAS_INCIDENT_FROM_KEY =
      "UPDATE engine_history_element_instance SET has_incident ="
          + " CASE WHEN incident_key IS NULL THEN FALSE ELSE TRUE END WHERE key_ = ?";
  private static final String INCIDENT_FLAG_OF_PROCESS_INSTANCE =
      "UPDATE engine_history_process_instance SET has_incident = CASE WHEN EXISTS"
          + " (SELECT 1 FROM engine_history_incident i"
          + " WHERE i.process_instance_key = ? AND i.state = 'ACTIVE') THEN TRUE ELSE FALSE END"
          + " WHERE key_ = ?";
  private static final String INSERT_INCIDENT =
      "INSERT INTO engine_history_incident (key_, error_type, error_message, error_message_hash,"
          + " element_id, element_instance_key, process_instance_key, process_definition_key,"
          + " bpmn_process_id, job_key, state, creation_time, tenant_id) VALUES";
  private static final String INCIDENT_VALUES = "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
  private static final String UPDATE_INCIDENT =
      "UPDATE engine_history_incident SET state = ? WHERE key_ = ?";
  private static final String INSERT_VARIABLE =
      "INSERT INTO engine_history_variable (scope_key, name, value_, full_value, is_truncated,"
          + " process_instance_key, tenant_id) VALUES";
  private static final String VARIABLE_VALUES = "(?, ?, ?, ?, ?, ?, ?)";
  private static final String UPDATE_VARIABLE =
      "UPDATE engine_history_variable SET value_ = ?, full_value = ?, is_truncated = ?"
          + " WHERE scope_key = ? AND name = ?";

  private final BulkSql sql;
  private final Clock clock;
  private final BpmnNames names = new BpmnNames();
  private final HistoryJobs jobs;
  private final HistorySubscriptions subscriptions;

  HistoryProjection(JdbcTemplate jdbc, Clock clock) {
    this.sql = new BulkSql(jdbc);
    this.clock = clock;
    this.jobs = new HistoryJobs(sql);
    this.subscriptions = new HistorySubscriptions(sql);
  }

  /** Adds the read model's writes for one flush to {@code writes}. */
  void project(
      EngineState state,
      TableChanges changes,
      List<HistoryVariable> variables,
      List<Runnable> writes) {
    long now = clock.millis();
    definitions(changes.of(state.definitions), writes);
    elementInstances(state, changes.of(state.elementInstances), now, writes);
    jobs.project(changes.of(state.jobs), now, writes);
    subscriptions.project(changes.of(state.subscriptions), now, writes);
    variables(state, variables, writes);
    incidents(changes.of(state.incidents), writes);
  }

  private void definitions(List<RowChange<ProcessDefinition>> changes, List<Runnable> writes) {
    List<Object[]> inserts = new ArrayList<>();
    for (RowChange<ProcessDefinition> change : changes) {
      ProcessDefinition d = change.row();
      if (d != null && !change.wasStored()) {
        BpmnNames.Names n = names.of(d);
        inserts.add(
            new Object[] {
              d.key,
              text(d.bpmnProcessId),
              text(n.processName()),
              d.version,
              text(n.versionTag()),
              text(d.tenantId),
              HistoryValues.clip(d.resourceName, 1024),
              d.resource
            });
      }
    }
    sql.insert(writes, INSERT_DEFINITION, DEFINITION_VALUES, inserts);
  }

  private void elementInstances(
      EngineState state,
      List<RowChange<ElementInstance>> changes,
      long now,
      List<Runnable> writes) {
    List<Object[]> processInserts = new ArrayList<>();
    Map<String, List<Long>> processEnds = new TreeMap<>();
    List<Object[]> elementInserts = new ArrayList<>();
    Map<String, List<Long>> elementEnds = new TreeMap<>();
    for (RowChange<ElementInstance> change : changes) {
      ElementInstance instance = change.lastKnown();
      if (change.row() != null) {
        // a running element's read model row changes only when it ends (or by incidents)
        if (!change.wasStored()) {
          add(state, instance, "ACTIVE", null, processInserts, elementInserts);
        }
        continue;
      }
      String end =
          change.ended() != null && "COMPLETED".equals(change.ended().reason())
              ? "COMPLETED"
              : "TERMINATED";
      if (change.wasStored()) {
        if (instance == null || instance.isProcessInstance()) {
          processEnds.computeIfAbsent(end, k -> new ArrayList<>()).add(change.key());
        }
        if (instance == null || !instance.isProcessInstance()) {
          elementEnds.computeIfAbsent(end, k -> new ArrayList<>()).add(change.key());
        }
      } else if (instance != null) {
        add(state, instance, end, now, processInserts, elementInserts);
      }
    }
    sql.insert(writes, INSERT_PROCESS_INSTANCE, PROCESS_INSTANCE_VALUES, processInserts);
    processEnds.forEach((end, keys) -> sql.in(writes, END_PROCESS_INSTANCES, keys, end, now));
    sql.insert(writes, INSERT_ELEMENT_INSTANCE, ELEMENT_INSTANCE_VALUES, elementInserts);
    elementEnds.forEach((end, keys) -> sql.in(writes, END_ELEMENT_INSTANCES, keys, end, now));
  }

  private void add(
      EngineState state,
      ElementInstance e,
      String status,
      Long endDate,
      List<Object[]> processInserts,
      List<Object[]> elementInserts) {
    BpmnNames.Names n = names.of(state.definitions.get(e.processDefinitionKey));
    if (e.isProcessInstance()) {
      processInserts.add(
          new Object[] {
            e.key,
            e.processDefinitionKey,
            text(e.bpmnProcessId),
            text(n.processName()),
            e.version,
            text(n.versionTag()),
            text(e.tenantId),
            status,
            e.startTime,
            endDate,
            orNull(e.parentProcessInstanceKey),
            orNull(e.parentElementInstanceKey)
          });
    } else {
      elementInserts.add(
          new Object[] {
            e.key,
            e.processInstanceKey,
            e.processDefinitionKey,
            text(e.bpmnProcessId),
            text(e.elementId),
            text(n.element(e.elementId)),
            e.elementType.name(),
            status,
            e.startTime,
            endDate,
            e.flowScopeKey,
            text(e.tenantId)
          });
    }
  }

  private void variables(
      EngineState state, List<HistoryVariable> variables, List<Runnable> writes) {
    List<Object[]> inserts = new ArrayList<>();
    List<Object[]> updates = new ArrayList<>();
    for (HistoryVariable v : variables) {
      String json = JdbcEngineStore.write(v.value());
      boolean truncated = json.length() > HistoryValues.VALUE_LIMIT;
      String value = HistoryValues.clip(json, HistoryValues.VALUE_LIMIT);
      String full = truncated ? json : null;
      if (v.recorded()) {
        updates.add(new Object[] {value, full, truncated, v.scopeKey(), v.name()});
      } else {
        inserts.add(
            new Object[] {
              v.scopeKey(),
              v.name(),
              value,
              full,
              truncated,
              v.processInstanceKey(),
              text(tenantOf(state, v.processInstanceKey()))
            });
      }
    }
    // inserts first: a variable set twice in one flush is inserted, then updated
    sql.insert(writes, INSERT_VARIABLE, VARIABLE_VALUES, inserts);
    sql.batch(writes, UPDATE_VARIABLE, updates);
  }

  private static String tenantOf(EngineState state, long processInstanceKey) {
    ElementInstance pi = state.elementInstances.get(processInstanceKey);
    if (pi == null) {
      EntityTable.Ended<ElementInstance> ended = state.elementInstances.ended(processInstanceKey);
      pi = ended == null ? null : ended.row();
    }
    return pi == null || pi.tenantId == null ? HistoryValues.DEFAULT_TENANT : pi.tenantId;
  }

  private void incidents(List<RowChange<Incident>> changes, List<Runnable> writes) {
    List<Object[]> inserts = new ArrayList<>();
    List<Object[]> updates = new ArrayList<>();
    Set<Long> elements = new LinkedHashSet<>();
    Set<Long> processInstances = new LinkedHashSet<>();
    for (RowChange<Incident> change : changes) {
      Incident i = change.lastKnown();
      String status = change.row() == null || i == null ? "RESOLVED" : i.state.name();
      if (!change.wasStored() && i != null) {
        inserts.add(
            new Object[] {
              i.key,
              HistoryValues.clip(i.errorType, 64),
              HistoryValues.clip(i.errorMessage),
              i.errorMessage == null ? null : i.errorMessage.hashCode(),
              text(i.elementId),
              i.elementInstanceKey,
              i.processInstanceKey,
              i.processDefinitionKey,
              text(i.bpmnProcessId),
              orNull(i.jobKey),
              status,
              i.creationTime,
              text(i.tenantId)
            });
      } else if (change.wasStored()) {
        updates.add(new Object[] {status, change.key()});
      }
      if (i != null) {
        elements.add(i.elementInstanceKey);
        processInstances.add(i.processInstanceKey);
      }
    }
    sql.insert(writes, INSERT_INCIDENT, INCIDENT_VALUES, inserts);
    sql.batch(writes, UPDATE_INCIDENT, updates);
    sql.batch(
        writes, INCIDENT_FLAG_OF_ELEMENT, elements.stream().map(k -> new Object[] {k, k}).toList());
    sql.batch(writes, HAS_INCIDENT_FROM_KEY, elements.stream().map(k -> new Object[] {k}).toList());
    sql.batch(
        writes,
        INCIDENT_FLAG_OF_PROCESS_INSTANCE,
        processInstances.stream().map(k -> new Object[] {k, k}).toList());
  }

  static Long orNull(long key) {
    return key < 0 ? null : key;
  }
}
