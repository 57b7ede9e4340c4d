package io.switchboard.devices.phonehome;

import io.switchboard.devices.image.InstallResult;
import java.util.concurrent.CompletableFuture;

/** What the phone-home client needs from a device. */
public interface PhoneHomeDevice {

  /** The serial the device announces (not its own under the wrong-serial fault). */
  String reportedSerialNumber();

  /** The activation secret sent as the Basic password, or null for none. */
  String activationSecret();

  String productModel();

  String softwareVersion();

  String managementAddress();

  int port();

  String hostKeyFingerprint();

  /** Increases at every boot; a phone-home run stops when the device reboots under it. */
  int bootCount();

  /** Merges the configuration into the candidate and commits it. */
  void applyBootstrapConfiguration(String configuration, String format) throws Exception;

  /** Downloads, verifies and stages an image (URL with {@code #sha256=} fragment). */
  CompletableFuture<InstallResult> installImage(String url);

  void reboot();

  void phoneHomeStatus(PhoneHomeStatus status);
}
