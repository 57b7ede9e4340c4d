package io.switchboard.api.vnf;

import io.switchboard.inventory.image.ImageProperties;
import io.switchboard.inventory.vnf.VnfPackage;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * VNF packages on disk: an upload streams to a staging file, and a verified package gets a folder
 * named by its SHA-256 with {@code package.csar} and its image extracted as {@code image.qcow2}
 * (which devices fetch). Root: {@code switchboard.vnf.package-dir}, by default {@code vnf-packages}
 * beside the image store.
 */
@Component
public class VnfPackageStore {
  public static final String CSAR = "package.csar";
  public static final String IMAGE = VnfPackage.IMAGE_FILE;

  /** An upload written to a temporary file, with its digest and size. */
  public record Staged(Path file, String sha256, long size) {}

  private final Path root;

  public VnfPackageStore(
      ImageProperties images, @Value("${switchboard.vnf.package-dir:}") String packageDir) {
    this.root =
        packageDir.isBlank()
            ? Path.of(images.storeDir()).toAbsolutePath().resolveSibling("vnf-packages")
            : Path.of(packageDir);
  }

  public Path root() {
    return root;
  }

  public Staged stage(InputStream content) throws IOException {
    Files.createDirectories(root);
    Path temp = Files.createTempFile(root, "upload-", ".part");
    MessageDigest digest;
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    long size;
    try (InputStream in = new DigestInputStream(content, digest);
        OutputStream out = Files.newOutputStream(temp)) {
      size = in.transferTo(out);
    } catch (IOException e) {
      Files.deleteIfExists(temp);
      throw e;
    }
    return new Staged(temp, HexFormat.of().formatHex(digest.digest()), size);
  }

  /**
   * Moves a verified package into its folder and extracts {@code imagePath}; returns the folder.
   */
  public Path keep(Staged staged, String imagePath) throws IOException {
    Path folder = root.resolve(staged.sha256());
    Files.createDirectories(folder);
    Path image = folder.resolve(IMAGE + ".part");
    try (ZipFile zip = new ZipFile(staged.file().toFile())) {
      ZipEntry entry = zip.getEntry(imagePath);
      try (InputStream in = zip.getInputStream(entry)) {
        Files.copy(in, image, StandardCopyOption.REPLACE_EXISTING);
      }
    }
    Files.move(image, folder.resolve(IMAGE), StandardCopyOption.REPLACE_EXISTING);
    Files.move(
        staged.file(),
        folder.resolve(CSAR),
        StandardCopyOption.REPLACE_EXISTING,
        StandardCopyOption.ATOMIC_MOVE);
    return folder;
  }

  public void discard(Staged staged) {
    try {
      Files.deleteIfExists(staged.file());
    } catch (IOException ignored) {
      // a leftover .part file is harmless
    }
  }

  /** Removes a kept folder again (its row could not be saved). */
  public void remove(Path folder) {
    try (Stream<Path> files = Files.walk(folder)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException ignored) {
      // a leftover folder is reused by the next upload of the same package
    }
  }
}
