package io.switchboard.inventory.testing;

import io.switchboard.inventory.device.Device;
import io.switchboard.inventory.device.DeviceCredentials;
import io.switchboard.inventory.device.DeviceLifecycle;
import io.switchboard.inventory.device.DeviceModel;
import io.switchboard.inventory.image.SoftwareImage;
import io.switchboard.inventory.site.Site;
import io.switchboard.inventory.site.SiteType;
import io.switchboard.inventory.tenancy.OperatingCompany;
import io.switchboard.inventory.tenancy.Tenant;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.springframework.data.repository.CrudRepository;

/**
 * Test-data builders for the inventory entities that tests create again and again. Every builder
 * starts from valid defaults with unique names and serials, so a test states only what matters to
 * it: {@code aDevice().ofTenant(tenant).atSite(site).runs("21.4R3").save(devices)}.
 */
public final class InventoryBuilders {

  private InventoryBuilders() {}

  /** A name no other test uses: {@code prefix-} and eight random hex digits. */
  public static String unique(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  public static OperatingCompanyBuilder anOperatingCompany() {
    return new OperatingCompanyBuilder();
  }

  public static TenantBuilder aTenant() {
    return new TenantBuilder();
  }

  public static SiteBuilder aSite() {
    return new SiteBuilder();
  }

  public static DeviceModelBuilder aDeviceModel() {
    return new DeviceModelBuilder();
  }

  public static DeviceBuilder aDevice() {
    return new DeviceBuilder();
  }

  public static SoftwareImageBuilder anImage() {
    return new SoftwareImageBuilder();
  }

  /** What every builder does once its fields are set. */
  public abstract static class Builder<T, B extends Builder<T, B>> {
    private UnaryOperator<T> customizer = UnaryOperator.identity();

    abstract T create();

    /** For the rare field no method names: applied to the built entity. */
    public B with(UnaryOperator<T> change) {
      UnaryOperator<T> before = customizer;
      customizer = t -> change.apply(before.apply(t));
      return self();
    }

    @SuppressWarnings("unchecked")
    private B self() {
      return (B) this;
    }

    public T build() {
      return customizer.apply(create());
    }

    public T save(CrudRepository<T, String> repository) {
      return repository.save(build());
    }
  }

  public static final class OperatingCompanyBuilder
      extends Builder<OperatingCompany, OperatingCompanyBuilder> {
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

  public static final class TenantBuilder extends Builder<Tenant, TenantBuilder> {
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

  public static final class SiteBuilder extends Builder<Site, SiteBuilder> {
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

  public static final class DeviceModelBuilder extends Builder<DeviceModel, DeviceModelBuilder> {
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

  public static final class DeviceBuilder extends Builder<Device, DeviceBuilder> {
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

  public static final class SoftwareImageBuilder
      extends Builder<SoftwareImage, SoftwareImageBuilder> {
    private String version = "23.4R1.9";
    private String modelFamily = "srx";
    private String fileName;
    private String sha256 = "0".repeat(64);
    private String signature = "c2lnbmF0dXJl";
    private String signingKeyId = "test";
    private long sizeBytes = 1;
    private String storageLocation;

    public SoftwareImageBuilder version(String version) {
      this.version = version;
      return this;
    }

    public SoftwareImageBuilder fileName(String fileName) {
      this.fileName = fileName;
      return this;
    }

    public SoftwareImageBuilder forFamily(String modelFamily) {
      this.modelFamily = modelFamily;
      return this;
    }

    /** The stored file and what its upload recorded about it. */
    public SoftwareImageBuilder stored(
        String storageLocation, long sizeBytes, String sha256, String signature) {
      this.storageLocation = storageLocation;
      this.sizeBytes = sizeBytes;
      this.sha256 = sha256;
      this.signature = signature;
      return this;
    }

    public SoftwareImageBuilder signedBy(String signingKeyId) {
      this.signingKeyId = signingKeyId;
      return this;
    }

    @Override
    SoftwareImage create() {
      String name = fileName != null ? fileName : "junos-" + modelFamily + "-" + version + ".tgz";
      return new SoftwareImage(
          version,
          modelFamily,
          name,
          sha256,
          signature,
          signingKeyId,
          sizeBytes,
          storageLocation != null ? storageLocation : "/nonexistent/" + name);
    }
  }
}
