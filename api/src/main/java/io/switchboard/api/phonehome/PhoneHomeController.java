package io.switchboard.api.phonehome;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.camunda.client.api.command.ClientException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.switchboard.api.common.SafeText;
import io.switchboard.api.error.ApiException;
import io.switchboard.api.logging.LogSafe;
import io.switchboard.inventory.device.Device;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The device phone-home endpoint, shaped like Juniper's zero-touch bootstrap server: a
 * factory-default device GETs its bootstrap data by serial number (HTTP Basic, the serial as user
 * name and its activation secret as password), then POSTs progress notifications. A completed
 * bootstrap is handed to the waiting process as a message correlated by serial. Unknown, unclaimed
 * and wrongly authenticated serials all get the same 404 ({@link DeviceAuthenticator}); a device in
 * service phones home only when an operation expects it, and moves address only with its pinned
 * host key ({@link PhoneHomeAdmission}). What a device reports is logged escaped ({@link LogSafe}).
 */
@RestController
@Tag(
    name = "Phone-home",
    description =
        "What a device calls to fetch its bootstrap data and report progress, with its activation secret")
public class PhoneHomeController {
  static final String BASE =
      "/restconf/data/juniper-zerotouch-bootstrap-server:devices/device={serial}";
  private static final Logger LOG = LoggerFactory.getLogger(PhoneHomeController.class);

  /** A progress notification as the device sends it. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Progress(
      @NotBlank @Size(max = 60) @SafeText String type,
      @Size(max = 2000) String message,
      @Size(max = 80) @SafeText String serialNumber,
      @Size(max = 80) @SafeText String model,
      @Size(max = 60) @SafeText String softwareVersion,
      @Size(max = 255) @SafeText String managementAddress,
      @Min(1) @Max(65535) Integer netconfPort,
      @Size(max = 120) @SafeText String hostKeyFingerprint) {}

  private final BootstrapService bootstrap;
  private final DeviceAuthenticator authenticator;
  private final PhoneHomeAdmission admission;
  private final PhoneHomeMessages messages;

  public PhoneHomeController(
      BootstrapService bootstrap,
      DeviceAuthenticator authenticator,
      PhoneHomeAdmission admission,
      PhoneHomeMessages messages) {
    this.bootstrap = bootstrap;
    this.authenticator = authenticator;
    this.admission = admission;
    this.messages = messages;
  }

  @GetMapping(BASE + "/bootstrap-data")
  @Operation(
      summary = "Fetch bootstrap data",
      description =
          "A device, authenticated by serial and activation secret, fetches its bootstrap configuration; unknown and claimed serials answer alike.")
  public Map<String, Object> bootstrapData(
      @PathVariable String serial, HttpServletRequest request) {
    Device device = authenticator.authenticate(serial, request);
    admission.requireExpected(device, "bootstrap request");
    String configuration = bootstrap.bootstrapConfiguration(device);
    LOG.info("Device {} asked for its bootstrap data", LogSafe.of(serial));
    return Map.of(
        "bootstrap-data", Map.of("configuration", configuration, "configurationFormat", "set"));
  }

  /**
   * Not one transaction on purpose: the reachability must be committed before the message wakes the
   * process, or its next worker could look for the device's address too early.
   */
  @PostMapping(BASE + "/progress")
  @Operation(
      summary = "Report progress",
      description =
          "A device reports bootstrap progress or completion, which wakes the operation that waits for it.")
  public ResponseEntity<Void> progress(
      @PathVariable String serial,
      @Valid @RequestBody Progress progress,
      HttpServletRequest request) {
    Device device = authenticator.authenticate(serial, request);
    admission.requireExpected(device, "progress '" + LogSafe.of(progress.type()) + "'");
    LOG.info(
        "Device {} reports {}: {}",
        LogSafe.of(serial),
        LogSafe.of(progress.type()),
        LogSafe.of(progress.message()));
    if ("bootstrap-complete".equals(progress.type())) {
      admission.requireBelievableAddress(
          device,
          progress.managementAddress(),
          progress.netconfPort(),
          progress.hostKeyFingerprint());
      bootstrap.recordReachability(device, progress.managementAddress(), progress.netconfPort());
      try {
        messages.deviceIsUp(device, progress);
      } catch (ClientException e) {
        // the address is committed; the device repeats its notification and wakes the process then
        throw new ApiException(
            HttpStatus.SERVICE_UNAVAILABLE,
            null,
            "The workflow engine is not reachable; retry later");
      }
    }
    return ResponseEntity.noContent().build();
  }
}
