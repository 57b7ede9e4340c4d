package io.switchboard.api.vnf;

import io.switchboard.api.error.ApiException;
import io.switchboard.inventory.image.ImageLinks;
import io.switchboard.inventory.vnf.VnfPackage;
import io.switchboard.inventory.vnf.VnfPackageRepository;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/** The package a signed, unexpired VNF image link names; 403 for a bad link, 404 for none. */
@Service
public class VnfImageLinks {
  private final VnfPackageRepository packages;
  private final ImageLinks links;

  public VnfImageLinks(VnfPackageRepository packages, ImageLinks links) {
    this.packages = packages;
    this.links = links;
  }

  public VnfPackage byLink(String sha256, long expires, String token) {
    if (!links.isValid(VnfPackage.IMAGE_LINK_PATH, sha256, expires, token)) {
      throw new ApiException(
          HttpStatus.FORBIDDEN, null, "The image link is not valid or has expired");
    }
    return packages
        .findFirstByImageSha256(sha256)
        .orElseThrow(() -> ApiException.notFound("VNF image", sha256));
  }
}
