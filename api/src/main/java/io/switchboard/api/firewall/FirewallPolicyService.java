package io.switchboard.api.firewall;

import io.switchboard.api.common.InScope;
import io.switchboard.api.common.SafeText;
import io.switchboard.api.error.ApiException;
import io.switchboard.api.security.Action;
import io.switchboard.api.security.Permissions;
import io.switchboard.api.security.Resource;
import io.switchboard.inventory.firewall.FirewallPolicy;
import io.switchboard.inventory.firewall.FirewallPolicyRepository;
import io.switchboard.inventory.firewall.PolicyDeployment;
import io.switchboard.inventory.firewall.PolicyDeploymentRepository;
import io.switchboard.inventory.firewall.PolicyPublishing;
import io.switchboard.inventory.firewall.PolicyVersion;
import io.switchboard.inventory.firewall.PolicyVersionRepository;
import io.switchboard.inventory.firewall.PublishException;
import io.switchboard.inventory.firewall.RuleNameCollisions;
import io.switchboard.inventory.firewall.SnapshotJson;
import io.switchboard.inventory.firewall.model.FirewallAction;
import io.switchboard.inventory.firewall.model.RuleDef;
import io.switchboard.inventory.scope.AccessScope;
import io.switchboard.inventory.scope.ScopedInventory;
import io.switchboard.inventory.scope.ScopedRepository;
import io.switchboard.inventory.scope.Visibility;
import io.switchboard.inventory.site.Site;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Firewall policies of a tenant: edited with their rules inline (order = list order) and their
 * sites, published as immutable numbered versions, and the record of their deployments.
 */
@Service
public class FirewallPolicyService {
  /** One rule as written; empty address and application lists mean {@code any}. */
  public record RuleRequest(
      @NotBlank
          @Pattern(
              regexp = FirewallObjectService.NAME,
              message = FirewallObjectService.NAME_MESSAGE)
          String name,
      @NotEmpty @Size(max = 20)
          List<
                  @Pattern(regexp = FirewallObjectService.NAME, message = "must be a zone name")
                  String>
              fromZones,
      @NotEmpty @Size(max = 20)
          List<
                  @Pattern(regexp = FirewallObjectService.NAME, message = "must be a zone name")
                  String>
              toZones,
      @Size(max = 200) List<@NotBlank @Size(max = 63) String> sources,
      @Size(max = 200) List<@NotBlank @Size(max = 63) String> destinations,
      @Size(max = 200) List<@NotBlank @Size(max = 63) String> applications,
      @NotNull FirewallAction action,
      Boolean logSessionInit,
      Boolean logSessionClose,
      Boolean count,
      Boolean enabled) {
    RuleDef definition() {
      return new RuleDef(
          name,
          fromZones,
          toZones,
          sources,
          destinations,
          applications,
          action,
          Boolean.TRUE.equals(logSessionInit),
          Boolean.TRUE.equals(logSessionClose),
          Boolean.TRUE.equals(count),
          !Boolean.FALSE.equals(enabled));
    }
  }

  /** A policy as created or replaced. */
  public record PolicyRequest(
      @Size(max = 36) String tenantId,
      @NotBlank
          @Pattern(
              regexp = FirewallObjectService.NAME,
              message = FirewallObjectService.NAME_MESSAGE)
          String name,
      @Size(max = 2000) @SafeText String description,
      @NotNull @Size(max = 2000) List<@Valid @NotNull RuleRequest> rules,
      @Size(max = 1000) List<@NotBlank @Size(max = 36) String> siteIds,
      @jakarta.validation.constraints.Min(0) @jakarta.validation.constraints.Max(10000)
          Integer priority) {}

  private final ScopedInventory inventory;
  private final FirewallPolicyRepository policies;
  private final PolicyVersionRepository versions;
  private final PolicyDeploymentRepository deployments;
  private final PolicyPublishing publishing;
  private final FirewallObjectService objects;
  private final RuleNameCollisions collisions;
  private final ScopedRepository<FirewallPolicy> scoped;

  public FirewallPolicyService(
      ScopedInventory inventory,
      FirewallPolicyRepository policies,
      PolicyVersionRepository versions,
      PolicyDeploymentRepository deployments,
      PolicyPublishing publishing,
      FirewallObjectService objects,
      RuleNameCollisions collisions) {
    this.inventory = inventory;
    this.policies = policies;
    this.versions = versions;
    this.deployments = deployments;
    this.publishing = publishing;
    this.objects = objects;
    this.collisions = collisions;
    this.scoped = new ScopedRepository<>(policies, Visibility::tenantOwned);
  }

  @Transactional(readOnly = true)
  public Page<FirewallPolicy> list(AccessScope scope, Pageable pageable) {
    Permissions.require(scope, Action.READ, Resource.FIREWALL);
    return scoped.page(scope, (r, q, cb) -> cb.conjunction(), pageable);
  }

  @Transactional(readOnly = true)
  public FirewallPolicy get(AccessScope scope, String id) {
    Permissions.require(scope, Action.READ, Resource.FIREWALL);
    return find(scope, id);
  }

