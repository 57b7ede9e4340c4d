package io.switchboard.engine.feel;

/** A FEEL expression that failed to parse or evaluate; the message is FEEL's own. */
public class FeelEvaluationException extends RuntimeException {
  public FeelEvaluationException(String message) {
    super(message);
  }
}
