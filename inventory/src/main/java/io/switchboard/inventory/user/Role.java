package io.switchboard.inventory.user;

/** The roles of DESIGN.md §4; the level says which part of the tenancy tree a user sees. */
public enum Role {
  SP_ADMIN(Level.PROVIDER, true),
  SP_OPERATOR(Level.PROVIDER, false),
  OPCO_ADMIN(Level.OPCO, true),
  TENANT_ADMIN(Level.TENANT, true),
  TENANT_OPERATOR(Level.TENANT, false),
  TENANT_VIEWER(Level.TENANT, false);

  public enum Level {
    PROVIDER,
    OPCO,
    TENANT
  }

  private final Level level;
  private final boolean admin;

  Role(Level level, boolean admin) {
    this.level = level;
    this.admin = admin;
  }

  public Level level() {
    return level;
  }

  /**
   * Admins change inventory within their scope; others only read (operators also run operations).
   */
  public boolean isAdmin() {
    return admin;
  }

  public boolean canRunOperations() {
    return this != TENANT_VIEWER;
  }
}
