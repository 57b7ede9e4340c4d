package io.switchboard.api.phonehome;

import io.switchboard.api.error.ApiException;
import io.switchboard.api.logging.LogSafe;
import io.switchboard.inventory.device.Device;
import io.switchboard.inventory.device.DeviceLifecycle;
import io.switchboard.inventory.operation.Operation;
import io.switchboard.inventory.operation.OperationRepository;
import io.switchboard.inventory.operation.OperationState;
import io.switchboard.workflows.upgrade.DeviceUpgrade;
import io.switchboard.workflows.ztp.ZtpOnboarding;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * What an authenticated device may do by phoning home. A device in service ({@code ACTIVE}) may be
 * bootstrapped again only while an operation expects it to phone home: an onboarding an admin
 * started again, or an upgrade waiting for the device to come back from its reboot. And an address
 * a device reports is believed only from the device whose SSH host key is pinned: once a key is
 * pinned, a new address or port must come with the same fingerprint. Everything else is refused and
 * logged.
 */
@Component
public class PhoneHomeAdmission {
  private static final Logger LOG = LoggerFactory.getLogger(PhoneHomeAdmission.class);

  /** The processes that wait for a device to phone home. */
  static final Set<String> EXPECTING = Set.of(ZtpOnboarding.PROCESS_ID, DeviceUpgrade.PROCESS_ID);

  static final String TARGET_DEVICE = Operation.TARGET_DEVICE;

  private final OperationRepository operations;

  public PhoneHomeAdmission(OperationRepository operations) {
    this.operations = operations;
  }

  /** Throws 403 when the device is in service and no operation expects it to phone home. */
  public void requireExpected(Device device, String what) {
    if (device.getLifecycleState() != DeviceLifecycle.ACTIVE) {
      return;
    }
    Optional<Operation> holding =
        operations.findFirstByTargetKindAndTargetIdAndStateIn(
            TARGET_DEVICE, device.getId(), OperationState.ACTIVE);
    if (holding.isPresent() && EXPECTING.contains(holding.get().getType())) {
      return;
    }
    LOG.warn(
        "Refused {} from device {}: it is in service and no operation expects it to phone home"
            + " (holding operation: {})",
        what,
        LogSafe.of(device.getSerialNumber()),
        holding.map(o -> LogSafe.of(o.getType())).orElse("none"));
    throw new ApiException(
        HttpStatus.FORBIDDEN,
        null,
        "The device is in service and no operation expects it to phone home");
  }

  /**
   * Throws 409 when the report would move the device to another address or port although its pinned
   * host key is not the one reported. Before a key is pinned (first onboarding) the authenticated
   * device is believed, as the first SSH connection then pins its key.
   */
  public void requireBelievableAddress(
      Device device, String address, Integer port, String fingerprint) {
    String pinned = device.getSshHostKeyFingerprint();
    boolean moves =
        (address != null && !address.equals(device.getManagementAddress()))
            || (port != null && !port.equals(device.getNetconfPort()));
    if (pinned == null || !moves || Objects.equals(pinned, fingerprint)) {
      return;
    }
    LOG.warn(
        "Refused address change of device {} to {}:{}: reported host key {} is not the pinned {}",
        LogSafe.of(device.getSerialNumber()),
        LogSafe.of(address),
        port,
        LogSafe.of(fingerprint),
        LogSafe.of(pinned));
    throw new ApiException(
        HttpStatus.CONFLICT,
        "hostKeyFingerprint",
        "does not match the host key pinned for this device; the new address is not believed");
  }
}
