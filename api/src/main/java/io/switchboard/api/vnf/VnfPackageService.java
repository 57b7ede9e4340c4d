package io.switchboard.api.vnf;

import io.switchboard.api.common.InScope;
import io.switchboard.api.error.ApiException;
import io.switchboard.api.security.Action;
import io.switchboard.api.security.Permissions;
import io.switchboard.api.security.Resource;
import io.switchboard.inventory.scope.AccessScope;
import io.switchboard.inventory.scope.ScopedRepository;
import io.switchboard.inventory.scope.Visibility;
import io.switchboard.inventory.vnf.CsarVerifier;
import io.switchboard.inventory.vnf.VnfPackage;
import io.switchboard.inventory.vnf.VnfPackageProblem;
import io.switchboard.inventory.vnf.VnfPackageRepository;
import io.switchboard.inventory.vnf.VnfPackageState;
import io.switchboard.inventory.vnf.Vnfd;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Base64;
import org.springframework.core.io.InputStreamSource;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The provider's VNF package catalogue. An upload is kept only when its signature verifies with a
 * key of the image trust store and every file matches the manifest; otherwise nothing is kept and
 * the answer (422) names the signature or the file at fault.
 */
@Service
public class VnfPackageService {
  private final VnfPackageRepository packages;
  private final ScopedRepository<VnfPackage> scoped;
  private final VnfPackageStore store;
  private final CsarVerifier verifier;

  public VnfPackageService(
      VnfPackageRepository packages, VnfPackageStore store, CsarVerifier verifier) {
    this.packages = packages;
    this.scoped = new ScopedRepository<>(packages, Visibility::catalogue);
    this.store = store;
    this.verifier = verifier;
  }

  @Transactional(readOnly = true)
  public Page<VnfPackage> list(
      AccessScope scope, Specification<VnfPackage> filter, Pageable pageable) {
    Permissions.require(scope, Action.READ, Resource.VNF_PACKAGES);
    return scoped.page(scope, filter, pageable);
  }

  @Transactional(readOnly = true)
  public VnfPackage get(AccessScope scope, String id) {
    Permissions.require(scope, Action.READ, Resource.VNF_PACKAGES);
    return InScope.findOr404(scoped, scope, "VNF package", id);
  }

  /** Sets the package's state: a disabled package cannot be instantiated any more. */
  @Transactional
  public VnfPackage setState(AccessScope scope, String id, VnfPackageState state) {
    Permissions.require(scope, Action.WRITE, Resource.VNF_PACKAGES);
    VnfPackage vnfPackage = InScope.findOr404(scoped, scope, "VNF package", id);
    if (state == null) {
      throw ApiException.invalid("state", "must be ONBOARDED or DISABLED");
    }
    vnfPackage.setState(state);
    return vnfPackage;
  }

  /**
   * Streams the CSAR to disk, verifies it and keeps it. Not one transaction: no database connection
   * is held while a large package streams in.
   */
  public VnfPackage upload(
      AccessScope scope, String signature, boolean empty, InputStreamSource file)
      throws IOException {
    Permissions.require(scope, Action.WRITE, Resource.VNF_PACKAGES);
    byte[] signatureBytes = decodeSignature(signature);
    if (empty) {
      throw ApiException.invalid("file", "must not be empty");
    }
    VnfPackageStore.Staged staged = store.stage(file.getInputStream());
    CsarVerifier.Verified verified;
    try {
      verified = verifier.verify(staged.file(), signatureBytes);
    } catch (VnfPackageProblem problem) {
      store.discard(staged);
      String field = problem.subject().equals("signature") ? "signature" : "file";
      throw ApiException.unprocessable(
          field, problem.getMessage() + "; the package was not stored");
    } catch (IOException | RuntimeException e) {
      store.discard(staged);
      throw e;
    }
    Vnfd vnfd = verified.vnfd();
    if (packages.existsByProviderAndProductNameAndSoftwareVersion(
        vnfd.provider(), vnfd.productName(), vnfd.softwareVersion())) {
      store.discard(staged);
      throw ApiException.conflict(
          "file",
          "a package of "
              + vnfd.provider()
              + " "
              + vnfd.productName()
              + " "
              + vnfd.softwareVersion()
              + " exists already");
    }
    Path folder = store.keep(staged, vnfd.imagePath());
    try {
      VnfPackage onboarded =
          new VnfPackage(
              vnfd,
              Vnfd.flavoursYaml(vnfd.flavours()),
              verified.imageSha256(),
              verified.imageSizeBytes(),
              staged.sha256(),
              staged.size(),
              signature.trim(),
              verified.signingKeyId(),
              folder.toAbsolutePath().toString());
      onboarded.setDay0Template(verified.day0Template());
      onboarded.setDay0File(vnfd.day0FileName());
      onboarded.setDay0Parameters(vnfd.day0Parameters());
      return packages.save(onboarded);
    } catch (RuntimeException e) {
      store.remove(folder);
      throw e;
    }
  }

  private static byte[] decodeSignature(String signature) {
    if (signature == null || signature.isBlank()) {
      throw ApiException.invalid(
          "signature",
          "is required: packages must be signed (Ed25519 over the SHA-256 of the manifest,"
              + " base64)");
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
}
