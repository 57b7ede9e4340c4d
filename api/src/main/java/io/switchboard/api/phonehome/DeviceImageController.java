package io.switchboard.api.phonehome;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.switchboard.api.common.DownloadNames;
import io.switchboard.inventory.image.ImageLinks;
import io.switchboard.inventory.image.SoftwareImage;
import java.nio.file.Path;
import org.springframework.core.io.FileSystemResource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Image downloads for devices, allowed by the signed, expiring link the upgrade worker hands out.
 */
@RestController
@Tag(
    name = "Device images",
    description = "Image downloads for devices through signed, expiring links")
public class DeviceImageController {
  private final DeviceImageLinks images;

  public DeviceImageController(DeviceImageLinks images) {
    this.images = images;
  }

  @GetMapping(ImageLinks.PATH + "{sha256}/{fileName}")
  @Operation(
      summary = "Download an image by link",
      description =
          "The image file, allowed only by the signed, unexpired link the upgrade hands the device.")
  public ResponseEntity<FileSystemResource> download(
      @PathVariable String sha256,
      @PathVariable String fileName,
      @RequestParam long expires,
      @RequestParam String token) {
    SoftwareImage image = images.byLink(sha256, expires, token);
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_OCTET_STREAM)
        .headers(
            h ->
                h.setContentDisposition(
                    DownloadNames.attachment(image.getFileName(), image.getSha256())))
        .body(new FileSystemResource(Path.of(image.getStorageLocation())));
  }
}
