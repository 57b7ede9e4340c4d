package io.switchboard.inventory.vnf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/**
 * The VNFD's day-0 section: its file's name is the file's name on the VNF's ISO 9660 config drive;
 * its parameters are declared with type, secrecy, requirement, default and pattern.
 */
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

  @Test
  void aDay0FileCannotBeTheMetaDataSwitchboardWritesBesideIt() {
    assertThatThrownBy(() -> Vnfd.parse(vnfd("Files/cloud-init/meta-data")))
        .isInstanceOf(Vnfd.InvalidVnfdException.class)
        .hasMessageContaining("'meta-data' is the meta-data Switchboard writes");
  }

  static String withParameters(String parameters) {
    return vnfd("\n    file: Files/day0/juniper.conf\n    parameters:\n" + parameters.indent(6));
  }

  @Test
  void theDay0SectionDeclaresParametersWhichKeepTheirShapeInTheInventory() {
    Vnfd vnfd =
        Vnfd.parse(
            withParameters(
                "- {name: root_password, type: string, secret: true, required: true}\n"
                    + "- {name: mtu, type: integer, default: 1500, pattern: '[0-9]{3,4}'}\n"
                    + "- {name: telemetry, type: boolean}"));

    assertThat(vnfd.day0FileName()).isEqualTo("juniper.conf");
    assertThat(vnfd.day0Parameters())
        .containsExactly(
            new Day0Parameter("root_password", Day0Parameter.Type.STRING, true, true, null, null),
            new Day0Parameter(
                "mtu", Day0Parameter.Type.INTEGER, false, false, "1500", "[0-9]{3,4}"),
            new Day0Parameter("telemetry", Day0Parameter.Type.BOOLEAN, false, false, null, null));
    assertThat(Vnfd.parseDay0Parameters(Vnfd.day0ParametersYaml(vnfd.day0Parameters())))
        .isEqualTo(vnfd.day0Parameters());
    assertThat(Vnfd.parseDay0Parameters(null)).isEmpty();
  }

  @Test
  void aBadParameterDeclarationIsRefusedNamingTheParameterAndField() {
    assertThatThrownBy(() -> Vnfd.parse(withParameters("- {name: mtu, type: float}")))
        .hasMessageContaining("day0.parameters[mtu].type must be string, integer or boolean");
    assertThatThrownBy(
            () ->
                Vnfd.parse(
                    withParameters("- {name: pw, type: string, secret: true, default: admin}")))
        .hasMessageContaining("day0.parameters[pw].default is not allowed for a secret");
    assertThatThrownBy(() -> Vnfd.parse(withParameters("- {name: mtu, type: integer, default: x}")))
        .hasMessageContaining("day0.parameters[mtu].default must be an integer");
    assertThatThrownBy(() -> Vnfd.parse(withParameters("- {name: wan_address, type: string}")))
        .hasMessageContaining("is a placeholder Switchboard fills itself");
    assertThatThrownBy(() -> Vnfd.parse(withParameters("- {name: a, type: string, pattern: '['}")))
        .hasMessageContaining("day0.parameters[a].pattern is not a regular expression");
    assertThatThrownBy(
            () ->
                Vnfd.parse(withParameters("- {name: a, type: string}\n- {name: a, type: string}")))
        .hasMessageContaining("declares a twice");
  }
}
