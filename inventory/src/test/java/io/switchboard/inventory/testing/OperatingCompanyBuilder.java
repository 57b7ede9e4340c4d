package io.switchboard.inventory.testing;

import static io.switchboard.inventory.testing.InventoryBuilders.unique;

import io.switchboard.inventory.tenancy.OperatingCompany;

/** Builds {@code OperatingCompany} test data; start from {@link InventoryBuilders}. */
public final class OperatingCompanyBuilder
    extends InventoryBuilders.Builder<OperatingCompany, OperatingCompanyBuilder> {
  private String name = unique("opco");
  private String description;

  public OperatingCompanyBuilder named(String name) {
    this.name = name;
    return this;
  }

  public OperatingCompanyBuilder describedAs(String description) {
    this.description = description;
    return this;
  }

  @Override
  OperatingCompany create() {
    return new OperatingCompany(name, description);
  }
}
