package io.switchboard.api.onboarding;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.switchboard.api.common.SafeText;
import io.switchboard.api.security.CurrentScope;
import io.switchboard.inventory.site.SiteType;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The two operations of DESIGN.md §5.1 and §5.2 as one call each: register a site with its CPE and
 * start zero-touch onboarding, or upgrade one device. Everything a call writes commits together and
 * its process starts after the commit (OperationStarter), or nothing is written at all.
 */
@RestController
@Tag(
    name = "Onboarding and upgrades",
    description = "Zero-touch onboarding of a site with its CPE, and device software upgrades")
@RequestMapping("/api/v1")
public class OnboardingController {
  static final String VERSION = "[A-Za-z0-9._-]{1,60}";

  public record SiteSpec(
      @NotBlank @Size(max = 120) @SafeText String name,
      @NotNull SiteType type,
      @Size(max = 300) @SafeText(multiline = true) String address,
      @Pattern(regexp = VERSION, message = "must be a software version such as 23.4R1")
          String targetSoftwareVersion) {}

  public record DeviceSpec(
      @NotBlank
          @Pattern(
              regexp = "[A-Za-z0-9._-]{3,80}",
              message = "must be 3-80 letters, digits, '.', '_' or '-'")
          String serialNumber,
      @NotBlank @Size(max = 36) @SafeText String modelId,
      @NotNull @Valid Credentials credentials,
      @Size(min = 8, max = 200, message = "must be 8-200 characters") String activationSecret) {}

  public record Credentials(
      @NotBlank @Size(max = 120) @SafeText String username,
      @NotBlank @Size(max = 200) String password) {
    @Override
    public String toString() {
      return "Credentials[username=" + username + ", password=****]";
    }
  }

  public record OnboardingRequest(
      @NotBlank @Size(max = 36) @SafeText String tenantId,
      @NotNull @Valid SiteSpec site,
      @NotNull @Valid DeviceSpec device,
      @Pattern(regexp = "P.*", message = "must be an ISO-8601 duration such as P7D")
          String activationTimeout) {}

  public record OnboardingStarted(
      String siteId,
      String deviceId,
      String operationId,
      String processInstanceKey,
      @JsonInclude(JsonInclude.Include.NON_NULL) String activationSecret) {
    static OnboardingStarted of(OnboardingService.Started s) {
      return new OnboardingStarted(
          s.siteId(), s.deviceId(), s.operationId(), s.processInstanceKey(), s.activationSecret());
    }
  }

  public record UpgradeRequest(
      @NotBlank @Pattern(regexp = VERSION, message = "must be a software version such as 23.4R1")
          String targetSoftwareVersion) {}

  private final OnboardingService onboarding;

  public OnboardingController(OnboardingService onboarding) {
    this.onboarding = onboarding;
  }

  /** Registers a site and its CPE and starts zero-touch onboarding. */
  @PostMapping("/onboardings")
  @Operation(
      summary = "Onboard a site and its CPE",
      description =
          "Registers a site and its device and starts zero-touch onboarding, as one call; the process starts after the commit.")
  public ResponseEntity<OnboardingStarted> onboard(@Valid @RequestBody OnboardingRequest request) {
    OnboardingService.Started started = onboarding.onboard(CurrentScope.get(), request);
    ResponseEntity.BodyBuilder answer = ResponseEntity.status(HttpStatus.CREATED);
    if (started.activationSecret() != null) {
      answer.cacheControl(CacheControl.noStore()); // the generated secret is shown this once
    }
    return answer.body(OnboardingStarted.of(started));
  }

  /** Upgrades one device's software to the target version. */
  @PostMapping("/devices/{id}/upgrade")
  @Operation(
      summary = "Upgrade a device",
      description =
          "Starts a software upgrade of one device to the target version; 409 while the device has a running operation.")
  @ResponseStatus(HttpStatus.CREATED)
  public OnboardingStarted upgrade(
      @PathVariable String id, @Valid @RequestBody UpgradeRequest request) {
    return OnboardingStarted.of(
        onboarding.upgrade(CurrentScope.get(), id, request.targetSoftwareVersion()));
  }
}
