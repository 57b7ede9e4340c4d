package io.switchboard.inventory;

import static io.switchboard.inventory.testing.InventoryBuilders.aDevice;
import static io.switchboard.inventory.testing.InventoryBuilders.aDeviceModel;
import static io.switchboard.inventory.testing.InventoryBuilders.aSite;
import static io.switchboard.inventory.testing.InventoryBuilders.aTenant;
import static io.switchboard.inventory.testing.InventoryBuilders.anOperatingCompany;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.switchboard.inventory.device.Device;
import io.switchboard.inventory.device.DeviceCredentials;
import io.switchboard.inventory.device.DeviceModel;
import io.switchboard.inventory.device.DeviceModelRepository;
import io.switchboard.inventory.device.DeviceRepository;
import io.switchboard.inventory.operation.Operation;
import io.switchboard.inventory.operation.OperationRepository;
import io.switchboard.inventory.scope.AccessScope;
import io.switchboard.inventory.scope.ScopedInventory;
import io.switchboard.inventory.site.Site;
import io.switchboard.inventory.site.SiteRepository;
import io.switchboard.inventory.site.SiteType;
import io.switchboard.inventory.tenancy.OperatingCompany;
import io.switchboard.inventory.tenancy.OperatingCompanyRepository;
import io.switchboard.inventory.tenancy.Tenant;
import io.switchboard.inventory.tenancy.TenantRepository;
import io.switchboard.inventory.user.Role;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.orm.ObjectOptimisticLockingFailureException;

/** Repository round trips through the Flyway schema, on H2 by default and MariaDB in CI. */
@SpringBootTest(classes = InventoryTestApplication.class)
class InventoryRepositoryIT {
  @Autowired OperatingCompanyRepository opcos;
  @Autowired TenantRepository tenants;
  @Autowired SiteRepository sites;
  @Autowired DeviceModelRepository models;
  @Autowired DeviceRepository devices;
  @Autowired OperationRepository operations;
  @Autowired ScopedInventory scoped;
  @Autowired JdbcTemplate jdbc;

  private static String unique(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  @Test
  void tenancyTreeSitesAndDevicesRoundTripWithAuditFields() {
    OperatingCompany opco = anOperatingCompany().describedAs("reseller").save(opcos);
    Tenant tenant = aTenant().of(opco).save(tenants);
    Site site = aSite().of(tenant).named("paris-1").save(sites);
    DeviceModel model = aDeviceModel().save(models);
    Device device =
        aDevice().at(site).ofModel(model).withCredentials("netconf", "s3cret!").save(devices);

    Device loaded = devices.findBySerialNumber(device.getSerialNumber()).orElseThrow();
    assertThat(loaded.getCredentials()).isEqualTo(new DeviceCredentials("netconf", "s3cret!"));
    assertThat(loaded.getCreatedAt()).isNotNull();
    assertThat(loaded.getUpdatedAt()).isNotNull();
    assertThat(loaded.getCredentials().toString()).doesNotContain("s3cret!");
  }

  @Test
  void credentialsAreEncryptedAtRest() {
    Tenant tenant = aTenant().save(tenants);
    Device device =
        aDevice()
            .of(tenant)
            .ofModel(aDeviceModel().save(models))
            .withCredentials("netconf", "plain-text-never")
            .save(devices);

    String stored =
        jdbc.queryForObject(
            "SELECT credentials_enc FROM device WHERE id = ?", String.class, device.getId());
    assertThat(stored).isNotBlank().doesNotContain("plain-text-never").doesNotContain("netconf");
  }

  @Test
  void concurrentUpdatesAreRefusedByOptimisticLocking() {
    Tenant tenant = tenants.save(new Tenant(null, unique("tenant"), null));
    Site first =
        sites
            .findById(sites.save(new Site(tenant.getId(), "hub", SiteType.HUB)).getId())
            .orElseThrow();
    Site second = sites.findById(first.getId()).orElseThrow();
    first.setAddress("1 Main St");
    sites.save(first);
    second.setAddress("2 Other St");
    assertThatThrownBy(() -> sites.save(second))
        .isInstanceOf(ObjectOptimisticLockingFailureException.class);
  }

  @Test
  void scopedRepositoriesHideOtherTenantsAndOpcos() {
    OperatingCompany opcoA = opcos.save(new OperatingCompany(unique("opco-a"), null));
    OperatingCompany opcoB = opcos.save(new OperatingCompany(unique("opco-b"), null));
    Tenant a1 = tenants.save(new Tenant(opcoA.getId(), unique("a1"), null));
    Tenant b1 = tenants.save(new Tenant(opcoB.getId(), unique("b1"), null));
    Site siteA = sites.save(new Site(a1.getId(), "a-site", SiteType.BRANCH));
    Site siteB = sites.save(new Site(b1.getId(), "b-site", SiteType.BRANCH));
    Operation opB =
        operations.save(
            new Operation(
                b1.getId(), "ztp-onboarding", "DEVICE", UUID.randomUUID().toString(), "x"));

    AccessScope opcoAdminA = new AccessScope("oa", Role.OPCO_ADMIN, opcoA.getId(), null);
    AccessScope viewerA1 = new AccessScope("va", Role.TENANT_VIEWER, null, a1.getId());

    assertThat(scoped.sites().find(opcoAdminA, siteA.getId())).isPresent();
    assertThat(scoped.sites().find(opcoAdminA, siteB.getId())).isEmpty();
    assertThat(scoped.sites().find(viewerA1, siteB.getId())).isEmpty();
    assertThat(scoped.tenants().find(opcoAdminA, b1.getId())).isEmpty();
    assertThat(scoped.opcos().find(viewerA1, opcoA.getId())).isPresent();
    assertThat(scoped.opcos().find(viewerA1, opcoB.getId())).isEmpty();
    assertThat(scoped.operations().find(viewerA1, opB.getId())).isEmpty();
    assertThat(
            scoped
                .sites()
                .page(viewerA1, (r, q, cb) -> cb.conjunction(), Pageable.unpaged())
                .getContent())
        .extracting(Site::getId)
        .containsExactly(siteA.getId());
  }
}
