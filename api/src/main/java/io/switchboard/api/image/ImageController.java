package io.switchboard.api.image;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.switchboard.api.common.DownloadNames;
import io.switchboard.api.common.Filters;
import io.switchboard.api.common.PageResponse;
import io.switchboard.api.common.Paging;
import io.switchboard.api.security.CurrentScope;
import io.switchboard.inventory.image.SoftwareImage;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
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

/** Signed device software images over HTTP; the rules live in {@link ImageService}. */
@RestController
@RequestMapping("/api/v1/images")
@Tag(
    name = "Images",
    description =
        "Signed device software images; an image whose signature does not verify is refused")
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

  private final ImageService service;

  public ImageController(ImageService service) {
    this.service = service;
  }

  @GetMapping
  @Operation(
      summary = "List images",
      description = "A page of the catalogue's signed images, by model family and version.")
  public PageResponse<ImageView> list(
      @RequestParam(required = false) String modelFamily,
      @RequestParam(required = false) String version,
      Pageable pageable) {
    return PageResponse.of(
        service.list(
            CurrentScope.get(),
            Filters.<SoftwareImage>equal("modelFamily", modelFamily)
                .and(Filters.equal("version", version)),
            Paging.of(
                pageable,
                Set.of("version", "modelFamily", "createdAt"),
                Sort.by("modelFamily", "version"))),
        ImageView::of);
  }

  @GetMapping("/{id}")
  @Operation(summary = "Read an image", description = "Its metadata; 404 when it does not exist.")
  public ImageView get(@PathVariable String id) {
    return ImageView.of(service.get(CurrentScope.get(), id));
  }

  @GetMapping("/{id}/content")
  @Operation(
      summary = "Download an image",
      description =
          "The file as an attachment, with its SHA-256 in X-Checksum-SHA256 to check it against.")
  public ResponseEntity<FileSystemResource> content(@PathVariable String id) {
    SoftwareImage image = service.get(CurrentScope.get(), id);
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
  @Operation(
      summary = "Upload a signed image",
      description =
          "Multipart: file, version, modelFamily and signature (base64 Ed25519 over the file's"
              + " SHA-256). 422 and nothing kept when no trusted key verifies the signature; 409"
              + " when the family already has that version.")
  public ImageView upload(
      @RequestPart("file") MultipartFile file,
      @RequestParam("version") String version,
      @RequestParam("modelFamily") String modelFamily,
      @RequestParam(name = "signature", required = false) String signature)
      throws IOException {
    return ImageView.of(
        service.upload(
            CurrentScope.get(),
            new ImageService.Upload(version, modelFamily, signature, file.getOriginalFilename()),
            file.isEmpty(),
            file));
  }
}
