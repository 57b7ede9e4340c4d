package io.switchboard.api.image;

import io.switchboard.api.common.DownloadNames;
import io.switchboard.api.common.Filters;
import io.switchboard.api.common.PageResponse;
import io.switchboard.api.common.Paging;
import io.switchboard.api.error.ApiException;
import io.switchboard.api.logging.UnsafeCharacters;
import io.switchboard.api.security.Action;
import io.switchboard.api.security.CurrentScope;
import io.switchboard.api.security.Resource;
import io.switchboard.inventory.image.ImageSignatureVerifier;
import io.switchboard.inventory.image.SoftwareImage;
import io.switchboard.inventory.image.SoftwareImageRepository;
import io.switchboard.inventory.scope.AccessScope;
import io.switchboard.inventory.scope.ScopedInventory;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;
import org.springframework.core.io.FileSystemResource;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Signed device software images. An upload whose signature does not verify against a trusted key is
 * refused and nothing of it is kept.
 */
@RestController
@RequestMapping("/api/v1/images")
public class ImageController {
  public record ImageView(
      String id,
      String version,
      String modelFamily,
      String fileName,
      String sha256,
      long sizeBytes,
      String signingKeyId,
      Instant createdAt) {
    static ImageView of(SoftwareImage i) {
      return new ImageView(
          i.getId(),
          i.getVersion(),
          i.getModelFamily(),
          i.getFileName(),
          i.getSha256(),
          i.getSizeBytes(),
          i.getSigningKeyId(),
          i.getCreatedAt());
    }
  }

  private final ScopedInventory inventory;
  private final SoftwareImageRepository images;
  private final ImageStore store;
  private final ImageSignatureVerifier verifier;

  public ImageController(
      ScopedInventory inventory,
      SoftwareImageRepository images,
      ImageStore store,
      ImageSignatureVerifier verifier) {
    this.inventory = inventory;
    this.images = images;
    this.store = store;
    this.verifier = verifier;
  }

  @GetMapping
  public PageResponse<ImageView> list(
      @RequestParam(required = false) String modelFamily,
      @RequestParam(required = false) String version,
      Pageable pageable) {
    AccessScope scope = CurrentScope.require(Action.READ, Resource.IMAGES);
    return PageResponse.of(
        inventory
            .images()
            .page(
                scope,
                Filters.<SoftwareImage>equal("modelFamily", modelFamily)
                    .and(Filters.equal("version", version)),
                Paging.of(
                    pageable,
                    Set.of("version", "modelFamily", "createdAt"),
                    Sort.by("modelFamily", "version"))),
        ImageView::of);
  }

  @GetMapping("/{id}")
  public ImageView get(@PathVariable String id) {
    return ImageView.of(find(CurrentScope.require(Action.READ, Resource.IMAGES), id));
  }

  @GetMapping("/{id}/content")
  public ResponseEntity<FileSystemResource> content(@PathVariable String id) {
    SoftwareImage image = find(CurrentScope.require(Action.READ, Resource.IMAGES), id);
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_OCTET_STREAM)
        .headers(
            h ->
                h.setContentDisposition(
                    DownloadNames.attachment(image.getFileName(), image.getSha256())))
        .header("X-Checksum-SHA256", image.getSha256())
        .body(new FileSystemResource(Path.of(image.getStorageLocation())));
  }

  @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  @ResponseStatus(HttpStatus.CREATED)
  public ImageView upload(
      @RequestPart("file") MultipartFile file,
      @RequestParam("version") String version,
      @RequestParam("modelFamily") String modelFamily,
      @RequestParam(name = "signature", required = false) String signature)
      throws IOException {
    CurrentScope.require(Action.WRITE, Resource.IMAGES);
    if (version.isBlank() || version.length() > 60) {
      throw ApiException.invalid("version", "must be 1-60 characters");
    }
    if (modelFamily.isBlank() || modelFamily.length() > 80) {
      throw ApiException.invalid("modelFamily", "must be 1-80 characters");
    }
    requireSafe("version", version);
    requireSafe("modelFamily", modelFamily);
    if (signature == null || signature.isBlank()) {
      throw ApiException.invalid(
          "signature",
          "is required: images must be signed (Ed25519 over the SHA-256 of the file, base64)");
    }
    if (signature.length() > 1000) {
      throw ApiException.invalid("signature", "must be at most 1000 characters");
    }
    byte[] signatureBytes;
    try {
      signatureBytes = Base64.getDecoder().decode(signature.trim());
    } catch (IllegalArgumentException e) {
      throw ApiException.invalid("signature", "must be base64");
    }
    if (file.isEmpty()) {
      throw ApiException.invalid("file", "must not be empty");
    }
    if (images.existsByModelFamilyAndVersion(modelFamily, version)) {
      throw ApiException.conflict(
          "version", "an image " + version + " for family '" + modelFamily + "' exists already");
    }
    ImageStore.Staged staged = store.stage(file.getInputStream());
    Optional<String> keyId = verifier.verify(staged.sha256(), signatureBytes);
    if (keyId.isEmpty()) {
      store.discard(staged);
      throw ApiException.unprocessable(
          "signature",
          "the signature does not verify with any trusted key; the image was not stored");
    }
    String sha256 = HexFormat.of().formatHex(staged.sha256());
    Path kept = store.keep(staged, sha256);
    // a failed insert leaves only a content-addressed file behind, which a retry reuses
    // kept as a plain name: no path, no control or bidirectional characters, no quotes
    String fileName = DownloadNames.sanitise(file.getOriginalFilename(), sha256);
    return ImageView.of(
        images.save(
            new SoftwareImage(
                version,
                modelFamily,
                fileName,
                sha256,
                signature.trim(),
                keyId.get(),
                staged.size(),
                kept.toAbsolutePath().toString())));
  }

  private static void requireSafe(String field, String value) {
    String problem = UnsafeCharacters.describeFirstUnsafe(value, false);
    if (problem != null) {
      throw ApiException.invalid(field, problem);
    }
  }

  private SoftwareImage find(AccessScope scope, String id) {
    return inventory.images().find(scope, id).orElseThrow(() -> ApiException.notFound("Image", id));
  }
}
