package io.switchboard.workers.vnf;

import io.switchboard.inventory.vnf.Vnfd;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A minimal ISO 9660 (ECMA-119) image: the day-0 config drive a VNF on Junos-on-NFX reads at boot
 * (its {@code storage ... type cdrom source file}). One primary volume descriptor, the terminator,
 * both path tables, one root directory and its files, in 2048-byte logical sectors:
 *
 * <pre>
 * 0-15 system area (zero) | 16 primary volume descriptor | 17 terminator | 18 L path table
 * 19 M path table | 20 root directory | 21... each file's data from a sector of its own
 * </pre>
 *
 * File identifiers are {@code NAME.EXT;1} in upper case (d-characters, {@code -} allowed as {@code
 * mkisofs -relaxed-filenames} does, up to 30 characters as level 2 allows): readers without Rock
 * Ridge or Joliet (Linux {@code map=normal}, FreeBSD's cd9660, the vSRX's loader) show them in
 * lower case without the version, so the VNF finds {@code juniper.conf} or {@code user-data}. The
 * volume identifier is {@code CIDATA}, the label cloud-init's NoCloud source looks for. Pure.
 */
public final class Iso9660Image {
  static final int SECTOR = 2048;
  static final String VOLUME_ID = "CIDATA";

  private static final int PVD = 16;
  private static final int L_PATH_TABLE = 18;
  private static final int M_PATH_TABLE = 19;
  private static final int ROOT = 20;
  private static final int FIRST_FILE = 21;
  private static final int PATH_TABLE_SIZE = 10;

  private Iso9660Image() {}

  /**
   * The image holding {@code files} (name to content) in its root directory, recorded at {@code
   * recorded}.
   *
   * @throws IllegalArgumentException for a name {@link Vnfd#DAY0_FILE_NAME} does not allow, two
   *     names that differ only in case, or a root directory past one sector
   */
  public static byte[] of(Map<String, byte[]> files, ZonedDateTime recorded) {
    // directory records are ordered by identifier (ECMA-119 9.3)
    TreeMap<String, byte[]> byIdentifier = new TreeMap<>();
    for (Map.Entry<String, byte[]> f : files.entrySet()) {
      if (!Vnfd.DAY0_FILE_NAME.matcher(f.getKey()).matches()) {
        throw new IllegalArgumentException(
            "'"
                + f.getKey()
                + "' cannot name a file of an ISO 9660 image (A-Z, 0-9, _ and -, one"
                + " dot, at most 30 characters)");
      }
      if (byIdentifier.put(identifier(f.getKey()), f.getValue()) != null) {
        throw new IllegalArgumentException("two files named " + f.getKey() + " in any case");
      }
    }
    ZonedDateTime utc = recorded.withZoneSameInstant(ZoneOffset.UTC);
    List<byte[]> records = new ArrayList<>();
    records.add(directoryRecord(new byte[] {0}, ROOT, SECTOR, true, utc));
    records.add(directoryRecord(new byte[] {1}, ROOT, SECTOR, true, utc));
    int sector = FIRST_FILE;
    List<Integer> starts = new ArrayList<>();
    for (Map.Entry<String, byte[]> f : byIdentifier.entrySet()) {
      starts.add(sector);
      records.add(
          directoryRecord(
              f.getKey().getBytes(StandardCharsets.US_ASCII),
              sector,
              f.getValue().length,
              false,
              utc));
      sector += sectors(f.getValue().length);
    }
    int rootLength = records.stream().mapToInt(r -> r.length).sum();
    if (rootLength > SECTOR) {
      throw new IllegalArgumentException("too many files for one root directory sector");
    }
    byte[] image = new byte[sector * SECTOR];
    primaryVolumeDescriptor(image, sector, utc);
    terminator(image);
    pathTable(image, L_PATH_TABLE * SECTOR, false);
    pathTable(image, M_PATH_TABLE * SECTOR, true);
    int at = ROOT * SECTOR;
    for (byte[] r : records) {
      System.arraycopy(r, 0, image, at, r.length);
      at += r.length;
    }
    int i = 0;
    for (byte[] content : byIdentifier.values()) {
      System.arraycopy(content, 0, image, starts.get(i++) * SECTOR, content.length);
    }
    return image;
  }

  /** {@code juniper.conf} → {@code JUNIPER.CONF;1}, {@code user-data} → {@code USER-DATA.;1}. */
  static String identifier(String name) {
    String upper = name.toUpperCase(Locale.ROOT);
    // a file identifier always has its separator dot (ECMA-119 7.5.1)
    return (upper.contains(".") ? upper : upper + ".") + ";1";
  }

