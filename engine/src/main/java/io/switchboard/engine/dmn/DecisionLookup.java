package io.switchboard.engine.dmn;

import io.switchboard.engine.state.DecisionRequirements;
import io.switchboard.engine.state.EngineState;
import java.util.Comparator;
import java.util.Optional;
import java.util.function.Predicate;

/** Finds deployed decisions in the engine's state (on the command processor thread). */
final class DecisionLookup {
  private DecisionLookup() {}

  /** A decision definition and the graph (resource) it belongs to. */
  record Found(DecisionRequirements requirements, DecisionRequirements.Decision decision) {}

  static Optional<Found> byKey(EngineState state, long key) {
    return all(state, r -> true).filter(f -> f.decision().key == key).findFirst();
  }

  /** The latest version of a decision in a tenant. */
  static Optional<Found> latest(EngineState state, String tenantId, String decisionId) {
    return all(state, r -> r.tenantId.equals(tenantId))
        .filter(f -> f.decision().decisionId.equals(decisionId))
        .max(Comparator.comparingInt(f -> f.decision().version));
  }

  /** The version of a decision deployed with the given deployment. */
  static Optional<Found> ofDeployment(
      EngineState state, String tenantId, String decisionId, long deploymentKey) {
    return all(state, r -> r.tenantId.equals(tenantId) && r.deploymentKey == deploymentKey)
        .filter(f -> f.decision().decisionId.equals(decisionId))
        .findFirst();
  }

  /** The latest version of a decision carrying the given version tag. */
  static Optional<Found> withVersionTag(
      EngineState state, String tenantId, String decisionId, String versionTag) {
    return all(state, r -> r.tenantId.equals(tenantId))
        .filter(f -> f.decision().decisionId.equals(decisionId))
        .filter(f -> versionTag.equals(f.decision().versionTag))
        .max(Comparator.comparingInt(f -> f.decision().version));
  }

  /** The latest version of a decision requirements graph in a tenant. */
  static Optional<DecisionRequirements> latestRequirements(
      EngineState state, String tenantId, String decisionRequirementsId) {
    return state.decisionRequirements.all().stream()
        .filter(r -> r.tenantId.equals(tenantId))
        .filter(r -> r.decisionRequirementsId.equals(decisionRequirementsId))
        .max(Comparator.comparingInt(r -> r.version));
  }

  private static java.util.stream.Stream<Found> all(
      EngineState state, Predicate<DecisionRequirements> which) {
    return state.decisionRequirements.all().stream()
        .filter(which)
        .flatMap(r -> r.decisions.stream().map(d -> new Found(r, d)));
  }
}
