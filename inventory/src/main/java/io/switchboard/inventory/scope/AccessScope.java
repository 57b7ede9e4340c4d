package io.switchboard.inventory.scope;

import io.switchboard.inventory.user.Role;

/**
 * Who is asking and which part of the tenancy tree they may see: everything (provider roles), one
 * operating company and its tenants, or one tenant.
 */
public record AccessScope(String username, Role role, String opcoId, String tenantId) {
  public AccessScope {
    if (role.level() == Role.Level.OPCO && opcoId == null) {
      throw new IllegalArgumentException("An operating-company user needs an operating company");
    }
    if (role.level() == Role.Level.TENANT && tenantId == null) {
      throw new IllegalArgumentException("A tenant user needs a tenant");
    }
  }

  public boolean isProvider() {
    return role.level() == Role.Level.PROVIDER;
  }

  public boolean isOpco() {
    return role.level() == Role.Level.OPCO;
  }

  public boolean isTenant() {
    return role.level() == Role.Level.TENANT;
  }
}
