package io.switchboard.inventory.firewall;

import static io.switchboard.inventory.testing.InventoryBuilders.aSite;
import static io.switchboard.inventory.testing.InventoryBuilders.aTenant;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.switchboard.inventory.InventoryTestApplication;
import io.switchboard.inventory.firewall.model.AddressKind;
import io.switchboard.inventory.firewall.model.FirewallAction;
import io.switchboard.inventory.firewall.model.PolicySnapshot;
import io.switchboard.inventory.firewall.model.RuleDef;
import io.switchboard.inventory.site.Site;
import io.switchboard.inventory.site.SiteRepository;
import io.switchboard.inventory.tenancy.Tenant;
import io.switchboard.inventory.tenancy.TenantRepository;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.transaction.annotation.Transactional;

/** The V6 schema and publish: ordered rules round trip, versions freeze only referenced objects. */
@SpringBootTest(classes = InventoryTestApplication.class)
@Transactional
class FirewallPublishingIT {
  @Autowired TenantRepository tenants;
  @Autowired SiteRepository sites;
  @Autowired AddressObjectRepository addresses;
  @Autowired AddressGroupRepository groups;
  @Autowired CustomApplicationRepository applications;
  @Autowired SecurityZoneRepository zones;
  @Autowired FirewallPolicyRepository policies;
  @Autowired PolicyVersionRepository versions;
  @Autowired PolicyPublishing publishing;

  static RuleDef rule(String name, String src, String app) {
    return new RuleDef(
        name,
        List.of("trust"),
        List.of("dmz"),
        List.of(src),
        List.of("any"),
        List.of(app),
        FirewallAction.PERMIT,
        true,
        false,
        true,
        true);
  }

  @Test
  void aPublishFreezesTheRulesInOrderAndOnlyTheObjectsTheyUse() {
    Tenant tenant = aTenant().save(tenants);
    Site site = aSite().of(tenant).save(sites);
    zones.save(new SecurityZone(tenant.getId(), site.getId(), "dmz", List.of("ge-0/0/2.0")));
    addresses.save(
        new AddressObject(tenant.getId(), "lan", AddressKind.PREFIX, "10.1.0.0/16", null));
    addresses.save(
        new AddressObject(tenant.getId(), "unused", AddressKind.PREFIX, "10.9.0.0/16", null));
    groups.save(new AddressGroup(tenant.getId(), "office", List.of("lan")));
    applications.save(new CustomApplication(tenant.getId(), "alt-web", "tcp", "8080"));
    FirewallPolicy policy = new FirewallPolicy(tenant.getId(), "office");
    policy.setRules(List.of(rule("b", "office", "alt-web"), rule("a", "lan", "junos-https")));
    policy.setSiteIds(List.of(site.getId()));
    policies.saveAndFlush(policy);

    PolicyVersion v1 = publishing.publish(policy, "alice");
    PolicyVersion v2 = publishing.publish(policy, "alice");

    assertThat(List.of(v1.getNumber(), v2.getNumber())).containsExactly(1, 2);
    PolicySnapshot s =
        SnapshotJson.read(versions.findById(v1.getId()).orElseThrow().getSnapshotJson());
    assertThat(s.rules()).extracting(RuleDef::name).containsExactly("b", "a");
    assertThat(s.rules().get(0).logInit()).isTrue();
    assertThat(s.addresses()).extracting(a -> a.name()).containsExactly("lan");
    assertThat(s.addressGroups()).extracting(g -> g.name()).containsExactly("office");
    assertThat(s.applications()).extracting(a -> a.name()).containsExactly("alt-web");
    assertThat(policies.findById(policy.getId()).orElseThrow().getRules())
        .extracting(RuleDef::name)
        .containsExactly("b", "a");
  }

  @Test
  void aNameTheTenantDoesNotHaveIsRefusedWithTheRuleAndField() {
    Tenant tenant = aTenant().save(tenants);
    Tenant other = aTenant().save(tenants);
    addresses.save(
        new AddressObject(other.getId(), "theirs", AddressKind.PREFIX, "10.1.0.0/16", null));
    FirewallPolicy policy = new FirewallPolicy(tenant.getId(), "p");
    policy.setRules(
        List.of(
            new RuleDef(
                "ok",
                List.of("trust"),
                List.of("untrust"),
                null,
                null,
                null,
                FirewallAction.DENY,
                false,
                false,
                false,
                true),
            new RuleDef(
                "bad",
                List.of("trust"),
                List.of("untrust"),
                List.of("theirs"),
                null,
                null,
                FirewallAction.DENY,
                false,
                false,
                false,
                true)));
    policies.save(policy);

    assertThatThrownBy(() -> publishing.publish(policy, "alice"))
        .isInstanceOf(PublishException.class)
        .hasMessage("rule 'bad' names address 'theirs', which the tenant does not have")
        .extracting(e -> ((PublishException) e).field())
        .isEqualTo("rules[1].sources");
    policy.setRules(List.of(rule("z", "any", "no-such-app")));
    assertThatThrownBy(() -> publishing.publish(policy, "alice"))
        .hasMessageContaining("zone 'dmz'");
  }
}