  private static int sectors(int bytes) {
    return Math.max(1, (bytes + SECTOR - 1) / SECTOR);
  }

  private static void primaryVolumeDescriptor(byte[] image, int volumeSectors, ZonedDateTime t) {
    int o = PVD * SECTOR;
    image[o] = 1;
    ascii(image, o + 1, "CD001", 5);
    image[o + 6] = 1;
    ascii(image, o + 8, "", 32); // system identifier
    ascii(image, o + 40, VOLUME_ID, 32);
    bothEndian32(image, o + 80, volumeSectors);
    bothEndian16(image, o + 120, 1); // volume set size
    bothEndian16(image, o + 124, 1); // volume sequence number
    bothEndian16(image, o + 128, SECTOR);
    bothEndian32(image, o + 132, PATH_TABLE_SIZE);
    littleEndian32(image, o + 140, L_PATH_TABLE);
    bigEndian32(image, o + 148, M_PATH_TABLE);
    byte[] root = directoryRecord(new byte[] {0}, ROOT, SECTOR, true, t);
    System.arraycopy(root, 0, image, o + 156, root.length);
    ascii(image, o + 190, "", 128); // volume set
    ascii(image, o + 318, "", 128); // publisher
    ascii(image, o + 446, "", 128); // data preparer
    ascii(image, o + 574, "SWITCHBOARD", 128); // application
    ascii(image, o + 702, "", 37 * 3); // copyright, abstract, bibliographic file identifiers
    String when =
        String.format(
            Locale.ROOT,
            "%04d%02d%02d%02d%02d%02d00",
            t.getYear(),
            t.getMonthValue(),
            t.getDayOfMonth(),
            t.getHour(),
            t.getMinute(),
            t.getSecond());
    ascii(image, o + 813, when, 16); // creation
    ascii(image, o + 830, when, 16); // modification
    ascii(image, o + 847, "0000000000000000", 16); // expiration: none
    ascii(image, o + 864, "0000000000000000", 16); // effective: none
    image[o + 881] = 1; // file structure version
  }

  private static void terminator(byte[] image) {
    int o = (PVD + 1) * SECTOR;
    image[o] = (byte) 255;
    ascii(image, o + 1, "CD001", 5);
    image[o + 6] = 1;
  }

  /** The root's entry: identifier length 1, its extent, parent 1, identifier 0, one pad byte. */
  private static void pathTable(byte[] image, int o, boolean bigEndian) {
    image[o] = 1;
    if (bigEndian) {
      bigEndian32(image, o + 2, ROOT);
      image[o + 7] = 1;
    } else {
      littleEndian32(image, o + 2, ROOT);
      image[o + 6] = 1;
    }
  }

  private static byte[] directoryRecord(
      byte[] identifier, int extent, int length, boolean directory, ZonedDateTime t) {
    int size = 33 + identifier.length + (identifier.length % 2 == 0 ? 1 : 0);
    byte[] r = new byte[size];
    r[0] = (byte) size;
    bothEndian32(r, 2, extent);
    bothEndian32(r, 10, length);
    r[18] = (byte) (t.getYear() - 1900);
    r[19] = (byte) t.getMonthValue();
    r[20] = (byte) t.getDayOfMonth();
    r[21] = (byte) t.getHour();
    r[22] = (byte) t.getMinute();
    r[23] = (byte) t.getSecond();
    r[24] = 0; // UTC
    r[25] = (byte) (directory ? 2 : 0);
    bothEndian16(r, 28, 1);
    r[32] = (byte) identifier.length;
    System.arraycopy(identifier, 0, r, 33, identifier.length);
    return r;
  }

  private static void ascii(byte[] b, int at, String text, int width) {
    for (int i = 0; i < width; i++) {
      b[at + i] = (byte) (i < text.length() ? text.charAt(i) : ' ');
    }
  }

  private static void bothEndian16(byte[] b, int at, int v) {
    b[at] = (byte) v;
    b[at + 1] = (byte) (v >>> 8);
    b[at + 2] = (byte) (v >>> 8);
    b[at + 3] = (byte) v;
  }

  private static void bothEndian32(byte[] b, int at, int v) {
    littleEndian32(b, at, v);
    bigEndian32(b, at + 4, v);
  }

  private static void littleEndian32(byte[] b, int at, int v) {
    for (int i = 0; i < 4; i++) {
      b[at + i] = (byte) (v >>> (8 * i));
    }
  }

  private static void bigEndian32(byte[] b, int at, int v) {
    for (int i = 0; i < 4; i++) {
      b[at + i] = (byte) (v >>> (8 * (3 - i)));
    }
  }
}
