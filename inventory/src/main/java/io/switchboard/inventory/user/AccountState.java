package io.switchboard.inventory.user;

/**
 * What a password check needs of an enabled account, read without loading the entity: its id and
 * version (any change of the account changes the version), password hash, role and scope.
 */
public record AccountState(
    String id,
    long version,
    String username,
    String passwordHash,
    Role role,
    String opcoId,
    String tenantId) {}
