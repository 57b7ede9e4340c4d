package io.switchboard.engine.store;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.switchboard.engine.state.EngineState;
import io.switchboard.engine.state.EntityTable;
import io.switchboard.engine.state.KeyGenerator;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@link EngineStore} on H2 or MySQL/MariaDB through plain JDBC. Each flush also writes the read
 * model ({@link HistoryProjection}) in the same transaction.
 */
public final class JdbcEngineStore implements EngineStore {
  private static final ObjectMapper JSON =
      new ObjectMapper()
          .setVisibility(PropertyAccessor.ALL, JsonAutoDetect.Visibility.NONE)
          .setVisibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.PUBLIC_ONLY)
          .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  private final JdbcTemplate jdbc;
  private final TransactionTemplate transactions;
  private final StoredVariables storedVariables = new StoredVariables();
  private final VariableWrites variableWrites;
  private final BulkSql bulk;
  private final HistoryProjection history;
  private final HistoryMigrations migrations;
  private final HistoryDecisions decisions;

  public JdbcEngineStore(DataSource dataSource) {
    this(dataSource, Clock.systemUTC());
  }

  /**
   * @param clock dates the ends of elements and jobs in the read model
   */
  public JdbcEngineStore(DataSource dataSource, Clock clock) {
    this.jdbc = new JdbcTemplate(dataSource);
    this.transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    this.history = new HistoryProjection(jdbc, clock);
    this.bulk = new BulkSql(jdbc);
    this.migrations = new HistoryMigrations(bulk);
    this.decisions = new HistoryDecisions(bulk);
    this.variableWrites = new VariableWrites(bulk, storedVariables);
  }

  @Override
  public void load(EngineState state) {
    loadTable(state.definitions, io.switchboard.engine.state.ProcessDefinition.class);
    loadTable(state.elementInstances, io.switchboard.engine.state.ElementInstance.class);
    loadTable(state.jobs, io.switchboard.engine.state.Job.class);
    loadTable(state.timers, io.switchboard.engine.state.Timer.class);
    loadTable(state.subscriptions, io.switchboard.engine.state.MessageSubscription.class);
    loadTable(state.messages, io.switchboard.engine.state.BufferedMessage.class);
    loadTable(state.incidents, io.switchboard.engine.state.Incident.class);
    loadTable(state.userTasks, io.switchboard.engine.state.UserTask.class);
    loadTable(state.decisionRequirements, io.switchboard.engine.state.DecisionRequirements.class);
    loadTable(state.forms, io.switchboard.engine.state.Form.class);
    storedVariables.clear();
    jdbc.query(
        "SELECT scope_key, name, process_instance_key, data FROM engine_variable",
        rs -> {
          state.variables.load(
              rs.getLong(1), rs.getLong(3), rs.getString(2), read(rs.getString(4), Object.class));
          storedVariables.add(rs.getLong(1), rs.getString(2));
        });
    Long reserved =
        jdbc.queryForObject(
            "SELECT reserved_up_to FROM engine_key_sequence WHERE id = 1", Long.class);
    state.keys = new KeyGenerator(reserved == null ? 0 : reserved);
    state.reindex();
    List<Runnable> backfill = new HistoryBackfill(jdbc).writes(state, history);
    if (!backfill.isEmpty()) {
      transactions.executeWithoutResult(status -> backfill.forEach(Runnable::run));
    }
  }

  private <T> void loadTable(EntityTable<T> table, Class<T> type) {
    jdbc.query(
        "SELECT key_, data FROM engine_" + table.name(),
        rs -> {
          table.load(rs.getLong(1), read(rs.getString(2), type));
        });
  }

  @Override
  public void flush(EngineState state) {
    List<Runnable> writes = new ArrayList<>();
    TableChanges changes = new TableChanges();
    for (EntityTable<?> table : state.tables()) {
      collect(table, changes, writes);
    }
    List<HistoryVariable> variables = variableWrites.collect(state.variables, writes);
    long reserved = state.keys.drainReservation();
    if (reserved > 0) {
      writes.add(
          () ->
              jdbc.update(
                  "UPDATE engine_key_sequence SET reserved_up_to = ? WHERE id = 1", reserved));
    }
    history.project(state, changes, variables, writes);
    migrations.project(state.migratedRows.drain(), writes);
    decisions.project(state.decisionInstances.drain(), writes);
    List<Object[]> flows = new ArrayList<>();
    for (var taken : state.takenFlows.drain()) {
      flows.add(
          new Object[] {
            taken.key(),
            taken.processInstanceKey(),
            taken.processDefinitionKey(),
            taken.bpmnProcessId(),
            taken.flowId(),
            taken.tenantId()
          });
    }
    bulk.insert(
        writes,
        "INSERT INTO engine_history_sequence_flow (key_, process_instance_key,"
            + " process_definition_key, bpmn_process_id, element_id, tenant_id) VALUES",
        "(?, ?, ?, ?, ?, ?)",
        flows);
    state.tables().forEach(EntityTable::clearEndReasons);
    if (writes.isEmpty()) {
      return;
    }
    transactions.executeWithoutResult(status -> writes.forEach(Runnable::run));
  }

  private <T> void collect(EntityTable<T> table, TableChanges changes, List<Runnable> writes) {
    Set<Long> changed = table.drainDirty();
    if (changed.isEmpty()) {
      return;
    }
    List<RowChange<T>> rows = new ArrayList<>(changed.size());
    List<Long> deletes = new ArrayList<>();
    List<Object[]> updates = new ArrayList<>();
    List<Object[]> inserts = new ArrayList<>();
    for (Long key : changed) {
      T row = table.get(key);
      boolean stored = table.isStored(key);
      rows.add(new RowChange<>(key, row, stored, table.ended(key)));
      if (row == null) {
        if (stored) {
          deletes.add(key);
        }
      } else if (stored) {
        updates.add(new Object[] {processInstanceKey(row), write(row), key});
      } else {
        inserts.add(new Object[] {key, processInstanceKey(row), write(row)});
      }
      // rows created and removed within one batch never reach storage at all
      table.markStored(key, row != null);
    }
    changes.put(table, rows);
    String name = "engine_" + table.name();
    if (updates.size() > 1) {
      // an UPDATE per row would cost a round trip each: replace the rows instead
      for (Object[] update : updates) {
        deletes.add((Long) update[2]);
        inserts.add(new Object[] {update[2], update[0], update[1]});
      }
      updates.clear();
    }
    bulk.in(writes, "DELETE FROM " + name + " WHERE key_ IN", deletes);
    bulk.batch(
        writes,
        "UPDATE " + name + " SET process_instance_key = ?, data = ? WHERE key_ = ?",
        updates);
    bulk.insert(
        writes,
        "INSERT INTO " + name + " (key_, process_instance_key, data) VALUES",
        "(?, ?, ?)",
        inserts);
  }

  private static final ClassValue<java.lang.reflect.Field> PROCESS_INSTANCE_KEY =
      new ClassValue<>() {
        @Override
        protected java.lang.reflect.Field computeValue(Class<?> type) {
          try {
            return type.getField("processInstanceKey");
          } catch (NoSuchFieldException e) {
            return null; // process definitions belong to no instance
          }
        }
      };

  private static Long processInstanceKey(Object row) {
    java.lang.reflect.Field field = PROCESS_INSTANCE_KEY.get(row.getClass());
    try {
      return field == null ? null : (Long) field.get(row);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
  }

  static String write(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot serialize engine state", e);
    }
  }

  static <T> T read(String json, Class<T> type) {
    try {
      return JSON.readValue(json, type);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot read engine state row: " + e.getMessage(), e);
    }
  }
}
