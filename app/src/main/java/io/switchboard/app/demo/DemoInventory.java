package io.switchboard.app.demo;

import io.switchboard.api.device.ActivationSecrets;
import io.switchboard.api.operation.OperationStarter;
import io.switchboard.inventory.device.Device;
import io.switchboard.inventory.device.DeviceCredentials;
import io.switchboard.inventory.device.DeviceLifecycle;
import io.switchboard.inventory.device.DeviceModel;
import io.switchboard.inventory.device.DeviceModelRepository;
import io.switchboard.inventory.device.DeviceRepository;
import io.switchboard.inventory.image.SoftwareImage;
import io.switchboard.inventory.image.SoftwareImageRepository;
import io.switchboard.inventory.operation.Operation;
import io.switchboard.inventory.operation.OperationRepository;
import io.switchboard.inventory.site.Site;
import io.switchboard.inventory.site.SiteRepository;
import io.switchboard.inventory.site.SiteType;
import io.switchboard.inventory.tenancy.OperatingCompany;
import io.switchboard.inventory.tenancy.OperatingCompanyRepository;
import io.switchboard.inventory.tenancy.Tenant;
import io.switchboard.inventory.tenancy.TenantRepository;
import io.switchboard.workflows.ztp.ZtpOnboarding;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The demo's inventory, created once and reused on later starts. */
@Component
public class DemoInventory {
  static final String FACTORY_VERSION = "21.4R3-S5.4";
  static final String NEWER_VERSION = "23.4R1.9";
  static final String DEVICE_USER = "admin";
  static final String DEVICE_PASSWORD = "admin123";

  /** A demo device and the activation secret its simulator presents (fresh on every start). */
  record DemoDevice(String serial, String deviceId, String activationSecret) {}