  @Transactional
  public FirewallPolicy create(AccessScope scope, PolicyRequest r) {
    String tenant = objects.tenant(scope, r.tenantId());
    if (policies.existsByTenantIdAndName(tenant, r.name())) {
      throw ApiException.conflict(
          "name", "the tenant has a policy named '" + r.name() + "' already");
    }
    FirewallPolicy policy = new FirewallPolicy(tenant, r.name());
    copy(scope, r, policy);
    return policies.save(policy);
  }

  @Transactional
  public FirewallPolicy replace(AccessScope scope, String id, PolicyRequest r) {
    Permissions.require(scope, Action.WRITE, Resource.FIREWALL);
    FirewallPolicy policy = find(scope, id);
    if (r.tenantId() != null && !r.tenantId().equals(policy.getTenantId())) {
      throw ApiException.invalid("tenantId", "a policy stays with its tenant");
    }
    if (!policy.getName().equals(r.name())
        && policies.existsByTenantIdAndName(policy.getTenantId(), r.name())) {
      throw ApiException.conflict(
          "name", "the tenant has a policy named '" + r.name() + "' already");
    }
    policy.setName(r.name());
    copy(scope, r, policy);
    return policies.save(policy);
  }

  @Transactional
  public void delete(AccessScope scope, String id) {
    Permissions.require(scope, Action.WRITE, Resource.FIREWALL);
    FirewallPolicy policy = find(scope, id);
    InScope.requireNoDependants(
        deployments.findByPolicyIdOrderByCreatedAtDesc(id).size(),
        "the policy has been deployed; its rules stay on the devices, so it cannot be deleted");
    versions.deleteAll(versions.findByPolicyIdOrderByNumberDesc(id));
    policies.delete(policy);
  }

  @Transactional
  public PolicyVersion publish(AccessScope scope, String id) {
    Permissions.require(scope, Action.WRITE, Resource.FIREWALL);
    FirewallPolicy policy = find(scope, id);
    try {
      return publishing.publish(policy, scope.username());
    } catch (PublishException e) {
      throw ApiException.unprocessable(e.field(), e.getMessage());
    }
  }

  @Transactional(readOnly = true)
  public List<PolicyVersion> versions(AccessScope scope, String id) {
    Permissions.require(scope, Action.READ, Resource.FIREWALL);
    return versions.findByPolicyIdOrderByNumberDesc(find(scope, id).getId());
  }

  @Transactional(readOnly = true)
  public List<PolicyDeployment> deployments(AccessScope scope, String id) {
    Permissions.require(scope, Action.READ, Resource.FIREWALL);
    return deployments.findByPolicyIdOrderByCreatedAtDesc(find(scope, id).getId());
  }

  /** The numbered version, or the newest when {@code number} is null; 409/422 naming version. */
  PolicyVersion version(FirewallPolicy policy, Integer number) {
    if (number == null) {
      if (policy.getLatestVersion() == 0) {
        throw ApiException.conflict(
            "version", "the policy has no published version yet; publish it first");
      }
      number = policy.getLatestVersion();
    }
    int n = number;
    return versions
        .findByPolicyIdAndNumber(policy.getId(), n)
        .orElseThrow(() -> ApiException.unprocessable("version", "the policy has no version " + n));
  }

  FirewallPolicy find(AccessScope scope, String id) {
    return InScope.findOr404(scoped, scope, "Firewall policy", id);
  }

  private void copy(AccessScope scope, PolicyRequest r, FirewallPolicy policy) {
    if (r.priority() != null) {
      // omitted: a new policy keeps the default, a replaced one its priority
      policy.setPriority(r.priority());
    }
    Set<String> names = new HashSet<>();
    for (int i = 0; i < r.rules().size(); i++) {
      if (!names.add(r.rules().get(i).name())) {
        throw ApiException.invalid("rules[" + i + "].name", "rule names are unique in a policy");
      }
    }
    List<String> siteIds = r.siteIds() == null ? List.of() : r.siteIds();
    for (int i = 0; i < siteIds.size(); i++) {
      Site site = inventory.sites().find(scope, siteIds.get(i)).orElse(null);
      if (site == null || !site.getTenantId().equals(policy.getTenantId())) {
        throw ApiException.unprocessable(
            "siteIds[" + i + "]", "site '" + siteIds.get(i) + "' not found");
      }
    }
    if (policy.getLatestVersion() > 0) {
      // A site newly shared with another policy can bring two rules of one name together.
      refuseCollisions(policy, version(policy, null), siteIds, true);
    }
    policy.setDescription(r.description());
    policy.setRules(r.rules().stream().map(RuleRequest::definition).toList());
    policy.setSiteIds(siteIds);
  }

  /**
   * 422 on {@code siteIds[i]} ({@code siteIds} when not {@code indexed}) when the version has a
   * rule that another policy has in the same zone pair on one of the sites ({@link
   * RuleNameCollisions}).
   */
  void refuseCollisions(
      FirewallPolicy policy, PolicyVersion version, List<String> siteIds, boolean indexed) {
    collisions
        .find(policy, SnapshotJson.read(version.getSnapshotJson()), siteIds)
        .ifPresent(
            c -> {
              String field = indexed ? "siteIds[" + siteIds.indexOf(c.siteId()) + "]" : "siteIds";
              throw ApiException.unprocessable(field, c.describe(policy.getName()));
            });
  }
}
