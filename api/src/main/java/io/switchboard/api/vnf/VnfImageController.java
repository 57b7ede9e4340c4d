package io.switchboard.api.vnf;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.switchboard.api.error.ApiException;
import io.switchboard.inventory.image.ImageLinks;
import io.switchboard.inventory.vnf.VnfPackage;
import io.switchboard.inventory.vnf.VnfPackageRepository;
import org.springframework.core.io.FileSystemResource;
import org.springframework.http.HttpStatus;
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
  private final VnfPackageRepository packages;
  private final ImageLinks links;

  public VnfImageController(VnfPackageRepository packages, ImageLinks links) {
    this.packages = packages;
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
    if (!links.isValid(VnfPackage.IMAGE_LINK_PATH, sha256, expires, token)) {
      throw new ApiException(
          HttpStatus.FORBIDDEN, null, "The image link is not valid or has expired");
    }
    VnfPackage vnfPackage =
        packages
            .findFirstByImageSha256(sha256)
            .orElseThrow(() -> ApiException.notFound("VNF image", sha256));
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_OCTET_STREAM)
        .contentLength(vnfPackage.imageFile().toFile().length())
        .body(new FileSystemResource(vnfPackage.imageFile()));
  }
}
