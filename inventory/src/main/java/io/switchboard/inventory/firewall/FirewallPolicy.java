package io.switchboard.inventory.firewall;

import io.switchboard.inventory.common.AuditedEntity;
import io.switchboard.inventory.firewall.model.RuleDef;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** A tenant's firewall policy as edited: ordered rules and the sites it is assigned to. */
@Entity
@Table(name = "fw_policy")
public class FirewallPolicy extends AuditedEntity {
  public static final int DEFAULT_PRIORITY = 100;

  /** Device order of policies: priority, then name. */
  public static final java.util.Comparator<FirewallPolicy> DEVICE_ORDER =
      java.util.Comparator.comparingInt(FirewallPolicy::getPriority)
          .thenComparing(FirewallPolicy::getName);

  @Column(nullable = false, updatable = false, length = 36)
  private String tenantId;

  @Column(nullable = false, length = 63)
  private String name;

  @Column(length = 2000)
  private String description;

  /**
   * Where the policy's rules go among other policies' on a device, in each zone pair: lower first,
   * equal ones by name.
   */
  @Column(nullable = false)
  private int priority = DEFAULT_PRIORITY;

  /** The number of the newest published version, 0 before the first publish. */
  @Column(nullable = false)
  private int latestVersion;

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "fw_policy_rule", joinColumns = @JoinColumn(name = "policy_id"))
  @OrderColumn(name = "rule_position")
  private List<FirewallRule> rules = new ArrayList<>();

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "fw_policy_site", joinColumns = @JoinColumn(name = "policy_id"))
  @Column(name = "site_id", length = 36)
  private Set<String> siteIds = new LinkedHashSet<>();

  protected FirewallPolicy() {}

  public FirewallPolicy(String tenantId, String name) {
    this.tenantId = tenantId;
    this.name = name;
  }

  public String getTenantId() {
    return tenantId;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getDescription() {
    return description;
  }

  public void setDescription(String description) {
    this.description = description;
  }

  public int getPriority() {
    return priority;
  }

  public void setPriority(int priority) {
    this.priority = priority;
  }

  public int getLatestVersion() {
    return latestVersion;
  }

  /** Reserves the next version number. */
  public int nextVersion() {
    return ++latestVersion;
  }

  public List<RuleDef> getRules() {
    return rules.stream().map(FirewallRule::definition).toList();
  }

  public void setRules(List<RuleDef> rules) {
    this.rules.clear();
    rules.forEach(r -> this.rules.add(new FirewallRule(r)));
  }

  public Set<String> getSiteIds() {
    return Set.copyOf(siteIds);
  }

  public void setSiteIds(List<String> siteIds) {
    this.siteIds.clear();
    this.siteIds.addAll(siteIds);
  }
}
