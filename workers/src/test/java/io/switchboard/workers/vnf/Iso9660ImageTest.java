package io.switchboard.workers.vnf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The day-0 config drive's ISO 9660 image, field by field at the offsets ECMA-119 gives them. */
class Iso9660ImageTest {
  static final ZonedDateTime WHEN = ZonedDateTime.of(2026, 12, 4, 1, 2, 3, 0, ZoneOffset.UTC);
  static final int SECTOR = 2048;
  static final byte[] CONF = "set system host-name vsrx-1\n".getBytes(StandardCharsets.UTF_8);

  @Test
  void thePrimaryVolumeDescriptorDescribesTheVolumeAndItsRootDirectory() {
    byte[] iso = Iso9660Image.of(Map.of("juniper.conf", CONF), WHEN);
    int pvd = 16 * SECTOR;

    assertThat(iso.length).isEqualTo(22 * SECTOR);
    assertThat(Arrays.copyOfRange(iso, 0, 16 * SECTOR)).containsOnly(0);
    assertThat(iso[pvd]).isEqualTo((byte) 1);
    assertThat(text(iso, pvd + 1, 5)).isEqualTo("CD001");
    assertThat(iso[pvd + 6]).isEqualTo((byte) 1);
    assertThat(text(iso, pvd + 40, 32)).isEqualTo(String.format("%-32s", "CIDATA"));
    assertThat(both32(iso, pvd + 80)).as("volume space size").isEqualTo(22);
    assertThat(both16(iso, pvd + 120)).as("volume set size").isEqualTo(1);
    assertThat(both16(iso, pvd + 124)).as("volume sequence number").isEqualTo(1);
    assertThat(both16(iso, pvd + 128)).as("logical block size").isEqualTo(SECTOR);
    assertThat(both32(iso, pvd + 132)).as("path table size").isEqualTo(10);
    assertThat(le32(iso, pvd + 140)).as("L path table").isEqualTo(18);
    assertThat(be32(iso, pvd + 148)).as("M path table").isEqualTo(19);
    assertThat(iso[pvd + 156]).as("root record length").isEqualTo((byte) 34);
    assertThat(both32(iso, pvd + 156 + 2)).as("root extent").isEqualTo(20);
    assertThat(both32(iso, pvd + 156 + 10)).as("root size").isEqualTo(SECTOR);
    assertThat(iso[pvd + 156 + 25]).as("root is a directory").isEqualTo((byte) 2);
    assertThat(text(iso, pvd + 813, 16)).as("creation time").isEqualTo("2026120401020300");
    assertThat(iso[pvd + 881]).as("file structure version").isEqualTo((byte) 1);
    int terminator = 17 * SECTOR;
    assertThat(iso[terminator]).isEqualTo((byte) 255);
    assertThat(text(iso, terminator + 1, 5)).isEqualTo("CD001");
    assertThat(Arrays.copyOfRange(iso, 18 * SECTOR, 18 * SECTOR + 10))
        .as("L path table: the root, extent little-endian, parent 1")
        .containsExactly(1, 0, 20, 0, 0, 0, 1, 0, 0, 0);
    assertThat(Arrays.copyOfRange(iso, 19 * SECTOR, 19 * SECTOR + 10))
        .as("M path table: the same, big-endian")
        .containsExactly(1, 0, 0, 0, 0, 20, 0, 1, 0, 0);
  }

  @Test
  void theRootDirectoryListsItselfItsParentAndEachFileWithItsData() {
    Map<String, byte[]> files = new LinkedHashMap<>();
    files.put("user-data", "#cloud-config\n".getBytes(StandardCharsets.UTF_8));
    files.put("meta-data", new byte[3000]);
    byte[] iso = Iso9660Image.of(files, WHEN);
    int root = 20 * SECTOR;

    assertThat(iso[root + 32]).as(". has identifier 0").isEqualTo((byte) 1);
    assertThat(iso[root + 33]).isEqualTo((byte) 0);
    assertThat(iso[root + 34 + 33]).as("..").isEqualTo((byte) 1);
    int first = root + 68;
    // ordered by identifier: META-DATA.;1 (two sectors from 21) before USER-DATA.;1 (at 23)
    assertThat(text(iso, first + 33, iso[first + 32])).isEqualTo("META-DATA.;1");
    assertThat(both32(iso, first + 2)).isEqualTo(21);
    assertThat(both32(iso, first + 10)).isEqualTo(3000);
    assertThat(iso[first + 25]).as("a file").isEqualTo((byte) 0);
    assertThat(iso[first + 18]).as("recorded, years since 1900").isEqualTo((byte) 126);
    int second = first + (iso[first] & 0xff);
    assertThat(iso[first] & 0xff).as("record length, padded to even").isEqualTo(46);
    assertThat(text(iso, second + 33, iso[second + 32])).isEqualTo("USER-DATA.;1");
    assertThat(both32(iso, second + 2)).isEqualTo(23);
    assertThat(text(iso, 23 * SECTOR, 14)).isEqualTo("#cloud-config\n");
    assertThat(both32(iso, 16 * SECTOR + 80)).isEqualTo(24);
  }

  @Test
  void aNameNoIso9660ImageCanHoldIsRefused() {
    assertThatThrownBy(() -> Iso9660Image.of(Map.of("my config.txt", CONF), WHEN))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'my config.txt' cannot name a file");
    assertThatThrownBy(() -> Iso9660Image.of(Map.of("a".repeat(31), CONF), WHEN))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Iso9660Image.of(Map.of("a.b.c", CONF), WHEN))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Iso9660Image.of(Map.of("Day0", CONF, "DAY0", CONF), WHEN))
        .hasMessageContaining("in any case");
  }

  static String text(byte[] b, int at, int length) {
    return new String(b, at, length, StandardCharsets.US_ASCII);
  }

  static int le32(byte[] b, int at) {
    return (b[at] & 0xff) | (b[at + 1] & 0xff) << 8 | (b[at + 2] & 0xff) << 16 | b[at + 3] << 24;
  }

  static int be32(byte[] b, int at) {
    return b[at] << 24 | (b[at + 1] & 0xff) << 16 | (b[at + 2] & 0xff) << 8 | (b[at + 3] & 0xff);
  }

  /** Both-byte orders: little-endian then big-endian, equal (ECMA-119 7.3.3). */
  static int both32(byte[] b, int at) {
    assertThat(be32(b, at + 4)).as("big-endian half at " + at).isEqualTo(le32(b, at));
    return le32(b, at);
  }

  static int both16(byte[] b, int at) {
    int le = (b[at] & 0xff) | (b[at + 1] & 0xff) << 8;
    assertThat((b[at + 2] & 0xff) << 8 | (b[at + 3] & 0xff)).isEqualTo(le);
    return le;
  }
}
