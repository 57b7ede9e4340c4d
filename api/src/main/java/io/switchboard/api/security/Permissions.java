package io.switchboard.api.security;

import io.switchboard.api.error.ApiException;
import io.switchboard.inventory.scope.AccessScope;
import io.switchboard.inventory.user.Role;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The role permission table of DESIGN.md §4, in one place. It says what a role may do to a kind of
 * object; WHICH objects it sees is the scope's business ({@code Visibility}), so an object outside
 * the scope answers 404 while a forbidden action answers 403.
 */
public final class Permissions {
  private static final Map<Role, Map<Resource, Set<Action>>> TABLE = new EnumMap<>(Role.class);

  static {
    Set<Action> read = EnumSet.of(Action.READ);
    Set<Action> readWrite = EnumSet.of(Action.READ, Action.WRITE);
    Set<Action> readRun = EnumSet.of(Action.READ, Action.RUN);
    Set<Action> all = EnumSet.allOf(Action.class);
    // What a tenant's own network is made of: its admins edit it, its operators deploy it.
    Resource[] tenantNetwork = {
      Resource.NETWORK,
      Resource.FIREWALL,
      Resource.VNF_INSTANCES,
      Resource.CAMPAIGNS,
      Resource.COMPLIANCE
    };

    grant(Role.SP_ADMIN, all, Resource.values());
    grant(Role.SP_OPERATOR, read, Resource.values());
    grant(Role.SP_OPERATOR, readRun, Resource.OPERATIONS);
    grant(Role.SP_OPERATOR, readRun, tenantNetwork);

    grant(Role.OPCO_ADMIN, read, Resource.values());
    grant(
        Role.OPCO_ADMIN,
        readWrite,
        Resource.TENANTS,
        Resource.SITES,
        Resource.DEVICES,
        Resource.USERS);
    grant(Role.OPCO_ADMIN, readRun, Resource.OPERATIONS);
    grant(Role.OPCO_ADMIN, all, tenantNetwork);

    grant(Role.TENANT_ADMIN, read, Resource.values());
    grant(Role.TENANT_ADMIN, readWrite, Resource.SITES, Resource.DEVICES, Resource.USERS);
    grant(Role.TENANT_ADMIN, readRun, Resource.OPERATIONS);
    grant(Role.TENANT_ADMIN, all, tenantNetwork);

    grant(Role.TENANT_OPERATOR, read, Resource.values());
    grant(Role.TENANT_OPERATOR, readRun, Resource.OPERATIONS);
    grant(Role.TENANT_OPERATOR, readRun, tenantNetwork);

    grant(Role.TENANT_VIEWER, read, Resource.values());
  }

  private Permissions() {}

  private static void grant(Role role, Set<Action> actions, Resource... resources) {
    Map<Resource, Set<Action>> byResource =
        TABLE.computeIfAbsent(role, r -> new EnumMap<>(Resource.class));
    for (Resource resource : resources) {
      byResource.computeIfAbsent(resource, r -> EnumSet.noneOf(Action.class)).addAll(actions);
    }
  }

  public static boolean allows(Role role, Action action, Resource resource) {
    return TABLE.getOrDefault(role, Map.of()).getOrDefault(resource, Set.of()).contains(action);
  }

  /** Throws 403 unless the scope's role may do {@code action} on {@code resource}. */
  public static void require(AccessScope scope, Action action, Resource resource) {
    if (!allows(scope.role(), action, resource)) {
      throw ApiException.forbidden(
          "Role "
              + scope.role()
              + " may not "
              + action.name().toLowerCase()
              + " "
              + resource.name().toLowerCase().replace('_', ' '));
    }
  }
}
