package io.switchboard.inventory.vnf;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Builds SOL004-shaped VNF packages (CSAR zips) and their signatures, for tests, the demo and
 * anyone making a package by hand: {@code TOSCA-Metadata/TOSCA.meta}, {@code
 * Definitions/vnfd.yaml}, {@code manifest.mf} with the SHA-256 of every file, and the image,
 * streamed from a supplier (so a large image is never in memory). Faults for tests: a file changed
 * after the manifest was written, a file left out of the manifest.
 */
public final class VnfPackageBuilder {
  public static final String VNFD_PATH = "Definitions/vnfd.yaml";
  public static final String MANIFEST_PATH = "manifest.mf";

  private final String productName;
  private final String softwareVersion;
  private String provider = "Juniper";
  private String imagePath = "Files/images/image.qcow2";
  private String day0;
  private final List<Day0Parameter> day0Parameters = new ArrayList<>();
  private Supplier<InputStream> image = () -> new ByteArrayInputStream(demoImage());
  private final List<Vnfd.Flavour> flavours = new ArrayList<>();
  private final Map<String, byte[]> extraFiles = new LinkedHashMap<>();
  private final Set<String> unlisted = new HashSet<>();
  private final Set<String> tampered = new HashSet<>();
  private byte[] manifest;

  private VnfPackageBuilder(String productName, String softwareVersion) {
    this.productName = productName;
    this.softwareVersion = softwareVersion;
  }

  /** A package of {@code productName} {@code softwareVersion} with one small flavour. */
  public static VnfPackageBuilder aPackage(String productName, String softwareVersion) {
    return new VnfPackageBuilder(productName, softwareVersion);
  }

  /** A small flavour: 2 vCPUs, 4 GiB, no hugepages, eth0 mgmt, eth1 lan, eth2 wan. */
  public static Vnfd.Flavour smallFlavour(String id) {
    return new Vnfd.Flavour(
        id,
        2,
        4096,
        0,
        List.of(
            new Vnfd.VirtualInterface("eth0", Vnfd.InterfaceRole.MGMT),
            new Vnfd.VirtualInterface("eth1", Vnfd.InterfaceRole.LAN),
            new Vnfd.VirtualInterface("eth2", Vnfd.InterfaceRole.WAN)));
  }

  public VnfPackageBuilder provider(String provider) {
    this.provider = provider;
    return this;
  }

  public VnfPackageBuilder flavour(Vnfd.Flavour flavour) {
    flavours.add(flavour);
    return this;
  }

  /** The image, opened twice (hashed, then written). */
  public VnfPackageBuilder image(Supplier<InputStream> image) {
    this.image = image;
    return this;
  }

  public VnfPackageBuilder image(byte[] image) {
    return image(() -> new ByteArrayInputStream(image));
  }

  /** Where {@link #day0} puts its template in the package. */
  public static final String DAY0_PATH = "Files/day0/juniper.conf";

  /** A day-0 configuration template, named by the VNFD's {@code day0}. */
  public VnfPackageBuilder day0(String template) {
    day0 = template;
    return file(DAY0_PATH, template.getBytes(StandardCharsets.UTF_8));
  }

  /** A day-0 parameter the VNFD declares (its {@code day0} becomes a mapping). */
  public VnfPackageBuilder day0Parameter(Day0Parameter parameter) {
    day0Parameters.add(parameter);
    return this;
  }

  /** An extra file (e.g. a licence or a script). */
  public VnfPackageBuilder file(String path, byte[] content) {
    extraFiles.put(path, content);
    return this;
  }

  /** Leaves {@code path} out of the manifest. */
  public VnfPackageBuilder unlisted(String path) {
    unlisted.add(path);
    return this;
  }

  /** Changes one byte of {@code path} after the manifest has its hash. */
  public VnfPackageBuilder tampered(String path) {
    tampered.add(path);
    return this;
  }

  public String imagePath() {
    return imagePath;
  }

  /** Writes the CSAR to {@code out} (not closed). */
  public void writeTo(OutputStream out) throws IOException {
    Map<String, Supplier<InputStream>> files = new LinkedHashMap<>();
    files.put(CsarVerifier.TOSCA_META, text(toscaMeta()));
    files.put(VNFD_PATH, text(vnfd()));
    extraFiles.forEach((path, bytes) -> files.put(path, () -> new ByteArrayInputStream(bytes)));
    files.put(imagePath, image);
    manifest = manifest(files).getBytes(StandardCharsets.UTF_8);
    ZipOutputStream zip = new ZipOutputStream(out);
    zip.putNextEntry(new ZipEntry(MANIFEST_PATH));
    zip.write(manifest);
    zip.closeEntry();
    for (Map.Entry<String, Supplier<InputStream>> file : files.entrySet()) {
      zip.putNextEntry(new ZipEntry(file.getKey()));
      try (InputStream in = file.getValue().get()) {
        if (tampered.contains(file.getKey())) {
          int first = in.read();
          zip.write(first ^ 0x01);
        }
        in.transferTo(zip);
      }
      zip.closeEntry();
    }
    zip.finish();
  }

