package io.switchboard.api.vnf;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.switchboard.inventory.vnf.VnfPackage;
import org.springframework.core.io.FileSystemResource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * VNF image downloads for uCPE devices, allowed by the signed, expiring link the transfer step
 * hands the device (the same links as device images: a device cannot log in).
 */
@RestController
@Tag(name = "VNF images", description = "VNF image downloads for uCPEs through signed links")
public class VnfImageController {
  private final VnfImageLinks links;

  public VnfImageController(VnfImageLinks links) {
    this.links = links;
  }

  @GetMapping(VnfPackage.IMAGE_LINK_PATH + "{sha256}/{fileName}")
  @Operation(
      summary = "Download a VNF image by link",
      description =
          "The package's image, allowed only by the signed, unexpired link of the transfer step;"
              + " 403 for a bad or expired link, 404 when no package has that image.")
  public ResponseEntity<FileSystemResource> download(
      @PathVariable String sha256,
      @PathVariable String fileName,
      @RequestParam long expires,
      @RequestParam String token) {
    VnfPackage vnfPackage = links.byLink(sha256, expires, token);
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_OCTET_STREAM)
        .contentLength(vnfPackage.imageFile().toFile().length())
        .body(new FileSystemResource(vnfPackage.imageFile()));
  }
}
