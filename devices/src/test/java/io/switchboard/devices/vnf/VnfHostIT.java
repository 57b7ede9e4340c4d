package io.switchboard.devices.vnf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.switchboard.devices.config.Xml;
import io.switchboard.devices.fault.Fault;
import io.switchboard.devices.fleet.SimulatedDevice;
import io.switchboard.devices.fleet.SimulatedFleet;
import io.switchboard.devices.netconf.NetconfTestClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;

/** A simulated NFX250: images, VNF configuration checked against host resources, boot, faults. */
class VnfHostIT {
  static SimulatedFleet fleet;
  static final String IMAGE = "/var/public/vsrx.qcow2";
  @TempDir static Path dir;
  static Path image;
  static String sha256;
  SimulatedDevice device;

  @BeforeAll
  static void start() throws Exception {
    image = Files.write(dir.resolve("vsrx.qcow2"), "QFI\u00fb a vSRX disk".getBytes());
    sha256 =
        HexFormat.of()
            .formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(image)));
    fleet = SimulatedFleet.builder().devices(1).model("nfx250").start();
  }

  @AfterAll
  static void stop() {
    fleet.close();
  }

  @BeforeEach
  void reset() {
    device = fleet.device(0);
    device.clearFaults();
    device.vnfHost().bootDelay(Duration.ofMillis(300));
    device.vnfHost().bootNeverFinishes(false);
    device.vnfHost().resourcesShort(false);
    device.vnfHost().delete(IMAGE);
    device.loadRunningConfig(
        "<configuration><system><host-name>ucpe</host-name></system></configuration>");
  }

  static String vnf(String name, int vcpus, int memoryMib) {
    return "set vmhost vlans "
        + name
        + "-lan vlan-id 100\n"
        + "set virtual-network-functions "
        + name
        + " image "
        + IMAGE
        + " image-type qcow2\n"
        + "set virtual-network-functions "
        + name
        + " virtual-cpu count "
        + vcpus
        + "\n"
        + "set virtual-network-functions "
        + name
        + " memory size "
        + memoryMib * 1024
        + "\n"
        + "set virtual-network-functions "
        + name
        + " interfaces eth1 mapping vlan members "
        + name
        + "-lan\n";
  }

  static Element commit(NetconfTestClient nc, String set) throws Exception {
    nc.rpc(
        "<load-configuration action=\"set\" format=\"text\"><configuration-set>"
            + set
            + "</configuration-set></load-configuration>");
    return nc.rpc("<commit-configuration/>");
  }

  Element copyImage(NetconfTestClient nc) throws Exception {
    return nc.rpc(
        "<file-copy><source>"
            + image.toUri()
            + "</source><destination>"
            + IMAGE
            + "</destination></file-copy>",
        Duration.ofSeconds(10));
  }

  String checksum(NetconfTestClient nc) throws Exception {
    return Xml.childText(
        Xml.path(
            nc.rpc(
                "<get-sha256-checksum-information><path>"
                    + IMAGE
                    + "</path></get-sha256-checksum-information>"),
            "checksum-information",
            "file-checksum"),
        "checksum");
  }

  Element vnfInfo(NetconfTestClient nc) throws Exception {
    return Xml.path(
        nc.rpc("<get-virtual-network-functions-information/>"),
        "virtual-network-functions-information",
        "virtual-network-function");
  }

  @Test
  void aCommittedVnfBootsAndReportsRunning() throws Exception {
    try (NetconfTestClient nc = NetconfTestClient.connect(device)) {
      copyImage(nc);
      assertThat(checksum(nc)).isEqualTo(sha256);
      Element result = commit(nc, vnf("vsrx-1", 2, 4096));
      assertThat(Xml.toString(result)).contains("commit-success");
      assertThat(device.runningConfig()).contains("virtual-network-functions", "vsrx-1");
      Element info = vnfInfo(nc);
      assertThat(Xml.childText(info, "status")).isEqualTo("Running");
      await()
          .atMost(Duration.ofSeconds(5))
          .until(() -> "up".equals(Xml.childText(vnfInfo(nc), "liveliness")));
      assertThat(Xml.childText(vnfInfo(nc), "vcpus")).isEqualTo("2");
    }
  }

  @Test
  void aCommitBeyondTheHostsMemoryFailsWithAJunosMessage() throws Exception {
    try (NetconfTestClient nc = NetconfTestClient.connect(device)) {
      copyImage(nc);
      String before = device.runningConfig();
      Element result = commit(nc, vnf("big", 2, 65536));
      assertThat(Xml.toString(result)).contains("Insufficient memory", "check-out failed");
      assertThat(device.runningConfig()).isEqualTo(before);
    }
  }

  @Test
  void theResourcesShortFaultHalvesTheHost() throws Exception {
    device.vnfHost().resourcesShort(true);
    try (NetconfTestClient nc = NetconfTestClient.connect(device)) {
      copyImage(nc);
      assertThat(Xml.toString(commit(nc, vnf("vsrx-1", 4, 4096))))
          .contains("Insufficient CPU resources: 4 vCPUs requested, 3 available");
    }
  }

  @Test
  void aVnfWhoseImageIsMissingIsRefused() throws Exception {
    try (NetconfTestClient nc = NetconfTestClient.connect(device)) {
      assertThat(Xml.toString(commit(nc, vnf("vsrx-1", 2, 2048))))
          .contains("image file " + IMAGE + " does not exist");
    }
  }

  @Test
  void aCorruptCopyShowsInItsChecksumAndTheVnfCrashes() throws Exception {
    device.injectFault(Fault.CORRUPT_IMAGE);
    try (NetconfTestClient nc = NetconfTestClient.connect(device)) {
      copyImage(nc);
      assertThat(checksum(nc)).isNotEqualTo(sha256);
      commit(nc, vnf("vsrx-1", 2, 2048));
      assertThat(Xml.childText(vnfInfo(nc), "status")).isEqualTo("Crashed");
    }
  }

  @Test
  void underBootNeverFinishesTheVnfStaysDown() throws Exception {
    device.vnfHost().bootNeverFinishes(true);
    try (NetconfTestClient nc = NetconfTestClient.connect(device)) {
      copyImage(nc);
      commit(nc, vnf("vsrx-1", 2, 2048));
      await()
          .during(Duration.ofMillis(600))
          .atMost(Duration.ofSeconds(2))
          .until(() -> "down".equals(Xml.childText(vnfInfo(nc), "liveliness")));
    }
  }

  @Test
  void deletingTheVnfStatementsRestoresTheConfigurationExactly() throws Exception {
    try (NetconfTestClient nc = NetconfTestClient.connect(device)) {
      copyImage(nc);
      String before = device.runningConfig();
      commit(nc, vnf("vsrx-1", 2, 2048));
      commit(nc, "delete virtual-network-functions vsrx-1\ndelete vmhost\n");
      assertThat(device.runningConfig()).isEqualTo(before);
      nc.rpc("<file-delete><path>" + IMAGE + "</path></file-delete>");
      assertThat(device.vnfHost().files()).doesNotContainKey(IMAGE);
    }
  }

  @Test
  void aCrashedVnfRunsAgainAfterARestartAndBootsFromItsStart() throws Exception {
    try (NetconfTestClient nc = NetconfTestClient.connect(device)) {
      copyImage(nc);
      commit(nc, vnf("vsrx-1", 2, 2048));
      device.vnfHost().crash("vsrx-1");
      assertThat(Xml.childText(vnfInfo(nc), "status")).isEqualTo("Crashed");

      Element reply =
          nc.rpc(
              "<request-virtual-network-functions><virtual-network-function-name>vsrx-1"
                  + "</virtual-network-function-name><restart/></request-virtual-network-functions>");

      assertThat(Xml.toString(reply)).doesNotContain("rpc-error");
      Element info = vnfInfo(nc);
      assertThat(Xml.childText(info, "status")).isEqualTo("Running");
      assertThat(Xml.childText(info, "liveliness")).isEqualTo("down");
      await()
          .atMost(Duration.ofSeconds(5))
          .until(() -> "up".equals(Xml.childText(vnfInfo(nc), "liveliness")));
    }
  }

  @Test
  void restartingAVnfThatIsNotConfiguredIsRefused() throws Exception {
    try (NetconfTestClient nc = NetconfTestClient.connect(device)) {
      Element reply =
          nc.rpc(
              "<request-virtual-network-functions><virtual-network-function-name>ghost"
                  + "</virtual-network-function-name><restart/></request-virtual-network-functions>");
      assertThat(Xml.toString(reply)).contains("virtual-network-function ghost does not exist");
    }
  }

  static final String DAY0 = "/var/public/vsrx-1-day0.iso";

  static String filePut(String path, String encoding, String contents, boolean replace) {
    return "<file-put><filename>"
        + path
        + "</filename><encoding>"
        + encoding
        + "</encoding>"
        + (replace ? "<delete-if-exist/>" : "")
        + "<permission>0644</permission><file-contents>"
        + contents
        + "</file-contents></file-put>";
  }

  static String withDrive(String file) {
    return vnf("vsrx-1", 2, 2048)
        + "set virtual-network-functions vsrx-1 storage hdc type cdrom source file "
        + file
        + "\n";
  }

  @Test
  void aVnfBootsWithTheDay0ConfigurationOfItsIso9660ConfigDriveAndShowsIt() throws Exception {
    device.vnfHost().delete(DAY0);
    // an image Debian's genisoimage made, holding juniper.conf (Iso9660ReaderTest)
    byte[] iso = Iso9660ReaderTest.genisoimage();
    try (NetconfTestClient nc = NetconfTestClient.connect(device)) {
      copyImage(nc);
      Element put = nc.rpc(filePut(DAY0, "base64", Base64.getEncoder().encodeToString(iso), false));
      assertThat(Xml.toString(put)).doesNotContain("rpc-error");
      assertThat(Xml.toString(nc.rpc(filePut(DAY0, "ascii", "other", false))))
          .as("no replacing without delete-if-exist")
          .contains("File exists");

      assertThat(Xml.toString(commit(nc, withDrive(DAY0)))).doesNotContain("rpc-error");

      assertThat(Xml.childText(vnfInfo(nc), "day0-configuration"))
          .isEqualTo(Iso9660ReaderTest.CONF.strip());
      assertThat(device.vnfHost().states(device.runningConfiguration()).get(0).day0())
          .isEqualTo(Iso9660ReaderTest.CONF);
      assertThat(device.vnfHost().driveFiles(DAY0)).containsOnlyKeys("juniper.conf");
      assertThat(device.vnfHost().files().get(DAY0).size()).isEqualTo(iso.length);
    }
  }

  @Test
  void aVnfOnACloudInitDriveBootsWithItsUserDataNotItsMetaData() throws Exception {
    device.vnfHost().delete(DAY0);
    // genisoimage's meta-data and user-data (Iso9660ReaderTest): meta-data comes first
    byte[] iso = Iso9660ReaderTest.resource("/vnf/cidata-genisoimage.iso");
    try (NetconfTestClient nc = NetconfTestClient.connect(device)) {
      copyImage(nc);
      nc.rpc(filePut(DAY0, "base64", Base64.getEncoder().encodeToString(iso), true));

      assertThat(Xml.toString(commit(nc, withDrive(DAY0)))).doesNotContain("rpc-error");

      assertThat(device.vnfHost().states(device.runningConfiguration()).get(0).day0())
          .isEqualTo("#cloud-config\nhostname: vsrx-1\n");
      assertThat(device.vnfHost().driveFiles(DAY0)).containsOnlyKeys("meta-data", "user-data");
    }
  }

  @Test
  void aConfigDriveThatIsNoIso9660ImageIsRefusedByTheCommitCheck() throws Exception {
    String text = "/var/public/vsrx-1-day0.conf";
    device.vnfHost().delete(text);
    try (NetconfTestClient nc = NetconfTestClient.connect(device)) {
      copyImage(nc);
      nc.rpc(filePut(text, "ascii", Iso9660ReaderTest.CONF, true));

      assertThat(Xml.toString(commit(nc, withDrive(text))))
          .contains(
              "VNF vsrx-1: storage file "
                  + text
                  + " is not an ISO 9660 image: "
                  + Iso9660ReaderTest.CONF.length()
                  + " bytes, shorter than the system area and two volume descriptors");
      assertThat(device.runningConfig()).doesNotContain("virtual-network-functions");
    }
  }

  @Test
  void aVnfWhoseConfigDriveFileIsMissingIsRefused() throws Exception {
    device.vnfHost().delete(DAY0);
    try (NetconfTestClient nc = NetconfTestClient.connect(device)) {
      copyImage(nc);
      assertThat(Xml.toString(commit(nc, withDrive(DAY0))))
          .contains("storage file " + DAY0 + " does not exist");
    }
  }
}
