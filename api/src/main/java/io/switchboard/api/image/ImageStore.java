package io.switchboard.api.image;

import io.switchboard.inventory.image.ImageProperties;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.springframework.stereotype.Component;

/** Image files on disk, content-addressed by SHA-256. */
@Component
public class ImageStore {
  /** An upload written to a temporary file, with its digest and size. */
  public record Staged(Path file, byte[] sha256, long size) {}

  private final Path root;

  public ImageStore(ImageProperties properties) {
    this.root = Path.of(properties.storeDir());
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
    return new Staged(temp, digest.digest(), size);
  }

  /** Moves a verified upload into the store; returns where it is. */
  public Path keep(Staged staged, String sha256Hex) throws IOException {
    Path target = root.resolve(sha256Hex);
    Files.move(
        staged.file(), target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    return target;
  }

  public void discard(Staged staged) {
    try {
      Files.deleteIfExists(staged.file());
    } catch (IOException ignored) {
      // a leftover .part file is harmless and is overwritten by name never
    }
  }
}
