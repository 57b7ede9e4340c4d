package io.switchboard.app.demo;

import io.switchboard.api.vnf.VnfInstanceService;
import io.switchboard.api.vnf.VnfPackageService;
import io.switchboard.devices.fleet.SimulatedDevice;
import io.switchboard.devices.fleet.SimulatedFleet;
import io.switchboard.inventory.device.Device;
import io.switchboard.inventory.device.DeviceCredentials;
import io.switchboard.inventory.device.DeviceLifecycle;
import io.switchboard.inventory.device.DeviceModel;
import io.switchboard.inventory.device.DeviceModelRepository;
import io.switchboard.inventory.device.DeviceRepository;
import io.switchboard.inventory.scope.AccessScope;
import io.switchboard.inventory.sdwan.LanSegment;
import io.switchboard.inventory.sdwan.LanSegmentRepository;
import io.switchboard.inventory.site.Site;
import io.switchboard.inventory.site.SiteRepository;
import io.switchboard.inventory.site.SiteType;
import io.switchboard.inventory.tenancy.Tenant;
import io.switchboard.inventory.tenancy.TenantRepository;
import io.switchboard.inventory.user.Role;
import io.switchboard.inventory.vnf.VnfInstance;
import io.switchboard.inventory.vnf.VnfInstanceRepository;
import io.switchboard.inventory.vnf.VnfInstanceState;
import io.switchboard.inventory.vnf.VnfPackage;
import io.switchboard.inventory.vnf.VnfPackageBuilder;
import io.switchboard.inventory.vnf.VnfPackageRepository;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.stereotype.Component;

/**
 * The demo's uCPE: a simulated NFX250 in service at Acme's Marseille branch and a vSRX package
 * signed at start-up with the demo signing key, instantiated on it (image over a signed link, VNF
 * and chain committed, boot awaited). On later starts the simulator comes back empty while the
 * inventory says INSTANTIATED, so the demo heals the instance instead: the heal puts the image and
 * configuration back and restarts the VNF.
 */
@Component
@Order(20)
@ConditionalOnProperty(name = "switchboard.demo.enabled", havingValue = "true")
public class DemoVnf implements ApplicationRunner, AutoCloseable {
  static final String SERIAL = "DEMONFX1";
  public static final String TENANT = "Acme Retail";
  static final String SITE = "acme-marseille";
  static final String PRODUCT = "vSRX";
  static final String VERSION = "23.4R1.9-demo";
  public static final String INSTANCE = "vsrx-demo";

  private static final Logger LOG = LoggerFactory.getLogger(DemoVnf.class);
  private static final AccessScope DEMO = new AccessScope("demo", Role.SP_ADMIN, null, null);

  private final TenantRepository tenants;
  private final SiteRepository sites;
  private final LanSegmentRepository segments;
  private final DeviceModelRepository models;
  private final DeviceRepository devices;
  private final VnfPackageRepository packages;
  private final VnfInstanceRepository instances;
  private final VnfPackageService packageService;
  private final VnfInstanceService instanceService;
  private SimulatedFleet fleet;

  public DemoVnf(
      TenantRepository tenants,
      SiteRepository sites,
      LanSegmentRepository segments,
      DeviceModelRepository models,
      DeviceRepository devices,
      VnfPackageRepository packages,
      VnfInstanceRepository instances,
      VnfPackageService packageService,
      VnfInstanceService instanceService) {
    this.tenants = tenants;
    this.sites = sites;
    this.segments = segments;
    this.models = models;
    this.devices = devices;
    this.packages = packages;
    this.instances = instances;
    this.packageService = packageService;
    this.instanceService = instanceService;
  }

