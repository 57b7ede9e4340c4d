package io.switchboard.engine.model;

/**
 * A {@code zeebe:executionListener}: a job of {@code type} the engine creates before an element's
 * behaviour ({@link EventType#START}) or after its output mappings ({@link EventType#END}), and
 * waits for.
 *
 * @param type the job type, a static value or a FEEL expression
 * @param retries the job's retries, a static value or a FEEL expression
 */
public record ExecutionListener(EventType eventType, String type, String retries) {

  public enum EventType {
    START,
    END
  }
}
