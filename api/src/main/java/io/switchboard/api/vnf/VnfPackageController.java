package io.switchboard.api.vnf;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.switchboard.api.common.Filters;
import io.switchboard.api.common.PageResponse;
import io.switchboard.api.common.Paging;
import io.switchboard.api.common.RequestBodies;
import io.switchboard.api.security.CurrentScope;
import io.switchboard.inventory.vnf.Day0Parameter;
import io.switchboard.inventory.vnf.VnfPackage;
import io.switchboard.inventory.vnf.VnfPackageState;
import io.switchboard.inventory.vnf.Vnfd;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** The provider's signed VNF packages over HTTP; the rules live in {@link VnfPackageService}. */
@RestController
@RequestMapping("/api/v1/vnf-packages")
@Tag(
    name = "VNF packages",
    description =
        "Signed SOL004-shaped VNF packages (CSAR); refused unless the signature verifies with a"
            + " trusted key and every file matches its manifest hash")
public class VnfPackageController {
  /** The image inside the package. */
  public record ImageView(String path, String sha256, long sizeBytes) {}

  public record VnfPackageView(
      String id,
      String vnfdId,
      String provider,
      String productName,
      String softwareVersion,
      String vnfdVersion,
      VnfPackageState state,
      List<Vnfd.Flavour> flavours,
      List<Day0Parameter> day0Parameters,
      ImageView image,
      String packageSha256,
      long sizeBytes,
      String signingKeyId,
      Instant createdAt) {
    static VnfPackageView of(VnfPackage p) {
      return new VnfPackageView(
          p.getId(),
          p.getVnfdId(),
          p.getProvider(),
          p.getProductName(),
          p.getSoftwareVersion(),
          p.getVnfdVersion(),
          p.getState(),
          Vnfd.parseFlavours(p.getFlavours()),
          p.day0Parameters(),
          new ImageView(p.getImagePath(), p.getImageSha256(), p.getImageSizeBytes()),
          p.getPackageSha256(),
          p.getPackageSizeBytes(),
          p.getSigningKeyId(),
          p.getCreatedAt());
    }
  }

  /** The fields a PATCH may change. */
  public record VnfPackageUpdate(VnfPackageState state) {}

  private final VnfPackageService service;
  private final RequestBodies bodies;

  public VnfPackageController(VnfPackageService service, RequestBodies bodies) {
    this.service = service;
    this.bodies = bodies;
  }

  @GetMapping
  @Operation(
      summary = "List VNF packages",
      description = "A page of the catalogue's packages, by provider, product and version.")
  public PageResponse<VnfPackageView> list(
      @RequestParam(required = false) String productName,
      @RequestParam(required = false) VnfPackageState state,
      Pageable pageable) {
    return PageResponse.of(
        service.list(
            CurrentScope.get(),
            Filters.<VnfPackage>equal("productName", productName)
                .and(Filters.equal("state", state)),
            Paging.of(
                pageable,
                Set.of("productName", "softwareVersion", "createdAt"),
                Sort.by("provider", "productName", "softwareVersion"))),
        VnfPackageView::of);
  }

  @GetMapping("/{id}")
  @Operation(
      summary = "Read a VNF package",
      description = "Its VNFD summary, flavours and image; 404 when it does not exist.")
  public VnfPackageView get(@PathVariable String id) {
    return VnfPackageView.of(service.get(CurrentScope.get(), id));
  }

  @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(
      summary = "Upload a signed VNF package",
      description =
          "Multipart: file (the CSAR zip) and signature (base64 Ed25519 over the SHA-256 of the"
              + " package's manifest, verified with the image signing keys). 422 naming the"
              + " signature or the file at fault, and nothing kept, when it does not verify; 409"
              + " when the catalogue has that provider, product and version.")
  public VnfPackageView upload(
      @RequestPart("file") MultipartFile file,
      @RequestParam(name = "signature", required = false) String signature)
      throws IOException {
    return VnfPackageView.of(service.upload(CurrentScope.get(), signature, file.isEmpty(), file));
  }

  @PatchMapping(
      value = "/{id}",
      consumes = {RequestBodies.MERGE_PATCH, MediaType.APPLICATION_JSON_VALUE})
  @Operation(
      summary = "Enable or disable a VNF package",
      description =
          "JSON Merge Patch of state (ONBOARDED or DISABLED); a disabled package cannot be"
              + " instantiated.")
  public VnfPackageView patch(
      @PathVariable String id,
      @Schema(implementation = VnfPackageUpdate.class) @RequestBody JsonNode patch) {
    VnfPackage current = service.get(CurrentScope.get(), id);
    VnfPackageUpdate update =
        bodies.merge(new VnfPackageUpdate(current.getState()), patch, VnfPackageUpdate.class);
    return VnfPackageView.of(service.setState(CurrentScope.get(), id, update.state()));
  }
}
