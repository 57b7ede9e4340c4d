package io.switchboard.inventory.compliance;

/**
 * The newest entry of a device's commit history ({@code get-commit-information}): who committed,
 * when (the device's own time text), through which client ({@code cli}, {@code netconf}...), with
 * which comment.
 */
public record LastCommit(String user, String time, String client, String comment) {}
