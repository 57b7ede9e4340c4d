package io.switchboard.devices.image;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ImageInstallerTest {

  @Test
  void versionComesFromThePackageFileName() {
    assertThat(ImageInstaller.versionOf("junos-srxsme-21.4R3-S5.4.tgz")).isEqualTo("21.4R3-S5.4");
    assertThat(ImageInstaller.versionOf("junos-vsrx3-x86-64-22.2R1.9.tgz")).isEqualTo("22.2R1.9");
    assertThat(ImageInstaller.versionOf("firmware.bin")).isNull();
  }

  @Test
  void softwareInventoryStagesActivatesAndRollsBack() {
    SoftwareInventory inventory = new SoftwareInventory("21.4R3", "junos-21.4R3.tgz");
    inventory.stage("junos-22.4R3.tgz", "22.4R3", "http://x");
    assertThat(inventory.activatePending()).isTrue();
    assertThat(inventory.version()).isEqualTo("22.4R3");
    assertThat(inventory.rollback()).isEqualTo("21.4R3");
    assertThat(inventory.activatePending()).isTrue();
    assertThat(inventory.version()).isEqualTo("21.4R3");
  }
}
