package io.switchboard.inventory.testing;

import static io.switchboard.inventory.testing.InventoryBuilders.unique;

import io.switchboard.inventory.device.DeviceModel;

/** Builds {@code DeviceModel} test data; start from {@link InventoryBuilders}. */
public final class DeviceModelBuilder
    extends InventoryBuilders.Builder<DeviceModel, DeviceModelBuilder> {
  private String name = unique("SRX300");
  private String vendor = "Juniper";
  private String family = "srx";

  public DeviceModelBuilder named(String name) {
    this.name = name;
    return this;
  }

  public DeviceModelBuilder ofFamily(String family) {
    this.family = family;
    return this;
  }

  public DeviceModelBuilder byVendor(String vendor) {
    this.vendor = vendor;
    return this;
  }

  @Override
  DeviceModel create() {
    return new DeviceModel(name, vendor, family);
  }
}
