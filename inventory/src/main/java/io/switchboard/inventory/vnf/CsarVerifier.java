package io.switchboard.inventory.vnf;

import io.switchboard.inventory.image.ImageSignatureVerifier;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import org.springframework.stereotype.Component;

/**
 * Checks a CSAR on disk: {@code TOSCA-Metadata/TOSCA.meta} names the VNFD and the manifest; the
 * signature (Ed25519 over the SHA-256 of the manifest, verified by the image trust store's {@link
 * ImageSignatureVerifier}) binds the manifest; the manifest binds every other file by SHA-256.
 * Files are hashed as streams straight from the zip, so a package of any size is never in memory.
 */
@Component
public class CsarVerifier {
  public static final String TOSCA_META = "TOSCA-Metadata/TOSCA.meta";
  private static final int MAX_TEXT_FILE = 1024 * 1024;

  /**
   * A package that passed every check.
   *
   * @param day0Template the VNFD's day-0 configuration template, null when it has none
   */
  public record Verified(
      Vnfd vnfd,
      String imageSha256,
      long imageSizeBytes,
      String signingKeyId,
      String manifest,
      String day0Template) {}

  private final ImageSignatureVerifier signatures;

  public CsarVerifier(ImageSignatureVerifier signatures) {
    this.signatures = signatures;
  }

  /**
   * Verifies the package at {@code csar} with {@code signature}.
   *
   * @throws VnfPackageProblem naming the signature or the file at fault
   */
  public Verified verify(Path csar, byte[] signature) throws IOException {
    try (ZipFile zip = open(csar)) {
      Map<String, String> meta = parseMeta(readText(zip, TOSCA_META));
      String definitions = required(meta, "Entry-Definitions");
      String manifestPath = required(meta, "ETSI-Entry-Manifest");
      byte[] manifest = readBytes(zip, manifestPath);
      Optional<String> keyId = signatures.verify(sha256(manifest), signature);
      if (keyId.isEmpty()) {
        throw new VnfPackageProblem(
            "signature",
            "the signature of " + manifestPath + " does not verify with any trusted key");
      }
      Map<String, String> listed =
          Manifest.parse(new String(manifest, StandardCharsets.UTF_8), manifestPath);
      TreeSet<String> files = new TreeSet<>();
      for (ZipEntry entry : Collections.list(zip.entries())) {
        if (!entry.isDirectory() && !entry.getName().equals(manifestPath)) {
          files.add(entry.getName());
        }
      }
      for (String listedFile : listed.keySet()) {
        if (!files.contains(listedFile)) {
          throw new VnfPackageProblem(
              listedFile, "file " + listedFile + " is listed in the manifest but missing");
        }
      }
      Map<String, long[]> sizes = new LinkedHashMap<>();
      Map<String, String> hashes = new LinkedHashMap<>();
      for (String file : files) {
        String expected = listed.get(file);
        if (expected == null) {
          throw new VnfPackageProblem(file, "file " + file + " is not listed in the manifest");
        }
        long[] size = new long[1];
        String actual = hash(zip, zip.getEntry(file), size);
        if (!actual.equalsIgnoreCase(expected)) {
          throw new VnfPackageProblem(
              file, "file " + file + " does not match its SHA-256 in the manifest");
        }
        sizes.put(file, size);
        hashes.put(file, actual);
      }
      Vnfd vnfd;
      try {
        vnfd = Vnfd.parse(readText(zip, definitions));
      } catch (Vnfd.InvalidVnfdException e) {
        throw new VnfPackageProblem(definitions, definitions + ": " + e.getMessage());
      }
      if (!hashes.containsKey(vnfd.imagePath())) {
        throw new VnfPackageProblem(
            definitions,
            "the image " + vnfd.imagePath() + " named by the VNFD is not in the package");
      }
      return new Verified(
          vnfd,
          hashes.get(vnfd.imagePath()),
          sizes.get(vnfd.imagePath())[0],
          keyId.get(),
          manifestPath,
          day0(zip, vnfd, definitions, hashes));
    }
  }

  /**
   * The day-0 template the VNFD names: in the package (so the manifest and the signature bind it),
   * and using only placeholders Switchboard fills ({@link Day0Template#PLACEHOLDERS}) or the VNFD
   * declares as day-0 parameters.
   */
  private static String day0(ZipFile zip, Vnfd vnfd, String definitions, Map<String, String> hashes)
      throws IOException {
    String path = vnfd.day0Path();
    if (path == null) {
      return null;
    }
    if (!hashes.containsKey(path)) {
      throw new VnfPackageProblem(
          definitions,
          "the day-0 configuration " + path + " named by the VNFD is not in the package");
    }
    String template = readText(zip, path);
    List<String> declared = vnfd.day0Parameters().stream().map(Day0Parameter::name).toList();
    List<String> unknown = Day0Template.unknownPlaceholders(template, declared);
    if (!unknown.isEmpty()) {
      throw new VnfPackageProblem(
          path,
          "file "
              + path
              + " uses unknown placeholders {{"
              + String.join("}}, {{", unknown)
              + "}}; known are "
              + String.join(", ", Day0Template.PLACEHOLDERS)
              + (declared.isEmpty()
                  ? " (the VNFD declares no day-0 parameters)"
                  : " and the VNFD's day-0 parameters " + String.join(", ", declared)));
    }
    return template;
  }

  private static ZipFile open(Path csar) throws IOException {
    try {
      return new ZipFile(csar.toFile());
    } catch (ZipException e) {
      throw new VnfPackageProblem("file", "is not a CSAR (zip) archive");
    }
  }

  private static String required(Map<String, String> meta, String key) {
    String value = meta.get(key);
    if (value == null || value.isBlank()) {
      throw new VnfPackageProblem(TOSCA_META, TOSCA_META + " has no " + key);
    }
    return value;
  }

  static Map<String, String> parseMeta(String text) {
    Map<String, String> meta = new LinkedHashMap<>();
    for (String line : text.split("\r?\n")) {
      int colon = line.indexOf(':');
      if (colon > 0) {
        meta.put(line.substring(0, colon).trim(), line.substring(colon + 1).trim());
      }
    }
    return meta;
  }

  private static String readText(ZipFile zip, String path) throws IOException {
    return new String(readBytes(zip, path), StandardCharsets.UTF_8);
  }

  private static byte[] readBytes(ZipFile zip, String path) throws IOException {
    ZipEntry entry = zip.getEntry(path);
    if (entry == null || entry.isDirectory()) {
      throw new VnfPackageProblem(path, "file " + path + " is missing from the package");
    }
    try (InputStream in = zip.getInputStream(entry)) {
      byte[] bytes = in.readNBytes(MAX_TEXT_FILE + 1);
      if (bytes.length > MAX_TEXT_FILE) {
        throw new VnfPackageProblem(path, "file " + path + " is larger than 1 MiB");
      }
      return bytes;
    }
  }

  private static String hash(ZipFile zip, ZipEntry entry, long[] size) throws IOException {
    MessageDigest digest = sha256Digest();
    byte[] buffer = new byte[64 * 1024];
    long total = 0;
    try (InputStream in = zip.getInputStream(entry)) {
      int n;
      while ((n = in.read(buffer)) > 0) {
        digest.update(buffer, 0, n);
        total += n;
      }
    } catch (ZipException e) {
      throw new VnfPackageProblem(entry.getName(), "file " + entry.getName() + " is corrupt");
    }
    size[0] = total;
    return HexFormat.of().formatHex(digest.digest());
  }

  static byte[] sha256(byte[] bytes) {
    return sha256Digest().digest(bytes);
  }

  private static MessageDigest sha256Digest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
