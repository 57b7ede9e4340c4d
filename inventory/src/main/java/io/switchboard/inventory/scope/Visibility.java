package io.switchboard.inventory.scope;

import io.switchboard.inventory.operation.Operation;
import io.switchboard.inventory.site.Site;
import io.switchboard.inventory.tenancy.OperatingCompany;
import io.switchboard.inventory.tenancy.Tenant;
import io.switchboard.inventory.user.UserAccount;
import jakarta.persistence.criteria.Subquery;
import org.springframework.data.jpa.domain.Specification;

/**
 * The one place that says which rows a scope may see. Every read and write of the API goes through
 * {@link ScopedRepository}, which adds these predicates to the query itself, so an object outside
 * the scope is simply not found.
 */
public final class Visibility {
  private Visibility() {}

  public static Specification<OperatingCompany> opcos(AccessScope scope) {
    if (scope.isProvider()) {
      return all();
    }
    if (scope.isOpco()) {
      return (root, query, cb) -> cb.equal(root.get("id"), scope.opcoId());
    }
    return (root, query, cb) -> {
      Subquery<String> own = query.subquery(String.class);
      var tenant = own.from(Tenant.class);
      own.select(tenant.get("opcoId")).where(cb.equal(tenant.get("id"), scope.tenantId()));
      return root.get("id").in(own);
    };
  }

  public static Specification<Tenant> tenants(AccessScope scope) {
    if (scope.isProvider()) {
      return all();
    }
    if (scope.isOpco()) {
      return (root, query, cb) -> cb.equal(root.get("opcoId"), scope.opcoId());
    }
    return (root, query, cb) -> cb.equal(root.get("id"), scope.tenantId());
  }

  /** For every entity with a {@code tenantId}: sites, devices, operations. */
  public static <T> Specification<T> tenantOwned(AccessScope scope) {
    if (scope.isProvider()) {
      return all();
    }
    if (scope.isOpco()) {
      return (root, query, cb) -> {
        Subquery<String> tenantsOfOpco = query.subquery(String.class);
        var tenant = tenantsOfOpco.from(Tenant.class);
        tenantsOfOpco
            .select(tenant.get("id"))
            .where(cb.equal(tenant.get("opcoId"), scope.opcoId()));
        return root.get("tenantId").in(tenantsOfOpco);
      };
    }
    return (root, query, cb) -> cb.equal(root.get("tenantId"), scope.tenantId());
  }

  public static Specification<Site> sites(AccessScope scope) {
    return tenantOwned(scope);
  }

  public static Specification<Operation> operations(AccessScope scope) {
    return tenantOwned(scope);
  }

  /** Users see the accounts of their own level and below, within their scope. */
  public static Specification<UserAccount> users(AccessScope scope) {
    if (scope.isProvider()) {
      return all();
    }
    if (scope.isOpco()) {
      return (root, query, cb) -> {
        Subquery<String> tenantsOfOpco = query.subquery(String.class);
        var tenant = tenantsOfOpco.from(Tenant.class);
        tenantsOfOpco
            .select(tenant.get("id"))
            .where(cb.equal(tenant.get("opcoId"), scope.opcoId()));
        return cb.or(
            cb.equal(root.get("opcoId"), scope.opcoId()), root.get("tenantId").in(tenantsOfOpco));
      };
    }
    return (root, query, cb) -> cb.equal(root.get("tenantId"), scope.tenantId());
  }

  /** Catalogue entries (device models, images) are visible to every signed-in user. */
  public static <T> Specification<T> catalogue(AccessScope scope) {
    return all();
  }

  private static <T> Specification<T> all() {
    return (root, query, cb) -> cb.conjunction();
  }
}
