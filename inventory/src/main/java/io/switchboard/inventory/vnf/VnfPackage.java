package io.switchboard.inventory.vnf;

import io.switchboard.inventory.common.AuditedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;
import java.util.List;

/**
 * An onboarded VNF package of the provider's catalogue: what its VNFD says, where the verified CSAR
 * and its extracted image are, and the key that signed it.
 */
@Entity
@Table(name = "vnf_package")
public class VnfPackage extends AuditedEntity {
  /** The image's file in the package's storage folder. */
  public static final String IMAGE_FILE = "image.qcow2";

  /** Where a uCPE downloads a package's image by signed link ({@code ImageLinks}). */
  public static final String IMAGE_LINK_PATH = "/vnf-images/";

  /** The day-0 file name of packages onboarded before the name was kept (migration V19). */
  public static final String DEFAULT_DAY0_FILE = "juniper.conf";

  @Column(nullable = false, length = 100)
  private String vnfdId;

  @Column(nullable = false, length = 100)
  private String provider;

  @Column(nullable = false, length = 100)
  private String productName;

  @Column(nullable = false, length = 60)
  private String softwareVersion;

  @Column(nullable = false, length = 60)
  private String vnfdVersion;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 20)
  private VnfPackageState state = VnfPackageState.ONBOARDED;

  /** The deployment flavours as JSON ({@link Vnfd.Flavour} list). */
  @Lob
  @Column(nullable = false)
  private String flavours;

  /** The VNFD's day-0 configuration template ({@link Day0Template}), null when it has none. */
  @Lob
  @Column(name = "day0_template")
  private String day0Template;

  /** The VNFD's day-0 parameter declarations ({@link Vnfd#day0ParametersYaml}), null when none. */
  @Lob
  @Column(name = "day0_parameters")
  private String day0Parameters;

  /** The day-0 file's name on the config drive (the VNFD's {@code day0}, without folders). */
  @Column(name = "day0_file", length = 100)
  private String day0File;

  /** The image's path inside the CSAR. */
  @Column(nullable = false, length = 255)
  private String imagePath;

  @Column(nullable = false, length = 64)
  private String imageSha256;

  private long imageSizeBytes;

  @Column(nullable = false, length = 64)
  private String packageSha256;

  private long packageSizeBytes;

  @Column(nullable = false, length = 1000)
  private String signature;

  @Column(nullable = false, length = 80)
  private String signingKeyId;

  /** Directory holding the CSAR ({@code package.csar}) and the extracted image. */
  @Column(nullable = false, length = 500)
  private String storageLocation;

  protected VnfPackage() {}

  public VnfPackage(
      Vnfd vnfd,
      String flavoursJson,
      String imageSha256,
      long imageSizeBytes,
      String packageSha256,
      long packageSizeBytes,
      String signature,
      String signingKeyId,
      String storageLocation) {
    this.vnfdId = vnfd.id();
    this.provider = vnfd.provider();
    this.productName = vnfd.productName();
    this.softwareVersion = vnfd.softwareVersion();
    this.vnfdVersion = vnfd.vnfdVersion();
    this.flavours = flavoursJson;
    this.imagePath = vnfd.imagePath();
    this.imageSha256 = imageSha256;
    this.imageSizeBytes = imageSizeBytes;
    this.packageSha256 = packageSha256;
    this.packageSizeBytes = packageSizeBytes;
    this.signature = signature;
    this.signingKeyId = signingKeyId;
    this.storageLocation = storageLocation;
  }

  public String getVnfdId() {
    return vnfdId;
  }

  public String getProvider() {
    return provider;
  }

  public String getProductName() {
    return productName;
  }

  public String getSoftwareVersion() {
    return softwareVersion;
  }

  public String getVnfdVersion() {
    return vnfdVersion;
  }

  public VnfPackageState getState() {
    return state;
  }

  public void setState(VnfPackageState state) {
    this.state = state;
  }

  public String getFlavours() {
    return flavours;
  }

  public String getDay0Template() {
    return day0Template;
  }

  public void setDay0Template(String day0Template) {
    this.day0Template = day0Template;
  }

  /** The day-0 parameters the VNFD declares; none for a package without. */
  public List<Day0Parameter> day0Parameters() {
    return Vnfd.parseDay0Parameters(day0Parameters);
  }

  public void setDay0Parameters(List<Day0Parameter> parameters) {
    this.day0Parameters = parameters.isEmpty() ? null : Vnfd.day0ParametersYaml(parameters);
  }

  public String getDay0File() {
    return day0File;
  }

  public void setDay0File(String day0File) {
    this.day0File = day0File;
  }

  public String getImagePath() {
    return imagePath;
  }

  public String getImageSha256() {
    return imageSha256;
  }

  public long getImageSizeBytes() {
    return imageSizeBytes;
  }

  public String getPackageSha256() {
    return packageSha256;
  }

  public long getPackageSizeBytes() {
    return packageSizeBytes;
  }

  public String getSignature() {
    return signature;
  }

  public String getSigningKeyId() {
    return signingKeyId;
  }

  public String getStorageLocation() {
    return storageLocation;
  }

  /** The extracted image on the local disk. */
  public java.nio.file.Path imageFile() {
    return java.nio.file.Path.of(storageLocation).resolve(IMAGE_FILE);
  }
}
