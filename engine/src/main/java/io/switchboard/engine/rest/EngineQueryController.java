package io.switchboard.engine.rest;

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
import io.switchboard.engine.query.EngineQueries;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The read part of the Camunda 8 REST API ({@code /v2}): searches with filter, sort and paging, and
 * gets by key, over the engine's read model. Request bodies are read as JSON trees so that both
 * plain filter values and operator objects ({@code {"$in": [...]}}) work, and unknown filter fields
 * are rejected by name.
 */
@RestController
@RequestMapping(
    path = "${switchboard.engine.base-path:/v2}",
    produces = MediaType.APPLICATION_JSON_VALUE)
public class EngineQueryController {
  private final EngineQueries queries;

  public EngineQueryController(EngineQueries queries) {
    this.queries = queries;
  }

  @PostMapping("/process-instances/search")
  public ProcessInstanceSearchQueryResult searchProcessInstances(
      @RequestBody(required = false) JsonNode query) {
    return queries.searchProcessInstances(query);
  }

  @GetMapping("/process-instances/{key}")
  public ProcessInstanceResult processInstance(@PathVariable String key) {
    return queries.processInstance(key);
  }

  @PostMapping("/process-instances/{key}/incidents/search")
  public IncidentSearchQueryResult searchIncidentsOf(
      @PathVariable String key, @RequestBody(required = false) JsonNode query) {
    return queries.searchIncidentsOf(key, query);
  }

  @PostMapping("/element-instances/search")
  public ElementInstanceSearchQueryResult searchElementInstances(
      @RequestBody(required = false) JsonNode query) {
    return queries.searchElementInstances(query);
  }

  @GetMapping("/element-instances/{key}")
  public ElementInstanceResult elementInstance(@PathVariable String key) {
    return queries.elementInstance(key);
  }

  @PostMapping("/variables/search")
  public VariableSearchQueryResult searchVariables(@RequestBody(required = false) JsonNode query) {
    return queries.searchVariables(query);
  }

  @GetMapping("/variables/{key}")
  public VariableResult variable(@PathVariable String key) {
    return queries.variable(key);
  }

  @PostMapping("/jobs/search")
  public JobSearchQueryResult searchJobs(@RequestBody(required = false) JsonNode query) {
    return queries.searchJobs(query);
  }

  /** Incident search with filters, sort and cursors, on the read model. */
  @PostMapping(path = "/incidents/search", consumes = MediaType.APPLICATION_JSON_VALUE)
  public IncidentSearchQueryResult searchIncidents(@RequestBody(required = false) JsonNode query) {
    return queries.searchIncidents(query);
  }

  /** Every decision evaluated by a business rule task or the evaluate decision command. */
  @PostMapping("/decision-instances/search")
  public io.camunda.client.protocol.rest.DecisionInstanceSearchQueryResult searchDecisionInstances(
      @RequestBody(required = false) JsonNode query) {
    return queries.searchDecisionInstances(query);
  }

  /** One decision instance with its evaluated inputs and matched rules. */
  @GetMapping("/decision-instances/{decisionEvaluationInstanceKey}")
  public io.camunda.client.protocol.rest.DecisionInstanceGetQueryResult decisionInstance(
      @PathVariable String decisionEvaluationInstanceKey) {
    return queries.decisionInstance(decisionEvaluationInstanceKey);
  }

  @PostMapping("/process-definitions/search")
  public ProcessDefinitionSearchQueryResult searchProcessDefinitions(
      @RequestBody(required = false) JsonNode query) {
    return queries.searchProcessDefinitions(query);
  }

  @GetMapping("/process-definitions/{key}")
  public ProcessDefinitionResult processDefinition(@PathVariable String key) {
    return queries.processDefinition(key);
  }

  /** Answers text/xml although the client accepts only JSON, as Camunda does. */
  @GetMapping(
      path = "/process-definitions/{key}/xml",
      produces = {
        MediaType.TEXT_XML_VALUE,
        MediaType.APPLICATION_JSON_VALUE,
        MediaType.APPLICATION_PROBLEM_JSON_VALUE
      })
  public ResponseEntity<String> processDefinitionXml(@PathVariable String key) {
    return ResponseEntity.ok()
        .contentType(MediaType.TEXT_XML)
        .body(queries.processDefinitionXml(key));
  }
}
