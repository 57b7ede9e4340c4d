package io.switchboard.engine.model;

/**
 * One {@code zeebe:input} or {@code zeebe:output}: a FEEL source and a (possibly dotted) target.
 */
public record Mapping(String source, String target) {}
