package io.switchboard.engine.store;

/**
 * A variable value to record in the history.
 *
 * @param recorded whether the history already has a row for this scope and name
 */
record HistoryVariable(
    long scopeKey, String name, long processInstanceKey, Object value, boolean recorded) {}
