package io.switchboard.inventory.firewall;

import static io.switchboard.inventory.testing.InventoryBuilders.aSite;
import static io.switchboard.inventory.testing.InventoryBuilders.aTenant;
import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.inventory.InventoryTestApplication;
import io.switchboard.inventory.firewall.DeploymentPlanning.OnDevice;
import io.switchboard.inventory.firewall.model.AddressKind;
import io.switchboard.inventory.firewall.model.FirewallAction;
import io.switchboard.inventory.firewall.model.RuleDef;
import io.switchboard.inventory.sdwan.AccessType;
import io.switchboard.inventory.sdwan.Addressing;
import io.switchboard.inventory.sdwan.LanSegment;
import io.switchboard.inventory.sdwan.LanSegmentRepository;
import io.switchboard.inventory.sdwan.WanLink;
import io.switchboard.inventory.sdwan.WanLinkRepository;
import io.switchboard.inventory.site.Site;
import io.switchboard.inventory.site.SiteRepository;
import io.switchboard.inventory.tenancy.Tenant;
import io.switchboard.inventory.tenancy.TenantRepository;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.transaction.annotation.Transactional;

/**
 * The change a device gets is computed from what its last deployment put there: the policy's
 * priority then (its rules move when it changed) and the site's zones then (interfaces gained and
 * lost since reach the device).
 */
@SpringBootTest(classes = InventoryTestApplication.class)
@Transactional
class DeploymentPlanningIT {
  static final String PAIR = "security policies from-zone trust to-zone untrust policy ";
  static final String DEVICE = "device-1";

  @Autowired TenantRepository tenants;
  @Autowired SiteRepository sites;
  @Autowired LanSegmentRepository lanSegments;
  @Autowired WanLinkRepository wanLinks;
  @Autowired FirewallPolicyRepository policies;
  @Autowired PolicyPublishing publishing;
  @Autowired PolicyDeploymentRepository deployments;
  @Autowired AddressObjectRepository addresses;
  @Autowired DeploymentPlanning planning;

  Tenant tenant;
  Site site;

  @Test
  void aChangedPriorityMovesThePolicysRulesAcrossTheOtherPolicysAndNothingElse() {
    network();
    FirewallPolicy base = deployed("base", 100, rule("base-web"));
    FirewallPolicy office = deployed("office", 200, rule("block-a"), rule("block-b"));

    office.setPriority(50);
    office = policies.saveAndFlush(office);

    assertThat(nextChange(office))
        .containsExactly(
            "insert " + PAIR + "block-a before policy base-web",
            "insert " + PAIR + "block-b after policy block-a");
    // The other policy, deployed again as it is, is not moved: its place did not change.
    assertThat(nextChange(base)).isEmpty();
  }

  @Test
  void zoneInterfacesAddedAndRemovedAfterTheFirstDeploymentReachTheDeviceNext() {
    network();
    WanLink old = wanLinks.findBySiteIdOrderByPriorityAscInterfaceNameAsc(site.getId()).get(0);
    FirewallPolicy office = deployed("office", 100, rule("block-a"));

    LanSegment voice = new LanSegment(tenant.getId(), site.getId(), "voice", "192.168.20.0/24");
    voice.setVlanId(20);
    lanSegments.save(voice);
    wanLinks.delete(old);
    wanLinks.save(link("ge-0/0/3"));
    wanLinks.flush();

    assertThat(nextChange(office))
        .containsExactly(
            "set security zones security-zone trust interfaces irb.20",
            "set security zones security-zone untrust interfaces ge-0/0/3.0",
            "delete security zones security-zone untrust interfaces ge-0/0/0.0");
  }

  @Test
  void aFirstDeploymentProbesABoundedSampleWhereEveryRuleIsNew() {
    network();
    List<RuleDef> rules = new java.util.ArrayList<>();
    for (int i = 0; i < 3 * DeploymentPlanning.FIRST_DEPLOYMENT_PROBES; i++) {
      addresses.save(
          new AddressObject(
              tenant.getId(), "host-" + i, AddressKind.PREFIX, "10.1.0." + (i + 1) + "/32", null));
      rules.add(
          new RuleDef(
              "r" + i,
              List.of("trust"),
              List.of("untrust"),
              List.of("host-" + i),
              List.of("any"),
              List.of(i % 2 == 0 ? "junos-https" : "junos-ssh"),
              FirewallAction.PERMIT,
              false,
              false,
              false,
              true));
    }
    FirewallPolicy policy = new FirewallPolicy(tenant.getId(), "big");
    policy.setRules(rules);
    policy.setSiteIds(List.of(site.getId()));
    publishing.publish(policies.saveAndFlush(policy), "alice");

    assertThat(
            planning.verificationProbes(
                policy.getId(),
                DEVICE,
                OnDevice.NOTHING,
                planning.intended(policy.getId(), 1, site.getId())))
        .hasSize(DeploymentPlanning.FIRST_DEPLOYMENT_PROBES);
  }

  /** What a deployment of the policy's newest version would load on the device now. */
  private List<String> nextChange(FirewallPolicy policy) {
    return planning.change(
        policy.getId(),
        DEVICE,
        site.getId(),
        planning.running(policy.getId(), DEVICE),
        planning.intended(policy.getId(), 1, site.getId()));
  }

  private void network() {
    tenant = aTenant().save(tenants);
    site = aSite().of(tenant).save(sites);
    LanSegment users = new LanSegment(tenant.getId(), site.getId(), "users", "192.168.10.0/24");
    users.setVlanId(10);
    lanSegments.save(users);
    wanLinks.saveAndFlush(link("ge-0/0/0"));
  }

  private FirewallPolicy deployed(String name, int priority, RuleDef... rules) {
    FirewallPolicy policy = new FirewallPolicy(tenant.getId(), name);
    policy.setPriority(priority);
    policy.setRules(List.of(rules));
    policy.setSiteIds(List.of(site.getId()));
    policy = policies.saveAndFlush(policy);
    PolicyVersion v = publishing.publish(policy, "alice");
    PolicyDeployment row =
        new PolicyDeployment(
            tenant.getId(), policy.getId(), v.getNumber(), site.getId(), DEVICE, "alice");
    row.setOperationId(UUID.randomUUID().toString());
    planning.prepare(row);
    row.finish(DeploymentState.DEPLOYED, "deployed");
    deployments.saveAndFlush(row);
    return policy;
  }

  private static RuleDef rule(String name) {
    return new RuleDef(
        name,
        List.of("trust"),
        List.of("untrust"),
        List.of("any"),
        List.of("any"),
        List.of("junos-https"),
        FirewallAction.DENY,
        false,
        false,
        false,
        true);
  }

  private WanLink link(String itf) {
    WanLink link = new WanLink(tenant.getId(), site.getId(), itf);
    link.setAccessType(AccessType.INTERNET);
    link.setAddressing(Addressing.DHCP);
    link.setPathLabel("internet-" + itf.charAt(itf.length() - 1));
    return link;
  }
}
