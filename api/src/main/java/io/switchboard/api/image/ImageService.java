package io.switchboard.api.image;

import io.switchboard.api.common.DownloadNames;
import io.switchboard.api.common.InScope;
import io.switchboard.api.error.ApiException;
import io.switchboard.api.logging.UnsafeCharacters;
import io.switchboard.api.security.Action;
import io.switchboard.api.security.Permissions;
import io.switchboard.api.security.Resource;
import io.switchboard.inventory.image.ImageSignatureVerifier;
import io.switchboard.inventory.image.SoftwareImage;
import io.switchboard.inventory.image.SoftwareImageRepository;
import io.switchboard.inventory.scope.AccessScope;
import io.switchboard.inventory.scope.ScopedInventory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import org.springframework.core.io.InputStreamSource;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The use cases of signed device software images. An upload whose signature does not verify against
 * a trusted key is refused and nothing of it is kept; family and version are unique in the
 * catalogue (everyone sees it, so a clash is a plain 409).
 */
@Service
public class ImageService {
  /** What an upload carries besides the file. */
  public record Upload(
      String version, String modelFamily, String signature, String originalFileName) {}

  private final ScopedInventory inventory;
  private final SoftwareImageRepository images;
  private final ImageStore store;
  private final ImageSignatureVerifier verifier;

  public ImageService(
      ScopedInventory inventory,
      SoftwareImageRepository images,
      ImageStore store,
      ImageSignatureVerifier verifier) {
    this.inventory = inventory;
    this.images = images;
    this.store = store;
    this.verifier = verifier;
  }

  /** A page of the images the caller may read, narrowed by {@code filter}. */
  @Transactional(readOnly = true)
  public Page<SoftwareImage> list(
      AccessScope scope, Specification<SoftwareImage> filter, Pageable pageable) {
    Permissions.require(scope, Action.READ, Resource.IMAGES);
    return inventory.images().page(scope, filter, pageable);
  }

  /** The image with {@code id} if the caller may read it; 404 otherwise. */
  @Transactional(readOnly = true)
  public SoftwareImage get(AccessScope scope, String id) {
    Permissions.require(scope, Action.READ, Resource.IMAGES);
    return InScope.findOr404(inventory.images(), scope, "Image", id);
  }

  /**
   * Stores a signed image: checks the fields (400 naming the field), the uniqueness of family and
   * version (409), then streams the file to the store and verifies the signature over its SHA-256
   * (422, and the staged file is discarded, when no trusted key verifies it). Not one transaction:
   * a database connection is not held while a large file streams in, and a failed insert leaves
   * only a content-addressed file that a retry reuses.
   *
   * @param empty whether the uploaded file is empty
   * @param file opened only once the fields have passed
   */
  public SoftwareImage upload(
      AccessScope scope, Upload upload, boolean empty, InputStreamSource file) throws IOException {
    Permissions.require(scope, Action.WRITE, Resource.IMAGES);
    String version = upload.version();
    String modelFamily = upload.modelFamily();
    if (version.isBlank() || version.length() > 60) {
      throw ApiException.invalid("version", "must be 1-60 characters");
    }
    if (modelFamily.isBlank() || modelFamily.length() > 80) {
      throw ApiException.invalid("modelFamily", "must be 1-80 characters");
    }
    requireSafe("version", version);
    requireSafe("modelFamily", modelFamily);
    byte[] signature = decodeSignature(upload.signature());
    if (empty) {
      throw ApiException.invalid("file", "must not be empty");
    }
    if (images.existsByModelFamilyAndVersion(modelFamily, version)) {
      throw ApiException.conflict(
          "version", "an image " + version + " for family '" + modelFamily + "' exists already");
    }
    ImageStore.Staged staged = store.stage(file.getInputStream());
    Optional<String> keyId = verifier.verify(staged.sha256(), signature);
    if (keyId.isEmpty()) {
      store.discard(staged);
      throw ApiException.unprocessable(
          "signature",
          "the signature does not verify with any trusted key; the image was not stored");
    }
    String sha256 = HexFormat.of().formatHex(staged.sha256());
    Path kept = store.keep(staged, sha256);
    // kept as a plain name: no path, no control or bidirectional characters, no quotes
    String fileName = DownloadNames.sanitise(upload.originalFileName(), sha256);
    return images.save(
        new SoftwareImage(
            version,
            modelFamily,
            fileName,
            sha256,
            upload.signature().trim(),
            keyId.get(),
            staged.size(),
            kept.toAbsolutePath().toString()));
  }

  private static byte[] decodeSignature(String signature) {
    if (signature == null || signature.isBlank()) {
      throw ApiException.invalid(
          "signature",
          "is required: images must be signed (Ed25519 over the SHA-256 of the file, base64)");
    }
    if (signature.length() > 1000) {
      throw ApiException.invalid("signature", "must be at most 1000 characters");
    }
    try {
      return Base64.getDecoder().decode(signature.trim());
    } catch (IllegalArgumentException e) {
      throw ApiException.invalid("signature", "must be base64");
    }
  }

  private static void requireSafe(String field, String value) {
    String problem = UnsafeCharacters.describeFirstUnsafe(value, false);
    if (problem != null) {
      throw ApiException.invalid(field, problem);
    }
  }
}
