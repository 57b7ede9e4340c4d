package io.switchboard.camel.junos;

import java.util.Objects;

/**
 * A {@code <request-package-add>}: install a software image the device fetches itself, normally
 * from Switchboard's image store.
 *
 * @param packageUrl where the device fetches the package (URL or path on the device)
 * @param validate check the configuration against the new software first (else {@code no-validate})
 * @param reboot reboot into the new software once installed
 */
public record PackageAdd(String packageUrl, boolean validate, boolean reboot) {

  public PackageAdd {
    Objects.requireNonNull(packageUrl, "packageUrl");
    if (packageUrl.isBlank()) {
      throw new IllegalArgumentException("package URL is empty");
    }
  }
}
