package io.switchboard.engine.execution;

import io.switchboard.engine.model.FlowNode;
import io.switchboard.engine.state.ElementInstance;
import java.util.Map;

/**
 * Evaluates the DMN decision a business rule task calls ({@code zeebe:calledDecision}); the DMN
 * engine lives in package {@code dmn}, which implements this.
 */
public interface DecisionEvaluator {

  /**
   * The called decision's output for the element instance.
   *
   * @throws DecisionEvaluationException naming the decision, when it cannot be found or fails
   */
  Object evaluate(ElementInstance instance, FlowNode node, Map<String, Object> variables);

  /** Why a called decision produced no output; becomes an incident of this error type. */
  final class DecisionEvaluationException extends RuntimeException {
    private final String errorType;

    /**
     * @param errorType {@code CALLED_DECISION_ERROR} (no such decision) or {@code
     *     DECISION_EVALUATION_ERROR} (it failed), as Zeebe names them
     */
    public DecisionEvaluationException(String errorType, String message) {
      super(message);
      this.errorType = errorType;
    }

    public String errorType() {
      return errorType;
    }
  }
}
