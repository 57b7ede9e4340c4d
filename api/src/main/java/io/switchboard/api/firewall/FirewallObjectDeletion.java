package io.switchboard.api.firewall;

import io.switchboard.api.common.InScope;
import io.switchboard.api.error.ApiException;
import io.switchboard.api.security.Action;
import io.switchboard.api.security.Permissions;
import io.switchboard.api.security.Resource;
import io.switchboard.inventory.firewall.AddressGroup;
import io.switchboard.inventory.firewall.AddressGroupRepository;
import io.switchboard.inventory.firewall.AddressObject;
import io.switchboard.inventory.firewall.AddressObjectRepository;
import io.switchboard.inventory.firewall.ApplicationSet;
import io.switchboard.inventory.firewall.ApplicationSetRepository;
import io.switchboard.inventory.firewall.CustomApplication;
import io.switchboard.inventory.firewall.CustomApplicationRepository;
import io.switchboard.inventory.firewall.FirewallPolicy;
import io.switchboard.inventory.firewall.FirewallPolicyRepository;
import io.switchboard.inventory.firewall.model.RuleDef;
import io.switchboard.inventory.scope.AccessScope;
import io.switchboard.inventory.scope.ScopedRepository;
import io.switchboard.inventory.scope.Visibility;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Deleting a tenant's firewall objects. Rules and groups name objects by name, so an object still
 * named by a policy's rule or by a group (a set, for an application) is refused with 409 naming who
 * uses it; published versions keep what they froze, so a deployed version is not affected.
 */
@Service
public class FirewallObjectDeletion {
  private final AddressObjectRepository addresses;
  private final AddressGroupRepository groups;
  private final CustomApplicationRepository applications;
  private final ApplicationSetRepository sets;
  private final FirewallPolicyRepository policies;
  private final ScopedRepository<AddressObject> scopedAddresses;
  private final ScopedRepository<AddressGroup> scopedGroups;
  private final ScopedRepository<CustomApplication> scopedApplications;

  public FirewallObjectDeletion(
      AddressObjectRepository addresses,
      AddressGroupRepository groups,
      CustomApplicationRepository applications,
      ApplicationSetRepository sets,
      FirewallPolicyRepository policies) {
    this.addresses = addresses;
    this.groups = groups;
    this.applications = applications;
    this.sets = sets;
    this.policies = policies;
    this.scopedAddresses = new ScopedRepository<>(addresses, Visibility::tenantOwned);
    this.scopedGroups = new ScopedRepository<>(groups, Visibility::tenantOwned);
    this.scopedApplications = new ScopedRepository<>(applications, Visibility::tenantOwned);
  }

  @Transactional
  public void deleteAddress(AccessScope scope, String id) {
    Permissions.require(scope, Action.WRITE, Resource.FIREWALL);
    AddressObject a = InScope.findOr404(scopedAddresses, scope, "Address", id);
    refuseUsed("address", a.getTenantId(), a.getName(), true);
    addresses.delete(a);
  }

  @Transactional
  public void deleteAddressGroup(AccessScope scope, String id) {
    Permissions.require(scope, Action.WRITE, Resource.FIREWALL);
    AddressGroup g = InScope.findOr404(scopedGroups, scope, "Address group", id);
    refuseUsed("address group", g.getTenantId(), g.getName(), true);
    groups.delete(g);
  }

  @Transactional
  public void deleteApplication(AccessScope scope, String id) {
    Permissions.require(scope, Action.WRITE, Resource.FIREWALL);
    CustomApplication c = InScope.findOr404(scopedApplications, scope, "Application", id);
    refuseUsed("application", c.getTenantId(), c.getName(), false);
    applications.delete(c);
  }

  /** 409 naming the policies (and groups or sets) whose current rules or members name it. */
  private void refuseUsed(String what, String tenantId, String name, boolean address) {
    List<String> users = new ArrayList<>();
    Function<RuleDef, List<String>> named =
        address
            ? r -> concat(r.sources(), r.destinations())
            : r -> r.applications() == null ? List.of() : r.applications();
    for (FirewallPolicy p : policies.findByTenantIdOrderByName(tenantId)) {
      if (p.getRules().stream().anyMatch(r -> named.apply(r).contains(name))) {
        users.add("policy " + p.getName());
      }
    }
    if (address) {
      for (AddressGroup g : groups.findByTenantIdOrderByName(tenantId)) {
        if (g.getMembers().contains(name)) {
          users.add("address group " + g.getName());
        }
      }
    } else {
      for (ApplicationSet s : sets.findByTenantIdOrderByName(tenantId)) {
        if (s.getMembers().contains(name)) {
          users.add("application set " + s.getName());
        }
      }
    }
    if (!users.isEmpty()) {
      throw ApiException.conflict(
          null, what + " '" + name + "' is used by " + String.join(", ", users));
    }
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> all = new ArrayList<>();
    if (a != null) {
      all.addAll(a);
    }
    if (b != null) {
      all.addAll(b);
    }
    return all;
  }
}
