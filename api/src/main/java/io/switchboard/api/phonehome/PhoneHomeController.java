package io.switchboard.api.phonehome;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.switchboard.api.error.ApiException;
import io.switchboard.inventory.device.Device;
import io.switchboard.inventory.device.DeviceLifecycle;
import io.switchboard.inventory.device.DeviceRepository;
import io.switchboard.inventory.site.Site;
import io.switchboard.inventory.site.SiteRepository;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The device phone-home endpoint, shaped like Juniper's zero-touch bootstrap server: a
 * factory-default device GETs its bootstrap data by serial number (HTTP Basic, the serial as user
 * name and its activation secret as password), then POSTs progress notifications. A completed
 * bootstrap is handed to the waiting process as a message correlated by serial. Unclaimed serials
 * get 404, as the real server answers them.
 */
@RestController
public class PhoneHomeController {
  static final String BASE =
      "/restconf/data/juniper-zerotouch-bootstrap-server:devices/device={serial}";
  private static final Logger LOG = LoggerFactory.getLogger(PhoneHomeController.class);
  private static final Set<DeviceLifecycle> CLAIMED =
      EnumSet.of(
          DeviceLifecycle.PLANNED,
          DeviceLifecycle.ONBOARDING,
          DeviceLifecycle.UPGRADING,
          DeviceLifecycle.ACTIVE);

  /** A progress notification as the device sends it. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Progress(
      String type,
      String message,
      String serialNumber,
      String model,
      String softwareVersion,
      String managementAddress,
      Integer netconfPort,
      String hostKeyFingerprint) {}

  private final DeviceRepository devices;
  private final SiteRepository sites;
  private final PasswordEncoder encoder;
  private final PhoneHomeMessages messages;

  public PhoneHomeController(
      DeviceRepository devices,
      SiteRepository sites,
      PasswordEncoder encoder,
      PhoneHomeMessages messages) {
    this.devices = devices;
    this.sites = sites;
    this.encoder = encoder;
    this.messages = messages;
  }

  @GetMapping(BASE + "/bootstrap-data")
  public Map<String, Object> bootstrapData(
      @PathVariable String serial, HttpServletRequest request) {
    Device device = authenticate(serial, request);
    String hostName =
        sites
            .findById(device.getSiteId() == null ? "" : device.getSiteId())
            .map(Site::getName)
            .orElse(serial)
            .replaceAll("[^A-Za-z0-9-]", "-");
    String configuration =
        String.join(
            "\n",
            "set system host-name " + hostName,
            "set system services netconf ssh",
            "set system services netconf rfc-compliant");
    LOG.info("Device {} asked for its bootstrap data", serial);
    return Map.of(
        "bootstrap-data", Map.of("configuration", configuration, "configurationFormat", "set"));
  }

  /**
   * Not one transaction on purpose: the reachability must be committed before the message wakes the
   * process, or its next worker could look for the device's address too early.
   */
  @PostMapping(BASE + "/progress")
  public ResponseEntity<Void> progress(
      @PathVariable String serial, @RequestBody Progress progress, HttpServletRequest request) {
    Device device = authenticate(serial, request);
    if (progress.type() == null) {
      throw ApiException.invalid("type", "is required");
    }
    LOG.info("Device {} reports {}: {}", serial, progress.type(), progress.message());
    if ("bootstrap-complete".equals(progress.type())) {
      devices.updateReachability(
          device.getId(),
          progress.managementAddress() != null
              ? progress.managementAddress()
              : device.getManagementAddress(),
          progress.netconfPort() != null ? progress.netconfPort() : device.getNetconfPort());
      messages.deviceIsUp(device, progress);
    }
    return ResponseEntity.noContent().build();
  }

  /** Serial plus activation secret (when the device has one); anything else looks unclaimed. */
  private Device authenticate(String serial, HttpServletRequest request) {
    Device device =
        devices
            .findBySerialNumber(serial)
            .filter(d -> CLAIMED.contains(d.getLifecycleState()))
            .orElseThrow(
                () ->
                    new ApiException(
                        HttpStatus.NOT_FOUND,
                        null,
                        "No device with serial number '" + serial + "' is expected"));
    String[] credentials = basicCredentials(request);
    if (credentials == null || !credentials[0].equals(serial)) {
      throw new ApiException(
          HttpStatus.UNAUTHORIZED, null, "The device must authenticate with its serial number");
    }
    if (device.getActivationSecretHash() != null
        && !encoder.matches(credentials[1], device.getActivationSecretHash())) {
      throw new ApiException(HttpStatus.UNAUTHORIZED, null, "Wrong activation secret");
    }
    return device;
  }

  private static String[] basicCredentials(HttpServletRequest request) {
    String header = request.getHeader(HttpHeaders.AUTHORIZATION);
    if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
      return null;
    }
    try {
      String decoded =
          new String(
              Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
      int colon = decoded.indexOf(':');
      return colon < 0
          ? new String[] {decoded, ""}
          : new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)};
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
