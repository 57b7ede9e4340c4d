package io.switchboard.engine.query;

import com.fasterxml.jackson.databind.JsonNode;
import io.camunda.client.protocol.rest.ElementInstanceResult;
import io.camunda.client.protocol.rest.ElementInstanceSearchQueryResult;
import io.camunda.client.protocol.rest.IncidentSearchQueryResult;
import io.camunda.client.protocol.rest.JobSearchQueryResult;
import io.camunda.client.protocol.rest.ProcessDefinitionResult;
import io.camunda.client.protocol.rest.ProcessDefinitionSearchQueryResult;
import io.camunda.client.protocol.rest.ProcessInstanceResult;
import io.camunda.client.protocol.rest.ProcessInstanceSearchQueryResult;
import io.camunda.client.protocol.rest.VariableResult;
import io.camunda.client.protocol.rest.VariableSearchQueryResult;
import io.switchboard.engine.processor.EngineException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The engine's read API (Camunda's search and get endpoints) over the read model the store keeps
 * ({@code engine_history_*}). Queries run on the caller's thread in read-only transactions, never
 * on the command processor; they see every command the engine has acknowledged.
 */
public final class EngineQueries {
  private final SqlSearch search;
  private final JdbcTemplate jdbc;
  private final ElementStatistics statistics;
  private final CallHierarchy callHierarchy;

  public EngineQueries(DataSource dataSource) {
    this.jdbc = new JdbcTemplate(dataSource);
    TransactionTemplate readOnly =
        new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    readOnly.setReadOnly(true);
    this.search = new SqlSearch(jdbc, readOnly);
    this.statistics = new ElementStatistics(jdbc);
    this.callHierarchy = new CallHierarchy(jdbc);
  }

  /** {@code GET /process-instances/{key}/statistics/element-instances}. */
  public io.camunda.client.protocol.rest.ProcessInstanceElementStatisticsQueryResult
      processInstanceElementStatistics(String key) {
    long processInstanceKey = parse(key, "processInstanceKey");
    processInstance(key); // 404 for an unknown instance, as Camunda
    return new io.camunda.client.protocol.rest.ProcessInstanceElementStatisticsQueryResult()
        .items(statistics.ofProcessInstance(processInstanceKey));
  }

  /**
   * {@code GET /process-instances/{key}/sequence-flows}: every flow the instance took, once, in the
   * order first taken; {@code sequenceFlowId} is Camunda's composite of instance key and flow id.
   */
  public io.camunda.client.protocol.rest.ProcessInstanceSequenceFlowsQueryResult sequenceFlows(
      String key) {
    long processInstanceKey = parse(key, "processInstanceKey");
    processInstance(key); // 404 for an unknown instance
    List<io.camunda.client.protocol.rest.ProcessInstanceSequenceFlowResult> items =
        jdbc.query(
            "SELECT element_id, MIN(key_) AS first_taken, process_definition_key,"
                + " bpmn_process_id, tenant_id FROM engine_history_sequence_flow"
                + " WHERE process_instance_key = ?"
                + " GROUP BY element_id, process_definition_key, bpmn_process_id, tenant_id"
                + " ORDER BY first_taken",
            (rs, row) ->
                new io.camunda.client.protocol.rest.ProcessInstanceSequenceFlowResult()
                    .sequenceFlowId(processInstanceKey + "_" + rs.getString("element_id"))
                    .elementId(rs.getString("element_id"))
                    .processInstanceKey(String.valueOf(processInstanceKey))
                    .processDefinitionKey(String.valueOf(rs.getLong("process_definition_key")))
                    .processDefinitionId(rs.getString("bpmn_process_id"))
                    .tenantId(rs.getString("tenant_id")),
            processInstanceKey);
    return new io.camunda.client.protocol.rest.ProcessInstanceSequenceFlowsQueryResult()
        .items(new java.util.ArrayList<>(items));
  }

  /** {@code POST /process-definitions/{key}/statistics/element-instances}. */
  public io.camunda.client.protocol.rest.ProcessDefinitionElementStatisticsQueryResult
      processDefinitionElementStatistics(String key, JsonNode query) {
    long processDefinitionKey = parse(key, "processDefinitionKey");
    processDefinition(key);
    return new io.camunda.client.protocol.rest.ProcessDefinitionElementStatisticsQueryResult()
        .items(statistics.ofProcessDefinition(processDefinitionKey, query));
  }

  public ProcessInstanceSearchQueryResult searchProcessInstances(JsonNode query) {
    SearchPage<ProcessInstanceResult> page = search.search(ProcessInstanceSearch.SPEC, query);
    return new ProcessInstanceSearchQueryResult().items(list(page.items())).page(page.page());
  }

  public ProcessInstanceResult processInstance(String key) {
    return found(
        search.get(ProcessInstanceSearch.SPEC, parse(key, "processInstanceKey")),
        "Process instance",
        key);
  }

