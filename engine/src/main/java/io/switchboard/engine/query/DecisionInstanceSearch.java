package io.switchboard.engine.query;

import static io.switchboard.engine.query.FieldType.DATE;
import static io.switchboard.engine.query.FieldType.INTEGER;
import static io.switchboard.engine.query.FieldType.KEY;
import static io.switchboard.engine.query.FieldType.STRING;
import static io.switchboard.engine.query.FilterField.column;
import static io.switchboard.engine.query.FilterField.enumeration;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.client.protocol.rest.DecisionDefinitionTypeEnum;
import io.camunda.client.protocol.rest.DecisionInstanceGetQueryResult;
import io.camunda.client.protocol.rest.DecisionInstanceResult;
import io.camunda.client.protocol.rest.DecisionInstanceStateEnum;
import io.camunda.client.protocol.rest.EvaluatedDecisionInputItem;
import io.camunda.client.protocol.rest.MatchedDecisionRuleItem;
import java.io.IOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code POST /decision-instances/search} and {@code GET /decision-instances/{key}}: every decision
 * a business rule task or the evaluate command evaluated; the get adds the evaluated inputs and the
 * matched rules with their outputs.
 */
final class DecisionInstanceSearch {
  private static final ObjectMapper JSON =
      new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
  private static final String TABLE = "engine_history_decision_instance d";
  private static final String COLUMNS =
      "d.key_, d.decision_instance_id, d.evaluation_key, d.state, d.evaluation_date,"
          + " d.evaluation_failure, d.decision_definition_key, d.decision_definition_id,"
          + " d.decision_definition_name, d.decision_definition_version,"
          + " d.decision_definition_type, d.result_, d.process_definition_key,"
          + " d.process_instance_key, d.element_instance_key, d.tenant_id";

  static final SearchSpec<DecisionInstanceResult> SPEC =
      new SearchSpec<>(
          "decision instance",
          TABLE,
          COLUMNS,
          "d.key_",
          Map.ofEntries(
              Map.entry("decisionEvaluationInstanceKey", column("d.decision_instance_id", STRING)),
              Map.entry("state", enumeration("d.state", Set.of("EVALUATED", "FAILED"))),
              Map.entry("evaluationFailure", column("d.evaluation_failure", STRING)),
              Map.entry("evaluationDate", column("d.evaluation_date", DATE)),
              Map.entry("decisionDefinitionId", column("d.decision_definition_id", STRING)),
              Map.entry("decisionDefinitionName", column("d.decision_definition_name", STRING)),
              Map.entry(
                  "decisionDefinitionVersion", column("d.decision_definition_version", INTEGER)),
              Map.entry(
                  "decisionDefinitionType",
                  enumeration(
                      "d.decision_definition_type",
                      Set.of("DECISION_TABLE", "LITERAL_EXPRESSION"))),
              Map.entry("tenantId", column("d.tenant_id", STRING)),
              Map.entry("decisionEvaluationKey", column("d.evaluation_key", KEY)),
              Map.entry("processDefinitionKey", column("d.process_definition_key", KEY)),
              Map.entry("processInstanceKey", column("d.process_instance_key", KEY)),
              Map.entry("decisionDefinitionKey", column("d.decision_definition_key", KEY)),
              Map.entry("elementInstanceKey", column("d.element_instance_key", KEY))),
          Map.ofEntries(
              Map.entry("decisionEvaluationInstanceKey", "d.key_"),
              Map.entry("state", "d.state"),
              Map.entry("evaluationDate", "d.evaluation_date"),
              Map.entry("evaluationFailure", "d.evaluation_failure"),
              Map.entry("decisionDefinitionId", "d.decision_definition_id"),
              Map.entry("decisionDefinitionName", "d.decision_definition_name"),
              Map.entry("decisionDefinitionVersion", "d.decision_definition_version"),
              Map.entry("decisionDefinitionType", "d.decision_definition_type"),
              Map.entry("tenantId", "d.tenant_id"),
              Map.entry("decisionEvaluationKey", "d.evaluation_key"),
              Map.entry("processDefinitionKey", "d.process_definition_key"),
              Map.entry("processInstanceKey", "d.process_instance_key"),
              Map.entry("decisionDefinitionKey", "d.decision_definition_key"),
              Map.entry("elementInstanceKey", "d.element_instance_key")),
          DecisionInstanceSearch::map);

