package io.switchboard.engine.dmn;

import io.camunda.client.protocol.rest.DeploymentDecisionRequirementsResult;
import io.camunda.client.protocol.rest.DeploymentDecisionResult;
import io.camunda.client.protocol.rest.DeploymentMetadataResult;
import io.camunda.client.protocol.rest.DeploymentResult;
import io.switchboard.engine.state.DecisionRequirements;
import io.switchboard.engine.state.EngineState;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Stores the DMN resources of a deployment (on the command processor thread, in the deployment's
 * batch, so BPMN and DMN are stored together or not at all). A resource identical to the latest
 * version of its graph keeps that version and its keys, as in Zeebe; otherwise the graph and each
 * of its decisions get the next version.
 */
public final class DecisionDeployments {
  private DecisionDeployments() {}

  /** Problems a set of DMN resources has together: a decision id twice in one deployment. */
  public static void checkTogether(List<DecisionResources.Parsed> parsed, List<String> problems) {
    Set<String> decisionIds = new HashSet<>();
    Set<String> graphIds = new HashSet<>();
    for (DecisionResources.Parsed p : parsed) {
      if (!graphIds.add(p.decisionRequirementsId())) {
        problems.add(
            "decision requirements id '"
                + p.decisionRequirementsId()
                + "' appears more than once in the deployment");
      }
      for (DecisionResources.ParsedDecisionInfo d : p.decisions()) {
        if (!decisionIds.add(d.id())) {
          problems.add("decision id '" + d.id() + "' appears more than once in the deployment");
        }
      }
    }
  }

  public static void store(
      EngineState state,
      String tenantId,
      long deploymentKey,
      long now,
      List<DecisionResources.Parsed> parsed,
      DeploymentResult result) {
    for (DecisionResources.Parsed p : parsed) {
      String checksum = Checksums.sha256(p.content());
      Optional<DecisionRequirements> latest =
          DecisionLookup.latestRequirements(state, tenantId, p.decisionRequirementsId());
      DecisionRequirements graph;
      if (latest.isPresent() && latest.get().checksum.equals(checksum)) {
        graph = latest.get();
      } else {
        graph = new DecisionRequirements();
        graph.key = state.keys.nextKey();
        graph.decisionRequirementsId = p.decisionRequirementsId();
        graph.name = p.name();
        graph.version = latest.map(r -> r.version + 1).orElse(1);
        graph.tenantId = tenantId;
        graph.resourceName = p.resourceName();
        graph.checksum = checksum;
        graph.resource = new String(p.content(), StandardCharsets.UTF_8);
        graph.deploymentKey = deploymentKey;
        graph.deployedAt = now;
        for (DecisionResources.ParsedDecisionInfo info : p.decisions()) {
          DecisionRequirements.Decision decision = new DecisionRequirements.Decision();
          decision.key = state.keys.nextKey();
          decision.decisionId = info.id();
          decision.name = info.name();
          decision.versionTag = info.versionTag();
          decision.version =
              DecisionLookup.latest(state, tenantId, info.id())
                  .map(f -> f.decision().version + 1)
                  .orElse(1);
          graph.decisions.add(decision);
        }
        state.decisionRequirements.put(graph.key, graph);
      }
      respond(graph, result);
    }
  }

  private static void respond(DecisionRequirements graph, DeploymentResult result) {
    for (DecisionRequirements.Decision decision : graph.decisions) {
      result.addDeploymentsItem(
          new DeploymentMetadataResult()
              .decisionDefinition(
                  new DeploymentDecisionResult()
                      .decisionDefinitionId(decision.decisionId)
                      .decisionDefinitionKey(String.valueOf(decision.key))
                      .name(decision.name)
                      .version(decision.version)
                      .decisionRequirementsId(graph.decisionRequirementsId)
                      .decisionRequirementsKey(String.valueOf(graph.key))
                      .tenantId(graph.tenantId)));
    }
    result.addDeploymentsItem(
        new DeploymentMetadataResult()
            .decisionRequirements(
                new DeploymentDecisionRequirementsResult()
                    .decisionRequirementsId(graph.decisionRequirementsId)
                    .decisionRequirementsKey(String.valueOf(graph.key))
                    .decisionRequirementsName(graph.name)
                    .version(graph.version)
                    .resourceName(graph.resourceName)
                    .tenantId(graph.tenantId)));
  }
}
