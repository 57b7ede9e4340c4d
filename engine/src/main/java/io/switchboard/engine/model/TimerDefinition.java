package io.switchboard.engine.model;

/** A BPMN timer: exactly one of duration, date or cycle, each a literal or a FEEL expression. */
public record TimerDefinition(Kind kind, String expression) {
  public enum Kind {
    DURATION,
    DATE,
    CYCLE
  }
}