  /** The whole package in memory (small packages only). */
  public byte[] build() {
    var out = new java.io.ByteArrayOutputStream();
    try {
      writeTo(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /**
   * The package signature: base64 Ed25519 over the SHA-256 of the manifest, with a PKCS#8 private
   * key (base64). Call after {@link #writeTo} or {@link #build}.
   */
  public String signature(String privateKeyPkcs8Base64) {
    if (manifest == null) {
      throw new IllegalStateException("build the package first");
    }
    try {
      PrivateKey key =
          KeyFactory.getInstance("Ed25519")
              .generatePrivate(
                  new PKCS8EncodedKeySpec(Base64.getDecoder().decode(privateKeyPkcs8Base64)));
      Signature signer = Signature.getInstance("Ed25519");
      signer.initSign(key);
      signer.update(MessageDigest.getInstance("SHA-256").digest(manifest));
      return Base64.getEncoder().encodeToString(signer.sign());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot sign the package", e);
    }
  }

  private String toscaMeta() {
    return "TOSCA-Meta-File-Version: 1.0\n"
        + "CSAR-Version: 1.1\n"
        + "Created-By: Switchboard VnfPackageBuilder\n"
        + "Entry-Definitions: "
        + VNFD_PATH
        + "\n"
        + "ETSI-Entry-Manifest: "
        + MANIFEST_PATH
        + "\n";
  }

  private String vnfd() {
    List<Vnfd.Flavour> all = flavours.isEmpty() ? List.of(smallFlavour("small")) : flavours;
    String id = (productName + "-" + softwareVersion).toLowerCase().replaceAll("[^a-z0-9.-]", "-");
    StringBuilder yaml =
        new StringBuilder("tosca_definitions_version: tosca_simple_yaml_1_3\nvnfd:\n");
    yaml.append("  id: ").append(id).append('\n');
    yaml.append("  provider: ").append(provider).append('\n');
    yaml.append("  product_name: ").append(productName).append('\n');
    yaml.append("  software_version: '").append(softwareVersion).append("'\n");
    yaml.append("  version: '1.0'\n");
    yaml.append("  image: ").append(imagePath).append('\n');
    if (day0 != null && day0Parameters.isEmpty()) {
      yaml.append("  day0: ").append(DAY0_PATH).append('\n');
    } else if (day0 != null) {
      yaml.append("  day0:\n    file: ").append(DAY0_PATH).append("\n    parameters:\n");
      yaml.append(Vnfd.day0ParametersYaml(day0Parameters).indent(6));
    }
    yaml.append("  flavours:\n");
    yaml.append(Vnfd.flavoursYaml(all).indent(4));
    return yaml.toString();
  }

  private String manifest(Map<String, Supplier<InputStream>> files) throws IOException {
    StringBuilder mf = new StringBuilder("metadata:\n");
    mf.append("vnf_product_name: ").append(productName).append('\n');
    mf.append("vnf_provider_id: ").append(provider).append('\n');
    mf.append("vnf_package_version: ").append(softwareVersion).append('\n');
    mf.append("vnf_release_date_time: 2026-01-01T00:00:00+00:00\n");
    for (Map.Entry<String, Supplier<InputStream>> file : files.entrySet()) {
      if (unlisted.contains(file.getKey())) {
        continue;
      }
      mf.append("\nSource: ").append(file.getKey()).append('\n');
      mf.append("Algorithm: SHA-256\n");
      mf.append("Hash: ").append(sha256(file.getValue())).append('\n');
    }
    return mf.toString();
  }

  private static String sha256(Supplier<InputStream> content) throws IOException {
    try (InputStream in = content.get()) {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      byte[] buffer = new byte[64 * 1024];
      int n;
      while ((n = in.read(buffer)) > 0) {
        digest.update(buffer, 0, n);
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Supplier<InputStream> text(String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    return () -> new ByteArrayInputStream(bytes);
  }

  /** A few KiB standing in for a qcow2 image (starts with the qcow2 magic). */
  public static byte[] demoImage() {
    byte[] image = new byte[4096];
    image[0] = 'Q';
    image[1] = 'F';
    image[2] = 'I';
    image[3] = (byte) 0xfb;
    for (int i = 4; i < image.length; i++) {
      image[i] = (byte) (i * 31);
    }
    return image;
  }
}
