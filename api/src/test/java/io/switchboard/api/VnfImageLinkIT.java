package io.switchboard.api;

import static io.switchboard.inventory.vnf.VnfPackageBuilder.aPackage;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.inventory.image.ImageLinks;
import io.switchboard.inventory.vnf.VnfPackage;
import io.switchboard.inventory.vnf.VnfPackageRepository;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;

/** A uCPE downloads a VNF image by the signed link of the transfer step, and by nothing else. */
class VnfImageLinkIT extends ApiIT {
  @Autowired ImageLinks links;
  @Autowired VnfPackageRepository packages;

  VnfPackage onboarded() {
    return packages
        .findById(VnfPackageIT.onboarded(admin.template(), aPackage("vSRX", unique("link"))))
        .orElseThrow();
  }

  String path(String link) {
    return link.substring(link.indexOf(VnfPackage.IMAGE_LINK_PATH));
  }

  @Test
  void theLinkServesTheImageWithoutSignIn() throws Exception {
    VnfPackage p = onboarded();
    String link = links.linkFor(VnfPackage.IMAGE_LINK_PATH, p.getImageSha256(), "vsrx-1.qcow2");

    ResponseEntity<byte[]> download = rest.getForEntity(path(link), byte[].class);

    assertThat(download.getStatusCode().value()).isEqualTo(200);
    assertThat(
            HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(download.getBody())))
        .isEqualTo(p.getImageSha256());
  }

  @Test
  void aTamperedLinkOrADeviceImageLinksTokenOpensNothing() {
    VnfPackage p = onboarded();
    String link = path(links.linkFor(VnfPackage.IMAGE_LINK_PATH, p.getImageSha256(), "v.qcow2"));
    String token = link.substring(link.indexOf("token=") + 6);

    ResponseEntity<JsonNode> tampered =
        anonymous.get(link.replace("token=" + token, "token=x" + token.substring(1)));
    assertThat(tampered.getStatusCode().value()).isEqualTo(403);
    assertThat(tampered.getBody().toString()).doesNotContain(token);

    // the same digest and expiry, signed for the device-image endpoint: refused here
    String expires = link.replaceAll(".*expires=(\\d+).*", "$1");
    String deviceToken =
        links.isValid(p.getImageSha256(), Long.parseLong(expires), token) ? token : "other";
    assertThat(deviceToken).as("the VNF token is not a device-image token").isEqualTo("other");
    assertThat(
            anonymous
                .get(
                    "/device-images/"
                        + p.getImageSha256()
                        + "/v.qcow2?expires="
                        + expires
                        + "&token="
                        + token)
                .getStatusCode()
                .value())
        .isEqualTo(403);
  }

  @Test
  void aValidLinkForAnImageNoPackageHasIsNotFound() {
    String sha = "ab".repeat(32);
    ResponseEntity<JsonNode> missing =
        anonymous.get(path(links.linkFor(VnfPackage.IMAGE_LINK_PATH, sha, "v.qcow2")));
    assertThat(missing.getStatusCode().value()).isEqualTo(404);
  }
}
