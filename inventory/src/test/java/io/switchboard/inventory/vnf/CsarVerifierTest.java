package io.switchboard.inventory.vnf;

import static io.switchboard.inventory.vnf.VnfPackageBuilder.aPackage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.switchboard.inventory.image.ImageProperties;
import io.switchboard.inventory.image.ImageSignatureVerifier;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsarVerifierTest {
  static String trustedPrivate;
  static String untrustedPrivate;
  static CsarVerifier verifier;

  @TempDir Path dir;

  @BeforeAll
  static void keys() throws Exception {
    KeyPair trusted = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    KeyPair untrusted = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    trustedPrivate = Base64.getEncoder().encodeToString(trusted.getPrivate().getEncoded());
    untrustedPrivate = Base64.getEncoder().encodeToString(untrusted.getPrivate().getEncoded());
    verifier =
        new CsarVerifier(
            new ImageSignatureVerifier(
                new ImageProperties(
                    null,
                    Map.of(
                        "vnf-test",
                        Base64.getEncoder().encodeToString(trusted.getPublic().getEncoded())))));
  }

  private CsarVerifier.Verified verify(VnfPackageBuilder builder, String key) throws Exception {
    Path csar = dir.resolve("p.csar");
    try (OutputStream out = Files.newOutputStream(csar)) {
      builder.writeTo(out);
    }
    byte[] signature =
        key == null ? new byte[0] : Base64.getDecoder().decode(builder.signature(key));
    return verifier.verify(csar, signature);
  }

  @Test
  void aSignedPackageVerifiesAndItsVnfdIsRead() throws Exception {
    CsarVerifier.Verified verified =
        verify(
            aPackage("vSRX", "23.4R1")
                .flavour(VnfPackageBuilder.smallFlavour("small"))
                .flavour(
                    new Vnfd.Flavour(
                        "large", 4, 8192, 2048, VnfPackageBuilder.smallFlavour("x").interfaces())),
            trustedPrivate);

    assertThat(verified.signingKeyId()).isEqualTo("vnf-test");
    assertThat(verified.vnfd().productName()).isEqualTo("vSRX");
    assertThat(verified.vnfd().softwareVersion()).isEqualTo("23.4R1");
    assertThat(verified.vnfd().flavour("large").orElseThrow().hugepagesMib()).isEqualTo(2048);
    assertThat(verified.vnfd().flavour("small").orElseThrow().interfaceOf(Vnfd.InterfaceRole.WAN))
        .hasValueSatisfying(i -> assertThat(i.name()).isEqualTo("eth2"));
    assertThat(verified.imageSizeBytes()).isEqualTo(VnfPackageBuilder.demoImage().length);
    assertThat(Vnfd.parseFlavours(Vnfd.flavoursYaml(verified.vnfd().flavours())))
        .isEqualTo(verified.vnfd().flavours());
  }

  @Test
  void aFileChangedAfterTheManifestIsNamed() {
    VnfPackageBuilder builder = aPackage("vSRX", "1").tampered("Files/images/image.qcow2");
    assertThatThrownBy(() -> verify(builder, trustedPrivate))
        .isInstanceOfSatisfying(
            VnfPackageProblem.class,
            p -> assertThat(p.subject()).isEqualTo("Files/images/image.qcow2"))
        .hasMessageContaining("does not match its SHA-256");
  }

  @Test
  void anUnsignedPackageIsRefusedForItsSignature() {
    assertThatThrownBy(() -> verify(aPackage("vSRX", "1"), null))
        .isInstanceOfSatisfying(
            VnfPackageProblem.class, p -> assertThat(p.subject()).isEqualTo("signature"));
  }

  @Test
  void aPackageSignedByAnUntrustedKeyIsRefused() {
    assertThatThrownBy(() -> verify(aPackage("vSRX", "1"), untrustedPrivate))
        .isInstanceOfSatisfying(
            VnfPackageProblem.class, p -> assertThat(p.subject()).isEqualTo("signature"))
        .hasMessageContaining("trusted key");
  }

  @Test
  void aFileTheManifestDoesNotListIsNamed() {
    VnfPackageBuilder builder =
        aPackage("vSRX", "1")
            .file("Scripts/day0.sh", "echo hi".getBytes())
            .unlisted("Scripts/day0.sh");
    assertThatThrownBy(() -> verify(builder, trustedPrivate))
        .isInstanceOfSatisfying(
            VnfPackageProblem.class, p -> assertThat(p.subject()).isEqualTo("Scripts/day0.sh"))
        .hasMessageContaining("not listed in the manifest");
  }

  @Test
  void somethingThatIsNotAZipIsRefused() throws Exception {
    Path csar = Files.writeString(dir.resolve("x.csar"), "not a zip");
    assertThatThrownBy(() -> verifier.verify(csar, new byte[64]))
        .isInstanceOfSatisfying(
            VnfPackageProblem.class, p -> assertThat(p.subject()).isEqualTo("file"));
  }

  @Test
  void aLargeImageIsHashedAsAStream() throws Exception {
    long size = 96L * 1024 * 1024;
    VnfPackageBuilder builder = aPackage("vSRX", "big").image(() -> new Pattern(size));
    CsarVerifier.Verified verified = verify(builder, trustedPrivate);
    assertThat(verified.imageSizeBytes()).isEqualTo(size);
  }

  /** {@code size} bytes of a pattern, generated as they are read. */
  static final class Pattern extends InputStream {
    private final long size;
    private long position;

    Pattern(long size) {
      this.size = size;
    }

    @Override
    public int read() {
      return position < size ? (int) (position++ * 7 & 0xff) : -1;
    }

    @Override
    public int read(byte[] b, int off, int len) {
      if (position >= size) {
        return -1;
      }
      int n = (int) Math.min(len, size - position);
      for (int i = 0; i < n; i++) {
        b[off + i] = (byte) ((position + i) * 7);
      }
      position += n;
      return n;
    }
  }

  @Test
  void aDay0TemplateIsKeptWhenItUsesOnlyKnownPlaceholders() throws Exception {
    String template =
        "set system host-name {{vnf_name}}\nset interfaces ge-0/0/1 unit 0"
            + " family inet address {{wan_address}}/{{wan_prefix_length}}\n";

    CsarVerifier.Verified verified =
        verify(aPackage("vSRX", "day0").day0(template), trustedPrivate);

    assertThat(verified.day0Template()).isEqualTo(template);
    assertThat(verified.vnfd().day0Path()).isEqualTo(VnfPackageBuilder.DAY0_PATH);
    assertThat(verify(aPackage("vSRX", "none"), trustedPrivate).day0Template()).isNull();
  }

  @Test
  void aDay0TemplateWithAnUnknownPlaceholderIsRefusedNamingItsFileAndThePlaceholder() {
    VnfPackageBuilder builder =
        aPackage("vSRX", "day0").day0("set system root-authentication plain-text {{root_pw}}\n");
    assertThatThrownBy(() -> verify(builder, trustedPrivate))
        .isInstanceOfSatisfying(
            VnfPackageProblem.class,
            p -> {
              assertThat(p.subject()).isEqualTo(VnfPackageBuilder.DAY0_PATH);
              assertThat(p.getMessage()).contains("{{root_pw}}", "wan_address");
            });
  }

  @Test
  void aPlaceholderTheVnfdDeclaresAsAParameterIsKeptAnUndeclaredOneNamed() throws Exception {
    Day0Parameter password =
        new Day0Parameter("root_pw", Day0Parameter.Type.STRING, true, true, null, null);
    String template = "set system root-authentication plain-text {{root_pw}}\n";

    CsarVerifier.Verified verified =
        verify(aPackage("vSRX", "params").day0(template).day0Parameter(password), trustedPrivate);

    assertThat(verified.day0Template()).isEqualTo(template);
    assertThat(verified.vnfd().day0Parameters()).containsExactly(password);
    VnfPackageBuilder undeclared =
        aPackage("vSRX", "params")
            .day0(template + "set system license {{licence}}\n")
            .day0Parameter(password);
    assertThatThrownBy(() -> verify(undeclared, trustedPrivate))
        .isInstanceOfSatisfying(
            VnfPackageProblem.class,
            p -> {
              assertThat(p.subject()).isEqualTo(VnfPackageBuilder.DAY0_PATH);
              assertThat(p.getMessage())
                  .contains(VnfPackageBuilder.DAY0_PATH, "{{licence}}", "parameters root_pw")
                  .doesNotContain("{{root_pw}}");
            });
  }
}
