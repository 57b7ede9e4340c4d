package io.switchboard.engine.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.camunda.client.protocol.rest.ProcessDefinitionElementStatisticsQueryResult;
import io.camunda.client.protocol.rest.ProcessInstanceElementStatisticsQueryResult;
import io.camunda.client.protocol.rest.ProcessInstanceSequenceFlowsQueryResult;
import io.switchboard.engine.query.EngineQueries;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What an operator's diagram view reads ({@code /v2}): element statistics of a process instance or
 * of all instances of a definition, the sequence flows an instance took, its call hierarchy, and
 * message subscriptions.
 */
@RestController
@RequestMapping(
    path = "${switchboard.engine.base-path:/v2}",
    produces = MediaType.APPLICATION_JSON_VALUE)
public class OperatorViewController {
  private final EngineQueries queries;

  public OperatorViewController(EngineQueries queries) {
    this.queries = queries;
  }

  @GetMapping("/process-instances/{key}/statistics/element-instances")
  public ProcessInstanceElementStatisticsQueryResult processInstanceStatistics(
      @PathVariable String key) {
    return queries.processInstanceElementStatistics(key);
  }

  @PostMapping("/process-definitions/{key}/statistics/element-instances")
  public ProcessDefinitionElementStatisticsQueryResult processDefinitionStatistics(
      @PathVariable String key, @RequestBody(required = false) JsonNode query) {
    return queries.processDefinitionElementStatistics(key, query);
  }

  @GetMapping("/process-instances/{key}/call-hierarchy")
  public java.util.List<io.camunda.client.protocol.rest.ProcessInstanceCallHierarchyEntry>
      callHierarchy(@PathVariable String key) {
    return queries.callHierarchy(key);
  }

  @PostMapping("/message-subscriptions/search")
  public io.camunda.client.protocol.rest.MessageSubscriptionSearchQueryResult
      searchMessageSubscriptions(@RequestBody(required = false) JsonNode query) {
    return queries.searchMessageSubscriptions(query);
  }

  @GetMapping("/process-instances/{key}/sequence-flows")
  public ProcessInstanceSequenceFlowsQueryResult sequenceFlows(@PathVariable String key) {
    return queries.sequenceFlows(key);
  }
}
