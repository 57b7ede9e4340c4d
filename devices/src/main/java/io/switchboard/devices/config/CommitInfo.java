package io.switchboard.devices.config;

import java.time.Instant;

/**
 * One entry of the commit history; {@code rollback N} loads the configuration of entry N (0 is the
 * current running configuration). {@code kind} is {@code commit}, {@code confirmed}, {@code
 * rollback} (automatic rollback of an unconfirmed commit or cancel-commit) or {@code initial}.
 */
public record CommitInfo(int sequence, Instant time, String user, String log, String kind) {}
