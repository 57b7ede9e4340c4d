package io.switchboard.devices.vnf;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the files of an ISO 9660 (ECMA-119) image's root directory, as a simulated uCPE's VNF reads
 * its config drive: the volume descriptors from sector 16 to the terminator, the primary one's
 * logical block size and root directory record, and the root's file records. Names come as readers
 * without Rock Ridge or Joliet give them (lower case, no {@code ;1} version, no trailing dot).
 * Anything else than a well-formed image is refused with what is wrong. Pure.
 */
public final class Iso9660Reader {
  private static final int SECTOR = 2048;
  private static final int FIRST_DESCRIPTOR = 16;

  /** Not an ISO 9660 image, and why. */
  public static final class NotAnIsoImageException extends Exception {
    NotAnIsoImageException(String reason) {
      super(reason);
    }
  }

  private Iso9660Reader() {}

  /** The files of the image's root directory, name to content, in directory order. */
  public static Map<String, byte[]> files(byte[] image) throws NotAnIsoImageException {
    if (image.length < (FIRST_DESCRIPTOR + 2) * SECTOR) {
      throw new NotAnIsoImageException(
          image.length + " bytes, shorter than the system area and two volume descriptors");
    }
    int pvd = primaryVolumeDescriptor(image);
    int blockSize = bothEndian16(image, pvd + 128, "logical block size");
    if (blockSize != SECTOR) {
      throw new NotAnIsoImageException("logical block size " + blockSize + ", not 2048");
    }
    long volumeSectors = bothEndian32(image, pvd + 80, "volume space size");
    if (volumeSectors * SECTOR > image.length) {
      throw new NotAnIsoImageException(
          "volume space of " + volumeSectors + " sectors, the image has " + image.length / SECTOR);
    }
    int root = pvd + 156;
    if ((image[root] & 0xff) != 34 || (image[root + 25] & 2) == 0) {
      throw new NotAnIsoImageException("the root directory record is malformed");
    }
    byte[] directory = extent(image, image, root, "the root directory");
    Map<String, byte[]> files = new LinkedHashMap<>();
    int at = 0;
    while (at < directory.length) {
      int length = directory[at] & 0xff;
      if (length == 0) {
        // records do not cross sectors: the rest of this one is padding
        at = (at / SECTOR + 1) * SECTOR;
        continue;
      }
      if (length < 34 || at + length > directory.length) {
        throw new NotAnIsoImageException("a directory record at " + at + " is malformed");
      }
      byte[] record = Arrays.copyOfRange(directory, at, at + length);
      int idLength = record[32] & 0xff;
      if (33 + idLength > length) {
        throw new NotAnIsoImageException("a file identifier runs past its record");
      }
      boolean self = idLength == 1 && (record[33] == 0 || record[33] == 1);
      if (!self && (record[25] & 2) == 0) {
        String id = new String(record, 33, idLength, StandardCharsets.US_ASCII);
        files.put(name(id), extent(image, record, 0, id));
      }
      at += length;
    }
    return files;
  }

  private static int primaryVolumeDescriptor(byte[] image) throws NotAnIsoImageException {
    for (int sector = FIRST_DESCRIPTOR; (sector + 1) * SECTOR <= image.length; sector++) {
      int o = sector * SECTOR;
      if (!"CD001".equals(new String(image, o + 1, 5, StandardCharsets.US_ASCII))
          || image[o + 6] != 1) {
        throw new NotAnIsoImageException("no volume descriptor (CD001) at sector " + sector);
      }
      int type = image[o] & 0xff;
      if (type == 1) {
        return o;
      }
      if (type == 255) {
        break;
      }
    }
    throw new NotAnIsoImageException("no primary volume descriptor");
  }

  /** The data that the directory record at {@code at} of {@code record} points to in the image. */
  private static byte[] extent(byte[] image, byte[] record, int at, String what)
      throws NotAnIsoImageException {
    long start = bothEndian32(record, at + 2, what + "'s location") * SECTOR;
    long length = bothEndian32(record, at + 10, what + "'s length");
    if (start + length > image.length) {
      throw new NotAnIsoImageException(what + " lies past the end of the image");
    }
    return Arrays.copyOfRange(image, (int) start, (int) (start + length));
  }

  private static String name(String identifier) {
    String name = identifier;
    int version = name.indexOf(';');
    if (version >= 0) {
      name = name.substring(0, version);
    }
    if (name.endsWith(".")) {
      name = name.substring(0, name.length() - 1);
    }
    return name.toLowerCase(Locale.ROOT);
  }

  private static int bothEndian16(byte[] b, int at, String what) throws NotAnIsoImageException {
    int le = (b[at] & 0xff) | (b[at + 1] & 0xff) << 8;
    int be = (b[at + 2] & 0xff) << 8 | (b[at + 3] & 0xff);
    if (le != be) {
      throw new NotAnIsoImageException(what + " differs in its two byte orders");
    }
    return le;
  }

  private static long bothEndian32(byte[] b, int at, String what) throws NotAnIsoImageException {
    long le = 0;
    long be = 0;
    for (int i = 0; i < 4; i++) {
      le |= (long) (b[at + i] & 0xff) << (8 * i);
      be = be << 8 | (b[at + 4 + i] & 0xff);
    }
    if (le != be) {
      throw new NotAnIsoImageException(what + " differs in its two byte orders");
    }
    return le;
  }
}