  /** The get: one decision instance by its {@code decisionEvaluationInstanceKey}. */
  static final String GET =
      "SELECT "
          + COLUMNS
          + ", d.evaluated_inputs, d.matched_rules FROM "
          + TABLE
          + " WHERE d.decision_instance_id = ?";

  private DecisionInstanceSearch() {}

  static DecisionInstanceResult map(ResultSet rs, int row) throws SQLException {
    return new DecisionInstanceResult()
        .decisionEvaluationInstanceKey(rs.getString("decision_instance_id"))
        .state(DecisionInstanceStateEnum.fromValue(rs.getString("state")))
        .evaluationDate(Rows.date(rs, "evaluation_date"))
        .evaluationFailure(rs.getString("evaluation_failure"))
        .decisionDefinitionId(rs.getString("decision_definition_id"))
        .decisionDefinitionName(rs.getString("decision_definition_name"))
        .decisionDefinitionVersion(Rows.integer(rs, "decision_definition_version"))
        .decisionDefinitionType(
            DecisionDefinitionTypeEnum.fromValue(rs.getString("decision_definition_type")))
        .result(rs.getString("result_"))
        .tenantId(rs.getString("tenant_id"))
        .decisionEvaluationKey(Rows.key(rs, "evaluation_key"))
        .processDefinitionKey(processKey(rs, "process_definition_key"))
        .processInstanceKey(processKey(rs, "process_instance_key"))
        .decisionDefinitionKey(Rows.key(rs, "decision_definition_key"))
        .elementInstanceKey(processKey(rs, "element_instance_key"));
  }

  /** An evaluation of no process instance answers -1 for its process keys, as Camunda does. */
  private static String processKey(ResultSet rs, String column) throws SQLException {
    String key = Rows.key(rs, column);
    return key == null ? "-1" : key;
  }

  static DecisionInstanceGetQueryResult mapFull(ResultSet rs, int row) throws SQLException {
    DecisionInstanceResult r = map(rs, row);
    return new DecisionInstanceGetQueryResult()
        .decisionEvaluationInstanceKey(r.getDecisionEvaluationInstanceKey())
        .state(r.getState())
        .evaluationDate(r.getEvaluationDate())
        .evaluationFailure(r.getEvaluationFailure())
        .decisionDefinitionId(r.getDecisionDefinitionId())
        .decisionDefinitionName(r.getDecisionDefinitionName())
        .decisionDefinitionVersion(r.getDecisionDefinitionVersion())
        .decisionDefinitionType(r.getDecisionDefinitionType())
        .result(r.getResult())
        .tenantId(r.getTenantId())
        .decisionEvaluationKey(r.getDecisionEvaluationKey())
        .processDefinitionKey(r.getProcessDefinitionKey())
        .processInstanceKey(r.getProcessInstanceKey())
        .decisionDefinitionKey(r.getDecisionDefinitionKey())
        .elementInstanceKey(r.getElementInstanceKey())
        .evaluatedInputs(
            read(
                rs.getString("evaluated_inputs"),
                new TypeReference<List<EvaluatedDecisionInputItem>>() {}))
        .matchedRules(
            read(
                rs.getString("matched_rules"),
                new TypeReference<List<MatchedDecisionRuleItem>>() {}));
  }

  private static <T> List<T> read(String json, TypeReference<List<T>> type) {
    if (json == null) {
      return new ArrayList<>();
    }
    try {
      return new ArrayList<>(JSON.readValue(json, type));
    } catch (IOException e) {
      throw new IllegalStateException("Unreadable decision instance details", e);
    }
  }
}