  @Override
  public void run(ApplicationArguments args) {
    try {
      Tenant tenant =
          tenants.findAll().stream()
              .filter(t -> t.getName().equals(TENANT))
              .findFirst()
              .orElseThrow(() -> new IllegalStateException("the demo tenant is missing"));
      Site site = site(tenant);
      fleet =
          SimulatedFleet.builder()
              .serials(SERIAL)
              .model("nfx250")
              .basePort(0)
              .credentials(DemoInventory.DEVICE_USER, DemoInventory.DEVICE_PASSWORD)
              .start();
      SimulatedDevice ucpe = fleet.device(SERIAL);
      inService(ucpe);
      Device device = device(tenant, site, ucpe);
      VnfPackage vnfPackage = vnfPackage();
      VnfInstance instance =
          instances.findByDeviceId(device.getId()).stream()
              .filter(i -> i.getName().equals(INSTANCE))
              .findFirst()
              .orElseGet(
                  () ->
                      instanceService.create(
                          DEMO,
                          new VnfInstanceService.CreateRequest(
                              tenant.getId(),
                              site.getId(),
                              device.getId(),
                              vnfPackage.getId(),
                              "small",
                              INSTANCE,
                              null)));
      if (instance.getState() == VnfInstanceState.INSTANTIATED) {
        instanceService.heal(
            DEMO, instance.getId(), "demo restarted: the simulator came back empty");
      } else {
        instanceService.instantiate(DEMO, instance.getId());
      }
      LOG.info(
          "Demo: vSRX '{}' is being placed on the simulated NFX250 {}; watch it with"
              + " curl -u admin:<password> localhost:<port>/api/v1/vnf-lcm-op-occs",
          INSTANCE,
          SERIAL);
    } catch (RuntimeException | IOException e) {
      LOG.warn("The demo uCPE could not start (Switchboard keeps running): {}", e.toString());
    }
  }

  private Site site(Tenant tenant) {
    Site site =
        sites.findAll().stream()
            .filter(s -> s.getTenantId().equals(tenant.getId()) && s.getName().equals(SITE))
            .findFirst()
            .orElseGet(() -> sites.save(new Site(tenant.getId(), SITE, SiteType.BRANCH)));
    if (segments.findBySiteIdOrderByName(site.getId()).isEmpty()) {
      LanSegment users = new LanSegment(tenant.getId(), site.getId(), "users", "192.168.20.0/24");
      users.setVlanId(20);
      segments.save(users);
    }
    return site;
  }

  /** As a uCPE in service would be: its WAN port in the untrust zone the chain sends to. */
  private static void inService(SimulatedDevice ucpe) {
    ucpe.loadRunningConfig(
        ucpe.runningConfig()
            .replace(
                "</configuration>",
                "<security><zones><security-zone><name>untrust</name><interfaces>"
                    + "<name>ge-0/0/0.0</name></interfaces></security-zone></zones></security>"
                    + "</configuration>"));
  }

  private Device device(Tenant tenant, Site site, SimulatedDevice ucpe) {
    DeviceModel model =
        models.findAll().stream()
            .filter(m -> m.getName().equals("NFX250"))
            .findFirst()
            .orElseGet(() -> models.save(new DeviceModel("NFX250", "Juniper", "nfx")));
    Device device =
        devices
            .findBySerialNumber(SERIAL)
            .orElseGet(
                () -> {
                  Device d = new Device(tenant.getId(), SERIAL, model.getId());
                  d.setSiteId(site.getId());
                  d.setCredentials(
                      new DeviceCredentials(
                          DemoInventory.DEVICE_USER, DemoInventory.DEVICE_PASSWORD));
                  d.setLifecycleState(DeviceLifecycle.ACTIVE);
                  return devices.save(d);
                });
    // the demo runs the simulator, so it says where it listens (a new port on every start)
    devices.updateReachability(device.getId(), ucpe.managementAddress(), ucpe.port());
    return devices.findById(device.getId()).orElseThrow();
  }

  /** The demo vSRX package, signed with the demo key the demo profile trusts. */
  private VnfPackage vnfPackage() throws IOException {
    VnfPackage existing =
        packages.findAll().stream()
            .filter(
                p -> p.getProductName().equals(PRODUCT) && p.getSoftwareVersion().equals(VERSION))
            .findFirst()
            .orElse(null);
    if (existing != null) {
      return existing;
    }
    VnfPackageBuilder builder = VnfPackageBuilder.aPackage(PRODUCT, VERSION);
    byte[] csar = builder.build();
    String key;
    try (InputStream in = getClass().getResourceAsStream("/demo/image-signing-key.pkcs8.b64")) {
      key = new String(in.readAllBytes(), StandardCharsets.US_ASCII).trim();
    }
    return packageService.upload(DEMO, builder.signature(key), false, new ByteArrayResource(csar));
  }

  @Override
  public void close() {
    if (fleet != null) {
      fleet.close();
    }
  }
}
