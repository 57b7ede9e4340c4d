package io.switchboard.engine.dmn;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.client.protocol.rest.DecisionDefinitionResult;
import io.camunda.client.protocol.rest.DecisionDefinitionSearchQueryResult;
import io.camunda.client.protocol.rest.DecisionRequirementsResult;
import io.camunda.client.protocol.rest.DecisionRequirementsSearchQueryResult;
import io.camunda.client.protocol.rest.SearchQueryPageResponse;
import io.switchboard.engine.processor.EngineException;
import io.switchboard.engine.state.DecisionRequirements;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The decision read API: {@code /decision-definitions/search}, {@code /{key}}, {@code /{key}/xml},
 * {@code /decision-requirements/search}, {@code /{key}}, {@code /{key}/xml}. Reads the stored rows
 * on the caller's thread (never the command processor's); they hold every acknowledged deployment.
 */
public final class DecisionQueries {
  private static final ObjectMapper JSON =
      new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  private static final Map<String, Function<DecisionDefinitionResult, Object>> DECISION_FIELDS =
      new LinkedHashMap<>();
  private static final Map<String, Function<DecisionRequirementsResult, Object>>
      REQUIREMENTS_FIELDS = new LinkedHashMap<>();

  static {
    DECISION_FIELDS.put("decisionDefinitionKey", d -> Long.valueOf(d.getDecisionDefinitionKey()));
    DECISION_FIELDS.put("decisionDefinitionId", DecisionDefinitionResult::getDecisionDefinitionId);
    DECISION_FIELDS.put("name", DecisionDefinitionResult::getName);
    DECISION_FIELDS.put("version", DecisionDefinitionResult::getVersion);
    DECISION_FIELDS.put(
        "decisionRequirementsId", DecisionDefinitionResult::getDecisionRequirementsId);
    DECISION_FIELDS.put(
        "decisionRequirementsKey", d -> Long.valueOf(d.getDecisionRequirementsKey()));
    DECISION_FIELDS.put("tenantId", DecisionDefinitionResult::getTenantId);
    REQUIREMENTS_FIELDS.put(
        "decisionRequirementsKey", r -> Long.valueOf(r.getDecisionRequirementsKey()));
    REQUIREMENTS_FIELDS.put(
        "decisionRequirementsId", DecisionRequirementsResult::getDecisionRequirementsId);
    REQUIREMENTS_FIELDS.put(
        "decisionRequirementsName", DecisionRequirementsResult::getDecisionRequirementsName);
    REQUIREMENTS_FIELDS.put("version", DecisionRequirementsResult::getVersion);
    REQUIREMENTS_FIELDS.put("resourceName", DecisionRequirementsResult::getResourceName);
    REQUIREMENTS_FIELDS.put("tenantId", DecisionRequirementsResult::getTenantId);
  }

  private final JdbcTemplate jdbc;

  public DecisionQueries(DataSource dataSource) {
    this.jdbc = new JdbcTemplate(dataSource);
  }

  public DecisionDefinitionSearchQueryResult searchDecisionDefinitions(JsonNode body) {
    MemorySearch.Page<DecisionDefinitionResult> page =
        MemorySearch.search(decisions(), body, DECISION_FIELDS, "decision definition");
    return new DecisionDefinitionSearchQueryResult()
        .items(page.items())
        .page(new SearchQueryPageResponse().totalItems(page.total()).hasMoreTotalItems(false));
  }

  public DecisionDefinitionResult decisionDefinition(String key) {
    long k = parse(key, "decisionDefinitionKey");
    return decisions().stream()
        .filter(d -> Long.parseLong(d.getDecisionDefinitionKey()) == k)
        .findFirst()
        .orElseThrow(() -> notFound("decision definition", k));
  }

  /** The DMN XML of the resource the decision came from. */
  public String decisionDefinitionXml(String key) {
    long k = parse(key, "decisionDefinitionKey");
    return graphs().stream()
        .filter(g -> g.decisions.stream().anyMatch(d -> d.key == k))
        .findFirst()
        .map(g -> g.resource)
        .orElseThrow(() -> notFound("decision definition", k));
  }

  public DecisionRequirementsSearchQueryResult searchDecisionRequirements(JsonNode body) {
    MemorySearch.Page<DecisionRequirementsResult> page =
        MemorySearch.search(requirements(), body, REQUIREMENTS_FIELDS, "decision requirements");
    return new DecisionRequirementsSearchQueryResult()
        .items(page.items())
        .page(new SearchQueryPageResponse().totalItems(page.total()).hasMoreTotalItems(false));
  }

  public DecisionRequirementsResult decisionRequirements(String key) {
    long k = parse(key, "decisionRequirementsKey");
    return requirements().stream()
        .filter(r -> Long.parseLong(r.getDecisionRequirementsKey()) == k)
        .findFirst()
        .orElseThrow(() -> notFound("decision requirements", k));
  }

  public String decisionRequirementsXml(String key) {
    long k = parse(key, "decisionRequirementsKey");
    return graphs().stream()
        .filter(g -> g.key == k)
        .findFirst()
        .map(g -> g.resource)
        .orElseThrow(() -> notFound("decision requirements", k));
  }

  private List<DecisionRequirements> graphs() {
    return jdbc.query(
        "SELECT data FROM engine_decision_requirements ORDER BY key_",
        (rs, row) -> read(rs.getString(1)));
  }

  private List<DecisionDefinitionResult> decisions() {
    List<DecisionDefinitionResult> all = new ArrayList<>();
    for (DecisionRequirements graph : graphs()) {
      for (DecisionRequirements.Decision d : graph.decisions) {
        all.add(
            new DecisionDefinitionResult()
                .decisionDefinitionKey(String.valueOf(d.key))
                .decisionDefinitionId(d.decisionId)
                .name(d.name)
                .version(d.version)
                .decisionRequirementsId(graph.decisionRequirementsId)
                .decisionRequirementsKey(String.valueOf(graph.key))
                .tenantId(graph.tenantId));
      }
    }
    return all;
  }

  private List<DecisionRequirementsResult> requirements() {
    return graphs().stream()
        .map(
            g ->
                new DecisionRequirementsResult()
                    .decisionRequirementsKey(String.valueOf(g.key))
                    .decisionRequirementsId(g.decisionRequirementsId)
                    .decisionRequirementsName(g.name)
                    .version(g.version)
                    .resourceName(g.resourceName)
                    .tenantId(g.tenantId))
        .toList();
  }

  private static DecisionRequirements read(String json) {
    try {
      return JSON.readValue(json, DecisionRequirements.class);
    } catch (java.io.IOException e) {
      throw new IllegalStateException("Unreadable decision requirements row", e);
    }
  }

  private static long parse(String key, String what) {
    try {
      return Long.parseLong(key);
    } catch (NumberFormatException e) {
      throw EngineException.invalidArgument(
          "Expected " + what + " to be a numeric key, but it was '" + key + "'");
    }
  }

  private static EngineException notFound(String what, long key) {
    return EngineException.notFound(
        "Expected to find " + what + " with key '" + key + "', but none found");
  }
}
