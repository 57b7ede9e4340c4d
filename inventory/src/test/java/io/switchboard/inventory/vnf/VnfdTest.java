package io.switchboard.inventory.vnf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The VNFD's day-0 file: its name is the file's name on the VNF's ISO 9660 config drive. */
class VnfdTest {
  static String vnfd(String day0) {
    return "vnfd:\n"
        + "  id: vsrx\n"
        + "  provider: Juniper\n"
        + "  product_name: vSRX\n"
        + "  software_version: '23.4'\n"
        + "  version: '1.0'\n"
        + "  image: Files/images/image.qcow2\n"
        + "  day0: "
        + day0
        + "\n"
        + "  flavours:\n"
        + "    - id: small\n"
        + "      vcpus: 2\n"
        + "      memory_mib: 4096\n"
        + "      interfaces:\n"
        + "        - name: eth1\n"
        + "          role: lan\n";
  }

  @Test
  void theDay0FileIsNamedWithoutItsFolders() {
    assertThat(Vnfd.parse(vnfd("Files/day0/juniper.conf")).day0FileName())
        .isEqualTo("juniper.conf");
    assertThat(Vnfd.parse(vnfd("Files/cloud-init/user-data")).day0FileName())
        .isEqualTo("user-data");
  }

  @Test
  void aDay0FileNameNoIso9660ImageCanHoldIsRefusedNamingIt() {
    assertThatThrownBy(() -> Vnfd.parse(vnfd("Files/day0/juniper.conf.txt")))
        .isInstanceOf(Vnfd.InvalidVnfdException.class)
        .hasMessageContaining("day0 file name 'juniper.conf.txt'");
    assertThatThrownBy(() -> Vnfd.parse(vnfd("Files/day0/" + "c".repeat(31))))
        .isInstanceOf(Vnfd.InvalidVnfdException.class);
    assertThatThrownBy(() -> Vnfd.parse(vnfd("Files/day0/day0+vsrx.conf")))
        .isInstanceOf(Vnfd.InvalidVnfdException.class);
  }
}
