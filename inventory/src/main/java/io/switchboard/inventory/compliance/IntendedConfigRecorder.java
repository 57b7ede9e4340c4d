package io.switchboard.inventory.compliance;

import io.switchboard.inventory.device.Device;
import io.switchboard.inventory.device.DeviceRepository;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records what Switchboard committed to a device as its intended configuration. Every feature that
 * commits configuration calls {@link #committed} after the commit is final (a confirmed commit:
 * after its confirmation), naming its part, so the compliance check can say which operation last
 * wrote a drifted line.
 */
@Service
public class IntendedConfigRecorder {
  /**
   * What the device ran when onboarding first connected (factory default and bootstrap), before
   * Switchboard's first commit.
   */
  public static final String PART_BASELINE = "device-baseline";

  /** Parts written by onboarding. */
  public static final String PART_ZTP_STAGE1 = "ztp-stage1";

  public static final String PART_SITE = "site";

  private final IntendedConfigRepository parts;
  private final DeviceRepository devices;

  public IntendedConfigRecorder(IntendedConfigRepository parts, DeviceRepository devices) {
    this.parts = parts;
    this.devices = devices;
  }

  /**
   * Replaces the device's {@code part} with {@code configuration} (Junos {@code set} lines; blank
   * lines and {@code #} comments are dropped).
   */
  @Transactional
  public IntendedConfig committed(
      String deviceId,
      String part,
      String configuration,
      String operationId,
      Long processInstanceKey) {
    Device device =
        devices
            .findById(deviceId)
            .orElseThrow(() -> new IllegalArgumentException("no device " + deviceId));
    IntendedConfig intended =
        parts
            .findByDeviceIdAndPart(deviceId, part)
            .orElseGet(() -> new IntendedConfig(device.getTenantId(), deviceId, part));
    intended.written(normalized(configuration), operationId, processInstanceKey);
    return parts.save(intended);
  }

  /**
   * The device no longer has {@code part}: the feature that wrote it removed its configuration (a
   * VNF terminated). Nothing happens when there is no such part.
   */
  @Transactional
  public void removed(String deviceId, String part) {
    parts.findByDeviceIdAndPart(deviceId, part).ifPresent(parts::delete);
  }

  /** The device's intended parts, by name. */
  @Transactional(readOnly = true)
  public List<IntendedConfig> of(String deviceId) {
    return parts.findByDeviceIdOrderByPartAsc(deviceId);
  }

  /** The device's intended parts, oldest write first (the order they merge in). */
  @Transactional(readOnly = true)
  public List<IntendedConfig> inWriteOrder(String deviceId) {
    return parts.findByDeviceIdOrderByUpdatedAtAsc(deviceId);
  }

  static String normalized(String configuration) {
    return configuration
        .lines()
        .map(String::strip)
        .filter(line -> !line.isEmpty() && !line.startsWith("#"))
        .collect(Collectors.joining("\n"));
  }
}
