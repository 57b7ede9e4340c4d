package io.switchboard.engine.store;

import static io.switchboard.engine.store.HistoryValues.text;

import io.switchboard.engine.state.DecisionInstances;
import java.util.ArrayList;
import java.util.List;

/** Writes the decisions evaluated in a batch to {@code engine_history_decision_instance}. */
final class HistoryDecisions {
  private static final String INSERT =
      "INSERT INTO engine_history_decision_instance (key_, decision_instance_id, evaluation_key,"
          + " state, evaluation_date, evaluation_failure, decision_definition_key,"
          + " decision_definition_id, decision_definition_name, decision_definition_version,"
          + " decision_definition_type, result_, evaluated_inputs, matched_rules,"
          + " process_definition_key, process_instance_key, element_instance_key, tenant_id)"
          + " VALUES";
  private static final String VALUES = "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

  private final BulkSql sql;

  HistoryDecisions(BulkSql sql) {
    this.sql = sql;
  }

  void project(List<DecisionInstances.Row> rows, List<Runnable> writes) {
    List<Object[]> inserts = new ArrayList<>(rows.size());
    for (DecisionInstances.Row r : rows) {
      inserts.add(
          new Object[] {
            r.key(),
            r.id(),
            r.evaluationKey(),
            r.failed() ? "FAILED" : "EVALUATED",
            r.evaluationDate(),
            HistoryValues.clip(r.failure()),
            r.decisionDefinitionKey(),
            text(r.decisionDefinitionId()),
            text(r.decisionDefinitionName()),
            r.decisionDefinitionVersion(),
            r.decisionDefinitionType(),
            r.result(),
            r.evaluatedInputs(),
            r.matchedRules(),
            HistoryProjection.orNull(r.processDefinitionKey()),
            HistoryProjection.orNull(r.processInstanceKey()),
            HistoryProjection.orNull(r.elementInstanceKey()),
            text(r.tenantId() == null ? HistoryValues.DEFAULT_TENANT : r.tenantId())
          });
    }
    sql.insert(writes, INSERT, VALUES, inserts);
  }
}
