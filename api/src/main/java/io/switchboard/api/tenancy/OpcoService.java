package io.switchboard.api.tenancy;

import io.switchboard.api.common.InScope;
import io.switchboard.api.common.SafeText;
import io.switchboard.api.security.Action;
import io.switchboard.api.security.Permissions;
import io.switchboard.api.security.Resource;
import io.switchboard.inventory.scope.AccessScope;
import io.switchboard.inventory.scope.ScopedInventory;
import io.switchboard.inventory.tenancy.OperatingCompany;
import io.switchboard.inventory.tenancy.OperatingCompanyRepository;
import io.switchboard.inventory.tenancy.TenantRepository;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.function.UnaryOperator;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The use cases of operating companies: only the provider writes them, names are unique across the
 * installation (the provider sees all, so a clash is a plain 409), and one with tenants stays.
 */
@Service
public class OpcoService {
  /** What a client sets on an operating company: the create, replace and patch body. */
  public record OpcoRequest(
      @NotBlank @Size(max = 120) @SafeText String name,
      @Size(max = 500) @SafeText(multiline = true) String description) {
    static OpcoRequest of(OperatingCompany o) {
      return new OpcoRequest(o.getName(), o.getDescription());
    }
  }

  private final ScopedInventory inventory;
  private final OperatingCompanyRepository opcos;
  private final TenantRepository tenants;

  public OpcoService(
      ScopedInventory inventory, OperatingCompanyRepository opcos, TenantRepository tenants) {
    this.inventory = inventory;
    this.opcos = opcos;
    this.tenants = tenants;
  }

  /** A page of the operating companies the caller may read, narrowed by {@code filter}. */
  @Transactional(readOnly = true)
  public Page<OperatingCompany> list(
      AccessScope scope, Specification<OperatingCompany> filter, Pageable pageable) {
    Permissions.require(scope, Action.READ, Resource.OPCOS);
    return inventory.opcos().page(scope, filter, pageable);
  }

  /** The operating company with {@code id} if the caller may read it; 404 otherwise. */
  @Transactional(readOnly = true)
  public OperatingCompany get(AccessScope scope, String id) {
    Permissions.require(scope, Action.READ, Resource.OPCOS);
    return find(scope, id);
  }

  /** Creates an operating company; 409 when the name is taken. */
  @Transactional
  public OperatingCompany create(AccessScope scope, OpcoRequest request) {
    Permissions.require(scope, Action.WRITE, Resource.OPCOS);
    requireFreeName(null, request.name());
    return opcos.save(new OperatingCompany(request.name(), request.description()));
  }

  /**
   * Updates an operating company with what {@code change} makes of its current state (a replacement
   * or a merge patch); 404 out of scope, 409 when the new name is taken.
   */
  @Transactional
  public OperatingCompany update(AccessScope scope, String id, UnaryOperator<OpcoRequest> change) {
    Permissions.require(scope, Action.WRITE, Resource.OPCOS);
    OperatingCompany opco = find(scope, id);
    OpcoRequest request = change.apply(OpcoRequest.of(opco));
    requireFreeName(opco.getName(), request.name());
    opco.setName(request.name());
    opco.setDescription(request.description());
    return opcos.save(opco);
  }

  /** Deletes an operating company that has no tenants (409 while it has). */
  @Transactional
  public void delete(AccessScope scope, String id) {
    Permissions.require(scope, Action.WRITE, Resource.OPCOS);
    OperatingCompany opco = find(scope, id);
    InScope.requireNoDependants(
        tenants.countByOpcoId(opco.getId()), "operating company '" + id + "' still has tenants");
    opcos.delete(opco);
  }

  private void requireFreeName(String current, String name) {
    InScope.requireUnique(
        current,
        name,
        opcos::existsByName,
        "name",
        "an operating company named '" + name + "' exists already");
  }

  private OperatingCompany find(AccessScope scope, String id) {
    return InScope.findOr404(inventory.opcos(), scope, "Operating company", id);
  }
}
