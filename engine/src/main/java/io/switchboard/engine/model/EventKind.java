package io.switchboard.engine.model;

/** The event definition an event element carries. */
public enum EventKind {
  NONE,
  MESSAGE,
  TIMER,
  ERROR,
  TERMINATE,
  SIGNAL,
  ESCALATION,
  LINK,
  COMPENSATION
}
