package io.switchboard.engine.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.camunda.client.protocol.rest.DecisionDefinitionResult;
import io.camunda.client.protocol.rest.DecisionDefinitionSearchQueryResult;
import io.camunda.client.protocol.rest.DecisionRequirementsResult;
import io.camunda.client.protocol.rest.DecisionRequirementsSearchQueryResult;
import io.camunda.client.protocol.rest.EvaluateDecisionResult;
import io.camunda.client.protocol.rest.FormResult;
import io.switchboard.engine.Engine;
import io.switchboard.engine.dmn.DecisionCommands;
import io.switchboard.engine.dmn.DecisionQueries;
import io.switchboard.engine.form.FormResources;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import javax.sql.DataSource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * DMN and forms as Camunda serves them: {@code /decision-definitions/evaluation}, the decision
 * definition and decision requirements searches and gets, {@code /forms/{key}}. Decision instances
 * are read from the read model with the other searches ({@code EngineQueryController}).
 */
@RestController
@RequestMapping(
    path = "${switchboard.engine.base-path:/v2}",
    produces = MediaType.APPLICATION_JSON_VALUE)
public class DecisionController {
  private final Engine engine;
  private final DecisionQueries queries;
  private final DataSource dataSource;

  public DecisionController(Engine engine, DataSource dataSource) {
    this.engine = engine;
    this.dataSource = dataSource;
    this.queries = new DecisionQueries(dataSource);
  }

  @PostMapping(
      path = "/decision-definitions/evaluation",
      consumes = MediaType.APPLICATION_JSON_VALUE)
  @SuppressWarnings("unchecked")
  public CompletableFuture<EvaluateDecisionResult> evaluate(@RequestBody JsonNode body) {
    Map<String, Object> variables =
        body.hasNonNull("variables")
            ? new com.fasterxml.jackson.databind.ObjectMapper()
                .convertValue(body.get("variables"), Map.class)
            : Map.of();
    return engine
        .decisions()
        .evaluate(
            new DecisionCommands.Evaluation(
                text(body, "decisionDefinitionId"),
                text(body, "decisionDefinitionKey"),
                variables,
                text(body, "tenantId")));
  }

  @PostMapping("/decision-definitions/search")
  public DecisionDefinitionSearchQueryResult searchDecisionDefinitions(
      @RequestBody(required = false) JsonNode body) {
    return queries.searchDecisionDefinitions(body);
  }

  @GetMapping("/decision-definitions/{key}")
  public DecisionDefinitionResult decisionDefinition(@PathVariable String key) {
    return queries.decisionDefinition(key);
  }

  /** Answers text/xml although the client accepts only JSON, as Camunda does. */
  @GetMapping(
      path = "/decision-definitions/{key}/xml",
      produces = {
        MediaType.TEXT_XML_VALUE,
        MediaType.APPLICATION_JSON_VALUE,
        MediaType.APPLICATION_PROBLEM_JSON_VALUE
      })
  public ResponseEntity<String> decisionDefinitionXml(@PathVariable String key) {
    return ResponseEntity.ok()
        .contentType(MediaType.TEXT_XML)
        .body(queries.decisionDefinitionXml(key));
  }

  @PostMapping("/decision-requirements/search")
  public DecisionRequirementsSearchQueryResult searchDecisionRequirements(
      @RequestBody(required = false) JsonNode body) {
    return queries.searchDecisionRequirements(body);
  }

  @GetMapping("/decision-requirements/{key}")
  public DecisionRequirementsResult decisionRequirements(@PathVariable String key) {
    return queries.decisionRequirements(key);
  }

  @GetMapping(
      path = "/decision-requirements/{key}/xml",
      produces = {
        MediaType.TEXT_XML_VALUE,
        MediaType.APPLICATION_JSON_VALUE,
        MediaType.APPLICATION_PROBLEM_JSON_VALUE
      })
  public ResponseEntity<String> decisionRequirementsXml(@PathVariable String key) {
    return ResponseEntity.ok()
        .contentType(MediaType.TEXT_XML)
        .body(queries.decisionRequirementsXml(key));
  }

  @GetMapping("/forms/{key}")
  public FormResult form(@PathVariable String key) {
    return FormResources.get(dataSource, key);
  }

  private static String text(JsonNode body, String field) {
    JsonNode value = body.get(field);
    return value == null || value.isNull() ? null : value.asText();
  }
}
