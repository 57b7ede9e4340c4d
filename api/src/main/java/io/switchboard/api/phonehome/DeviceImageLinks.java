package io.switchboard.api.phonehome;

import io.switchboard.api.error.ApiException;
import io.switchboard.inventory.image.ImageLinks;
import io.switchboard.inventory.image.SoftwareImage;
import io.switchboard.inventory.image.SoftwareImageRepository;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/** The image a signed, unexpired link names; 403 for a bad or expired link, 404 for none. */
@Service
public class DeviceImageLinks {
  private final SoftwareImageRepository images;
  private final ImageLinks links;

  public DeviceImageLinks(SoftwareImageRepository images, ImageLinks links) {
    this.images = images;
    this.links = links;
  }

  public SoftwareImage byLink(String sha256, long expires, String token) {
    if (!links.isValid(sha256, expires, token)) {
      throw new ApiException(
          HttpStatus.FORBIDDEN, null, "The image link is not valid or has expired");
    }
    return images
        .findFirstBySha256(sha256)
        .orElseThrow(() -> ApiException.notFound("Image", sha256));
  }
}
