package io.switchboard.inventory.testing;

import static io.switchboard.inventory.testing.InventoryBuilders.unique;

import io.switchboard.inventory.site.Site;
import io.switchboard.inventory.site.SiteType;
import io.switchboard.inventory.tenancy.Tenant;

/** Builds {@code Site} test data; start from {@link InventoryBuilders}. */
public final class SiteBuilder extends InventoryBuilders.Builder<Site, SiteBuilder> {
  private String tenantId;
  private String name = unique("site");
  private SiteType type = SiteType.BRANCH;
  private String targetSoftwareVersion;

  public SiteBuilder of(Tenant tenant) {
    this.tenantId = tenant.getId();
    return this;
  }

  public SiteBuilder named(String name) {
    this.name = name;
    return this;
  }

  public SiteBuilder ofType(SiteType type) {
    this.type = type;
    return this;
  }

  public SiteBuilder targeting(String softwareVersion) {
    this.targetSoftwareVersion = softwareVersion;
    return this;
  }

  @Override
  Site create() {
    Site site = new Site(tenantId, name, type);
    site.setTargetSoftwareVersion(targetSoftwareVersion);
    return site;
  }
}