  public ElementInstanceSearchQueryResult searchElementInstances(JsonNode query) {
    SearchPage<ElementInstanceResult> page = search.search(ElementInstanceSearch.SPEC, query);
    return new ElementInstanceSearchQueryResult().items(list(page.items())).page(page.page());
  }

  public ElementInstanceResult elementInstance(String key) {
    return found(
        search.get(ElementInstanceSearch.SPEC, parse(key, "elementInstanceKey")),
        "Element instance",
        key);
  }

  public VariableSearchQueryResult searchVariables(JsonNode query) {
    var page = search.search(VariableSearch.SPEC, query);
    return new VariableSearchQueryResult().items(list(page.items())).page(page.page());
  }

  public VariableResult variable(String key) {
    return found(search.get(VariableSearch.FULL, parse(key, "variableKey")), "Variable", key);
  }

  public JobSearchQueryResult searchJobs(JsonNode query) {
    var page = search.search(JobSearch.SPEC, query);
    return new JobSearchQueryResult().items(list(page.items())).page(page.page());
  }

  /** {@code POST /message-subscriptions/search}. */
  public io.camunda.client.protocol.rest.MessageSubscriptionSearchQueryResult
      searchMessageSubscriptions(JsonNode query) {
    var page = search.search(MessageSubscriptionSearch.SPEC, query);
    return new io.camunda.client.protocol.rest.MessageSubscriptionSearchQueryResult()
        .items(list(page.items()))
        .page(page.page());
  }

  /** {@code GET /process-instances/{key}/call-hierarchy}: root first, the instance last. */
  public List<io.camunda.client.protocol.rest.ProcessInstanceCallHierarchyEntry> callHierarchy(
      String key) {
    return found(
        callHierarchy.of(parse(key, "processInstanceKey")).map(ArrayList::new),
        "Process instance",
        key);
  }

  /** {@code POST /decision-instances/search}. */
  public io.camunda.client.protocol.rest.DecisionInstanceSearchQueryResult searchDecisionInstances(
      JsonNode query) {
    var page = search.search(DecisionInstanceSearch.SPEC, query);
    return new io.camunda.client.protocol.rest.DecisionInstanceSearchQueryResult()
        .items(list(page.items()))
        .page(page.page());
  }

  /** {@code GET /decision-instances/{decisionEvaluationInstanceKey}}. */
  public io.camunda.client.protocol.rest.DecisionInstanceGetQueryResult decisionInstance(
      String decisionEvaluationInstanceKey) {
    return found(
        jdbc
            .query(
                DecisionInstanceSearch.GET,
                DecisionInstanceSearch::mapFull,
                decisionEvaluationInstanceKey)
            .stream()
            .findFirst(),
        "Decision instance",
        decisionEvaluationInstanceKey);
  }

  public IncidentSearchQueryResult searchIncidents(JsonNode query) {
    var page = search.search(IncidentSearch.SPEC, query);
    return new IncidentSearchQueryResult().items(list(page.items())).page(page.page());
  }

  /** The incidents of one process instance ({@code /process-instances/{key}/incidents/search}). */
  public IncidentSearchQueryResult searchIncidentsOf(String processInstanceKey, JsonNode query) {
    long key = parse(processInstanceKey, "processInstanceKey");
    processInstance(processInstanceKey);
    var page =
        search.search(
            IncidentSearch.SPEC, query, where -> where.add("i.process_instance_key = ?", key));
    return new IncidentSearchQueryResult().items(list(page.items())).page(page.page());
  }

  public ProcessDefinitionSearchQueryResult searchProcessDefinitions(JsonNode query) {
    SearchPage<ProcessDefinitionResult> page = search.search(ProcessDefinitionSearch.SPEC, query);
    return new ProcessDefinitionSearchQueryResult().items(list(page.items())).page(page.page());
  }

  public ProcessDefinitionResult processDefinition(String key) {
    return found(
        search.get(ProcessDefinitionSearch.SPEC, parse(key, "processDefinitionKey")),
        "Process definition",
        key);
  }

  /** The BPMN XML of a process definition, exactly as deployed. */
  public String processDefinitionXml(String key) {
    List<String> xml =
        jdbc.queryForList(
            "SELECT resource FROM engine_history_process_definition WHERE key_ = ?",
            String.class,
            parse(key, "processDefinitionKey"));
    return found(xml.stream().findFirst(), "Process definition", key);
  }

  private static long parse(String key, String what) {
    try {
      return Long.parseLong(key);
    } catch (NumberFormatException e) {
      throw EngineException.invalidArgument(
          "Expected " + what + " to be a numeric key, but it was '" + key + "'");
    }
  }

  private static <R> R found(Optional<R> result, String what, String key) {
    return result.orElseThrow(
        () -> EngineException.notFound(what + " with key '" + key + "' not found"));
  }

  private static <R> List<R> list(List<R> items) {
    return new ArrayList<>(items);
  }
}