  private final OperatingCompanyRepository opcos;
  private final TenantRepository tenants;
  private final SiteRepository sites;
  private final DeviceModelRepository models;
  private final DeviceRepository devices;
  private final SoftwareImageRepository images;
  private final OperationStarter starter;
  private final OperationRepository operations;
  private final PasswordEncoder encoder;
  private final Path imageDir;
  private final org.springframework.transaction.support.TransactionTemplate transactions;
  private final ScheduledExecutorService watcher =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "demo-watcher");
            t.setDaemon(true);
            return t;
          });

  public DemoInventory(
      OperatingCompanyRepository opcos,
      TenantRepository tenants,
      SiteRepository sites,
      DeviceModelRepository models,
      DeviceRepository devices,
      SoftwareImageRepository images,
      OperationStarter starter,
      OperationRepository operations,
      PasswordEncoder encoder,
      @Value("${switchboard.images.store-dir:./data/images}") String imageDir,
      org.springframework.transaction.PlatformTransactionManager transactionManager) {
    this.transactions =
        new org.springframework.transaction.support.TransactionTemplate(transactionManager);
    this.opcos = opcos;
    this.tenants = tenants;
    this.sites = sites;
    this.models = models;
    this.devices = devices;
    this.images = images;
    this.starter = starter;
    this.operations = operations;
    this.encoder = encoder;
    this.imageDir = Path.of(imageDir);
  }

  /** Creates what is missing and answers the demo devices. */
  @Transactional
  public List<DemoDevice> ensure() {
    OperatingCompany opco =
        opcos.findAll().stream()
            .filter(o -> o.getName().equals("Demo Telecom"))
            .findFirst()
            .orElseGet(
                () -> opcos.save(new OperatingCompany("Demo Telecom", "reseller of the demo")));
    DeviceModel model =
        models.findAll().stream()
            .filter(m -> m.getName().equals("SRX300"))
            .findFirst()
            .orElseGet(() -> models.save(new DeviceModel("SRX300", "Juniper", "srx")));
    ensureImage();
    List<DemoDevice> result = new ArrayList<>();
    String[][] layout = {
      {"Acme Retail", "acme-paris", FACTORY_VERSION},
      {"Acme Retail", "acme-lyon", FACTORY_VERSION},
      {"Acme Retail", "acme-nice", NEWER_VERSION},
      {"Globex Energy", "globex-oslo", FACTORY_VERSION},
      {"Globex Energy", "globex-bergen", NEWER_VERSION},
      {"Globex Energy", "globex-tromso", FACTORY_VERSION}
    };
    for (int i = 0; i < layout.length; i++) {
      String tenantName = layout[i][0];
      Tenant tenant =
          tenants.findAll().stream()
              .filter(t -> t.getName().equals(tenantName))
              .findFirst()
              .orElseGet(() -> tenants.save(new Tenant(opco.getId(), tenantName, "demo customer")));
      String siteName = layout[i][1];
      String target = layout[i][2];
      Site site =
          sites.findAll().stream()
              .filter(s -> s.getTenantId().equals(tenant.getId()) && s.getName().equals(siteName))
              .findFirst()
              .orElseGet(
                  () -> {
                    Site s = new Site(tenant.getId(), siteName, SiteType.BRANCH);
                    s.setTargetSoftwareVersion(target);
                    return sites.save(s);
                  });
      String serial = String.format("DEMO%04d", i + 1);
      Device device =
          devices
              .findBySerialNumber(serial)
              .orElseGet(
                  () -> {
                    Device d = new Device(tenant.getId(), serial, model.getId());
                    d.setSiteId(site.getId());
                    d.setCredentials(new DeviceCredentials(DEVICE_USER, DEVICE_PASSWORD));
                    return devices.save(d);
                  });
      // a new secret on every start, as the system password: nothing to keep, nothing to leak
      String secret = ActivationSecrets.generate();
      device.setActivationSecretHash(encoder.encode(secret));
      devices.save(device);
      result.add(new DemoDevice(serial, device.getId(), secret));
    }
    return result;
  }

  /**
   * Starts onboarding for demo devices that are not in service yet. Like the API does, the
   * operation row and the process start commit together, so the workers never see half of it.
   */
  public void startOnboarding(List<DemoDevice> demo) {
    for (DemoDevice d : demo) {
      transactions.executeWithoutResult(
          status -> {
            Device device = devices.findById(d.deviceId()).orElseThrow();
            // once per device, ever: a restart neither repeats nor duplicates an onboarding
            if (device.getLifecycleState() == DeviceLifecycle.ACTIVE
                || operations.existsByTargetKindAndTargetId(
                    Operation.TARGET_DEVICE, device.getId())) {
              return;
            }
            device.setLifecycleState(DeviceLifecycle.PLANNED);
            devices.save(device);
            starter.record(
                new Operation(
                    device.getTenantId(),
                    ZtpOnboarding.PROCESS_ID,
                    Operation.TARGET_DEVICE,
                    device.getId(),
                    "demo"),
                Map.of(ZtpOnboarding.VAR_ACTIVATION_TIMEOUT, "PT30M"));
          });
    }
  }

  /** Records where the demo's own simulator of a device in service listens after a restart. */
  public void readdressIfInService(String deviceId, String address, int port) {
    devices
        .findById(deviceId)
        .filter(d -> d.getLifecycleState() == DeviceLifecycle.ACTIVE)
        .ifPresent(d -> devices.updateReachability(d.getId(), address, port));
  }

  /** Runs {@code action} once the device has phoned home (its address is known). */
  public void whenPhonedHome(String serial, Runnable action) {
    watcher.scheduleWithFixedDelay(
        new Runnable() {
          private int polls;

          @Override
          public void run() {
            boolean home =
                devices
                    .findBySerialNumber(serial)
                    .map(d -> d.getManagementAddress() != null)
                    .orElse(false);
            if (home || ++polls > 600) {
              if (home) {
                action.run();
              }
              throw new IllegalStateException("done"); // ends the periodic task
            }
          }
        },
        100,
        100,
        TimeUnit.MILLISECONDS);
  }

  private void ensureImage() {
    if (images.existsByModelFamilyAndVersion("srx", NEWER_VERSION)) {
      return;
    }
    try {
      byte[] content =
          ("demo Junos image " + NEWER_VERSION + "\n")
              .repeat(1000)
              .getBytes(StandardCharsets.UTF_8);
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(content);
      String sha = HexFormat.of().formatHex(digest);
      Files.createDirectories(imageDir);
      Path file = imageDir.resolve(sha);
      Files.write(file, content);
      String signature;
      try (InputStream key = getClass().getResourceAsStream("/demo/image-signing-key.pkcs8.b64")) {
        Signature signer = Signature.getInstance("Ed25519");
        signer.initSign(
            KeyFactory.getInstance("Ed25519")
                .generatePrivate(
                    new PKCS8EncodedKeySpec(
                        Base64.getDecoder()
                            .decode(
                                new String(key.readAllBytes(), StandardCharsets.US_ASCII)
                                    .trim()))));
        signer.update(digest);
        signature = Base64.getEncoder().encodeToString(signer.sign());
      }
      images.save(
          new SoftwareImage(
              NEWER_VERSION,
              "srx",
              "junos-srxsme-" + NEWER_VERSION + ".tgz",
              sha,
              signature,
              "switchboard-demo",
              content.length,
              file.toAbsolutePath().toString()));
    } catch (IOException | java.security.GeneralSecurityException e) {
      throw new IllegalStateException("Cannot create the demo image", e);
    }
  }
}
