package io.switchboard.engine.state;

import java.util.ArrayList;
import java.util.List;

/**
 * Decisions evaluated since the last flush, for the read model ({@code /decision-instances}). Only
 * the read model keeps them, so they are written by the next flush and then forgotten.
 */
public final class DecisionInstances {
  private long changes;

  /**
   * One evaluated decision of one evaluation (the called decision and each one it required).
   *
   * @param id Camunda's {@code decisionEvaluationInstanceKey}: the evaluation key, a dash, the
   *     decision's 1-based position in the evaluation
   * @param failed whether this is the decision whose evaluation failed
   * @param result the decision's output as JSON, null when it failed
   * @param evaluatedInputs the decision table's inputs as JSON (the client's items)
   * @param matchedRules the matched rules with their outputs as JSON (the client's items)
   * @param processDefinitionKey -1 unless a business rule task evaluated it (likewise the other
   *     process keys)
   */
  public record Row(
      long key,
      String id,
      long evaluationKey,
      boolean failed,
      long evaluationDate,
      String failure,
      Long decisionDefinitionKey,
      String decisionDefinitionId,
      String decisionDefinitionName,
      Integer decisionDefinitionVersion,
      String decisionDefinitionType,
      String result,
      String evaluatedInputs,
      String matchedRules,
      long processDefinitionKey,
      long processInstanceKey,
      long elementInstanceKey,
      String tenantId) {}

  private final List<Row> pending = new ArrayList<>();

  /** How many changes were made since this was created (only ever grows; clear keeps it). */
  public long changes() {
    return changes;
  }

  public void add(Row row) {
    changes++;
    pending.add(row);
  }

  /** Rows recorded since the last call, for the flush to write. */
  public List<Row> drain() {
    List<Row> drained = List.copyOf(pending);
    pending.clear();
    return drained;
  }

  public void clear() {
    pending.clear();
  }
}
