package io.switchboard.inventory.scope;

import io.switchboard.inventory.device.Device;
import io.switchboard.inventory.device.DeviceModel;
import io.switchboard.inventory.device.DeviceModelRepository;
import io.switchboard.inventory.device.DeviceRepository;
import io.switchboard.inventory.image.SoftwareImage;
import io.switchboard.inventory.image.SoftwareImageRepository;
import io.switchboard.inventory.operation.Operation;
import io.switchboard.inventory.operation.OperationRepository;
import io.switchboard.inventory.site.Site;
import io.switchboard.inventory.site.SiteRepository;
import io.switchboard.inventory.tenancy.OperatingCompany;
import io.switchboard.inventory.tenancy.OperatingCompanyRepository;
import io.switchboard.inventory.tenancy.Tenant;
import io.switchboard.inventory.tenancy.TenantRepository;
import io.switchboard.inventory.user.UserAccount;
import io.switchboard.inventory.user.UserAccountRepository;
import org.springframework.stereotype.Component;

/** Scoped views of every inventory repository; the API reads and writes only through these. */
@Component
public class ScopedInventory {
  private final ScopedRepository<OperatingCompany> opcos;
  private final ScopedRepository<Tenant> tenants;
  private final ScopedRepository<Site> sites;
  private final ScopedRepository<Device> devices;
  private final ScopedRepository<DeviceModel> deviceModels;
  private final ScopedRepository<SoftwareImage> images;
  private final ScopedRepository<Operation> operations;
  private final ScopedRepository<UserAccount> users;

  public ScopedInventory(
      OperatingCompanyRepository opcos,
      TenantRepository tenants,
      SiteRepository sites,
      DeviceRepository devices,
      DeviceModelRepository deviceModels,
      SoftwareImageRepository images,
      OperationRepository operations,
      UserAccountRepository users) {
    this.opcos = new ScopedRepository<>(opcos, Visibility::opcos);
    this.tenants = new ScopedRepository<>(tenants, Visibility::tenants);
    this.sites = new ScopedRepository<>(sites, Visibility::sites);
    this.devices = new ScopedRepository<>(devices, Visibility::tenantOwned);
    this.deviceModels = new ScopedRepository<>(deviceModels, Visibility::catalogue);
    this.images = new ScopedRepository<>(images, Visibility::catalogue);
    this.operations = new ScopedRepository<>(operations, Visibility::operations);
    this.users = new ScopedRepository<>(users, Visibility::users);
  }

  public ScopedRepository<OperatingCompany> opcos() {
    return opcos;
  }

  public ScopedRepository<Tenant> tenants() {
    return tenants;
  }

  public ScopedRepository<Site> sites() {
    return sites;
  }

  public ScopedRepository<Device> devices() {
    return devices;
  }

  public ScopedRepository<DeviceModel> deviceModels() {
    return deviceModels;
  }

  public ScopedRepository<SoftwareImage> images() {
    return images;
  }

  public ScopedRepository<Operation> operations() {
    return operations;
  }

  public ScopedRepository<UserAccount> users() {
    return users;
  }
}
