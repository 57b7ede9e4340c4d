package io.switchboard.inventory;

import static io.switchboard.inventory.testing.InventoryBuilders.aDevice;
import static io.switchboard.inventory.testing.InventoryBuilders.aDeviceModel;
import static io.switchboard.inventory.testing.InventoryBuilders.aSite;
import static io.switchboard.inventory.testing.InventoryBuilders.aTenant;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.switchboard.inventory.compliance.IntendedConfig;
import io.switchboard.inventory.compliance.IntendedConfigRecorder;
import io.switchboard.inventory.device.CredentialsCipher;
import io.switchboard.inventory.device.CredentialsReencryption;
import io.switchboard.inventory.device.Device;
import io.switchboard.inventory.device.DeviceCredentials;
import io.switchboard.inventory.device.DeviceModelRepository;
import io.switchboard.inventory.device.DeviceRepository;
import io.switchboard.inventory.site.SiteRepository;
import io.switchboard.inventory.tenancy.TenantRepository;
import io.switchboard.inventory.vnf.VnfInstance;
import io.switchboard.inventory.vnf.VnfInstanceRepository;
import io.switchboard.inventory.vnf.VnfPackage;
import io.switchboard.inventory.vnf.VnfPackageBuilder;
import io.switchboard.inventory.vnf.VnfPackageRepository;
import io.switchboard.inventory.vnf.Vnfd;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/** A credentials-key rotation re-encrypts stored credentials; every device stays readable. */
@SpringBootTest(classes = InventoryTestApplication.class)
class CredentialsKeyRotationIT {
  private static final String NEW_KEY = "H+3cKzBvG0m4H0o8rQ1y4u2m8k9pVq3Vt7c6N1sXkAo=";

  @Autowired TenantRepository tenants;
  @Autowired SiteRepository sites;
  @Autowired DeviceModelRepository models;
  @Autowired DeviceRepository devices;
  @Autowired CredentialsReencryption reencryption;
  @Autowired JdbcTemplate jdbc;
  @Autowired IntendedConfigRecorder intended;
  @Autowired VnfPackageRepository vnfPackages;
  @Autowired VnfInstanceRepository vnfInstances;

  @Value("${switchboard.security.credentials-key}")
  String oldKey;

  /**
   * Back to the test key, and every stored value with it: on MariaDB the later suites share this
   * database and read its devices under the test key.
   */
  @AfterEach
  void backToTheTestKey() {
    CredentialsCipher.configure(oldKey, List.of(NEW_KEY));
    reencryption.reencryptAll();
    CredentialsCipher.configure(oldKey);
  }

  private String stored(Device device) {
    return jdbc.queryForObject(
        "SELECT credentials_enc FROM device WHERE id = ?", String.class, device.getId());
  }

  @Test
  void rotationReencryptsUnderTheNewKeyAndEveryDeviceStaysReadable() {
    var site = aSite().of(aTenant().save(tenants)).save(sites);
    var model = aDeviceModel().save(models);
    Device first =
        aDevice().at(site).ofModel(model).withCredentials("netconf", "one").save(devices);
    Device second =
        aDevice().at(site).ofModel(model).withCredentials("netconf", "two").save(devices);
    IntendedConfig part =
        intended.committed(
            first.getId(),
            "overlay-o1",
            "set security ike policy p pre-shared-key ascii-text k",
            null,
            null);
    VnfInstance vnf = vnfWithASecretDay0Parameter(first);
    // a value written before values named their key (plain base64, no "v2:<id>:")
    String legacy = stored(second).substring(stored(second).lastIndexOf(':') + 1);
    jdbc.update("UPDATE device SET credentials_enc = ? WHERE id = ?", legacy, second.getId());

    CredentialsCipher.configure(NEW_KEY, List.of(oldKey));
    // during the rotation both keys read
    assertThat(devices.findById(first.getId()).orElseThrow().getCredentials())
        .isEqualTo(new DeviceCredentials("netconf", "one"));
    assertThat(devices.findById(second.getId()).orElseThrow().getCredentials())
        .isEqualTo(new DeviceCredentials("netconf", "two"));

    assertThat(reencryption.reencryptAll()).isGreaterThanOrEqualTo(2);
    assertThat(CredentialsCipher.isUnderCurrentKey(stored(first))).isTrue();
    assertThat(CredentialsCipher.isUnderCurrentKey(stored(second))).isTrue();
    assertThat(
            CredentialsCipher.isUnderCurrentKey(
                jdbc.queryForObject(
                    "SELECT set_lines_enc FROM intended_config WHERE id = ?",
                    String.class,
                    part.getId())))
        .as("an intended part is re-sealed too")
        .isTrue();
    assertThat(
            CredentialsCipher.isUnderCurrentKey(
                jdbc.queryForObject(
                    "SELECT day0_secrets_enc FROM vnf_instance WHERE id = ?",
                    String.class,
                    vnf.getId())))
        .as("a VNF instance's secret day-0 parameters are re-sealed too")
        .isTrue();
    assertThat(reencryption.reencryptAll()).as("nothing left").isZero();

    // the old key retired: still readable
    CredentialsCipher.configure(NEW_KEY);
    assertThat(devices.findById(first.getId()).orElseThrow().getCredentials())
        .isEqualTo(new DeviceCredentials("netconf", "one"));
    assertThat(intended.of(first.getId()).get(0).getSetLines())
        .isEqualTo("set security ike policy p pre-shared-key ascii-text k");
    assertThat(devices.findById(second.getId()).orElseThrow().getCredentials())
        .isEqualTo(new DeviceCredentials("netconf", "two"));
    assertThat(vnfInstances.findById(vnf.getId()).orElseThrow().day0Values())
        .containsEntry("root_pw", "day0-secret");

    // and a value under a key nobody configured says which key it needs
    CredentialsCipher.configure(oldKey);
    assertThatThrownBy(() -> devices.findById(first.getId()).orElseThrow().getCredentials())
        .hasStackTraceContaining("which is not configured");
  }

  /** A VNF instance on {@code device} holding a secret day-0 parameter, sealed. */
  private VnfInstance vnfWithASecretDay0Parameter(Device device) {
    String product = "vSRX-" + UUID.randomUUID();
    Vnfd vnfd =
        new Vnfd(
            product.toLowerCase(),
            "Juniper",
            product,
            "23.4",
            "1.0",
            "Files/images/image.qcow2",
            List.of(VnfPackageBuilder.smallFlavour("small")),
            null,
            List.of());
    VnfPackage vnfPackage =
        vnfPackages.save(
            new VnfPackage(
                vnfd,
                Vnfd.flavoursYaml(vnfd.flavours()),
                "a".repeat(64),
                1,
                "b".repeat(64),
                1,
                "signature",
                "test",
                "/nowhere"));
    VnfInstance instance =
        new VnfInstance(
            device.getTenantId(),
            device.getSiteId(),
            device.getId(),
            vnfPackage.getId(),
            "small",
            "vsrx-1",
            4001);
    instance.day0Values(Map.of(), Map.of("root_pw", "day0-secret"));
    VnfInstance saved = vnfInstances.save(instance);
    assertThat(
            jdbc.queryForObject(
                "SELECT day0_secrets_enc FROM vnf_instance WHERE id = ?",
                String.class,
                saved.getId()))
        .as("sealed")
        .doesNotContain("day0-secret");
    return saved;
  }
}
