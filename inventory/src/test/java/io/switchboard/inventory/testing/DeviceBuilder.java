package io.switchboard.inventory.testing;

import static io.switchboard.inventory.testing.InventoryBuilders.unique;

import io.switchboard.inventory.device.Device;
import io.switchboard.inventory.device.DeviceCredentials;
import io.switchboard.inventory.device.DeviceLifecycle;
import io.switchboard.inventory.device.DeviceModel;
import io.switchboard.inventory.site.Site;
import io.switchboard.inventory.tenancy.Tenant;

/** Builds {@code Device} test data; start from {@link InventoryBuilders}. */
public final class DeviceBuilder extends InventoryBuilders.Builder<Device, DeviceBuilder> {
  private String tenantId;
  private String siteId;
  private String modelId;
  private String serialNumber = unique("SN").toUpperCase();
  private DeviceCredentials credentials = new DeviceCredentials("admin", "admin123");
  private String managementAddress;
  private Integer netconfPort;
  private String softwareVersion;
  private DeviceLifecycle lifecycle;

  public DeviceBuilder of(Tenant tenant) {
    this.tenantId = tenant.getId();
    return this;
  }

  public DeviceBuilder at(Site site) {
    this.tenantId = site.getTenantId();
    this.siteId = site.getId();
    return this;
  }

  public DeviceBuilder ofModel(DeviceModel model) {
    this.modelId = model.getId();
    return this;
  }

  public DeviceBuilder withSerial(String serialNumber) {
    this.serialNumber = serialNumber;
    return this;
  }

  public DeviceBuilder withCredentials(String username, String password) {
    this.credentials = new DeviceCredentials(username, password);
    return this;
  }

  /** Where the device answers NETCONF (as its phone-home reported it). */
  public DeviceBuilder reachableAt(String address, int port) {
    this.managementAddress = address;
    this.netconfPort = port;
    return this;
  }

  public DeviceBuilder runs(String softwareVersion) {
    this.softwareVersion = softwareVersion;
    return this;
  }

  public DeviceBuilder in(DeviceLifecycle lifecycle) {
    this.lifecycle = lifecycle;
    return this;
  }

  @Override
  Device create() {
    Device device = new Device(tenantId, serialNumber, modelId);
    device.setSiteId(siteId);
    device.setCredentials(credentials);
    device.setManagementAddress(managementAddress);
    device.setNetconfPort(netconfPort);
    device.setSoftwareVersion(softwareVersion);
    if (lifecycle != null) {
      device.setLifecycleState(lifecycle);
    }
    return device;
  }
}
