package io.switchboard.camel.junos;

/**
 * One entry of {@code get-commit-information}: its rollback number (0 = running), who committed,
 * through which client ({@code cli}, {@code netconf}, {@code junoscript}, {@code other}), the
 * device's time text, and the commit comment (null when none).
 */
public record CommitHistoryEntry(
    int sequence, String user, String client, String time, String comment) {}
