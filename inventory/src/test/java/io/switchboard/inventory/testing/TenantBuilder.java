package io.switchboard.inventory.testing;

import static io.switchboard.inventory.testing.InventoryBuilders.unique;

import io.switchboard.inventory.tenancy.OperatingCompany;
import io.switchboard.inventory.tenancy.Tenant;

/** Builds {@code Tenant} test data; start from {@link InventoryBuilders}. */
public final class TenantBuilder extends InventoryBuilders.Builder<Tenant, TenantBuilder> {
  private String opcoId;
  private String name = unique("tenant");
  private String description;

  public TenantBuilder named(String name) {
    this.name = name;
    return this;
  }

  public TenantBuilder of(OperatingCompany opco) {
    this.opcoId = opco.getId();
    return this;
  }

  public TenantBuilder describedAs(String description) {
    this.description = description;
    return this;
  }

  @Override
  Tenant create() {
    return new Tenant(opcoId, name, description);
  }
}
