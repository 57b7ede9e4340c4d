package io.switchboard.api.phonehome;

import io.switchboard.api.error.ApiException;
import io.switchboard.api.security.SignInThrottle;
import io.switchboard.inventory.device.Device;
import io.switchboard.inventory.device.DeviceLifecycle;
import io.switchboard.inventory.device.DeviceRepository;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Who is phoning home: the serial in the path, the same serial as the HTTP Basic user and the
 * device's activation secret as password. A request without credentials is asked for them (401);
 * every other failure (unknown serial, unclaimed device, device without a secret, wrong secret,
 * serial locked after repeated wrong secrets) gets one and the same 404, after the same bcrypt
 * work, so neither the status, the body nor the timing tells which serials exist.
 */
@Component
public class DeviceAuthenticator {
  static final Set<DeviceLifecycle> CLAIMED =
      EnumSet.of(
          DeviceLifecycle.PLANNED,
          DeviceLifecycle.ONBOARDING,
          DeviceLifecycle.UPGRADING,
          DeviceLifecycle.ACTIVE);

  private final DeviceRepository devices;
  private final PasswordEncoder encoder;
  private final SignInThrottle throttle;
  private volatile String dummyHash;

  public DeviceAuthenticator(
      DeviceRepository devices, PasswordEncoder encoder, SignInThrottle throttle) {
    this.devices = devices;
    this.encoder = encoder;
    this.throttle = throttle;
  }

  /** The claimed device that authenticated, or an {@link ApiException} (401 or the one 404). */
  public Device authenticate(String serial, HttpServletRequest request) {
    String[] credentials = basicCredentials(request);
    if (credentials == null) {
      throw ApiException.unauthorized(
          "The device must authenticate with its serial number and activation secret");
    }
    Optional<Device> device =
        devices.findBySerialNumber(serial).filter(d -> CLAIMED.contains(d.getLifecycleState()));
    String hash = device.map(Device::getActivationSecretHash).orElse(null);
    boolean blocked = throttle.isSerialBlocked(serial);
    boolean matches = encoder.matches(credentials[1], hash != null ? hash : dummyHash());
    if (device.isEmpty() || hash == null || blocked || !matches || !credentials[0].equals(serial)) {
      if (device.isPresent() && hash != null && !blocked) {
        throttle.serialFailed(serial, request.getRemoteAddr());
      }
      throw notExpected(serial);
    }
    throttle.serialSucceeded(serial);
    return device.get();
  }

  /** The one answer for every serial that is not a claimed device proving itself. */
  static ApiException notExpected(String serial) {
    return new ApiException(
        HttpStatus.NOT_FOUND, null, "No device with serial number '" + serial + "' is expected");
  }

  private String dummyHash() {
    if (dummyHash == null) {
      dummyHash = encoder.encode("no such device: a secret no one has");
    }
    return dummyHash;
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
