package io.switchboard.engine.model;

/** A sequence flow; {@code condition} is a FEEL expression or null. */
public record SequenceFlow(String id, String sourceId, String targetId, String condition) {}
