package io.switchboard.devices.image;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A device's software: the running version, the previous one ({@code request-package-rollback} goes
 * back to it), a version staged by {@code request-package-add} that becomes active at the next
 * reboot, and the packages installed so far. Thread-safe.
 */
public final class SoftwareInventory {

  /** An installed or staged package. */
  public record PackageInfo(String name, String version, String source, Instant installed) {}

  private String version;
  private String previousVersion;
  private String pendingVersion;
  private final List<PackageInfo> packages = new ArrayList<>();

  public SoftwareInventory(String version, String baseImageName) {
    this.version = version;
    packages.add(new PackageInfo(baseImageName, version, "factory", Instant.now()));
  }

  public synchronized String version() {
    return version;
  }

  public synchronized String previousVersion() {
    return previousVersion;
  }

  /** The version that becomes active at the next reboot, or null. */
  public synchronized String pendingVersion() {
    return pendingVersion;
  }

  public synchronized List<PackageInfo> packages() {
    return List.copyOf(packages);
  }

  /** Stages a verified package for the next reboot. */
  public synchronized void stage(String packageName, String packageVersion, String source) {
    pendingVersion = packageVersion;
    packages.add(new PackageInfo(packageName, packageVersion, source, Instant.now()));
  }

  /**
   * {@code request-package-rollback}: a staged package is dropped; otherwise the previous version
   * is staged. Returns the version that the next reboot brings, or null when there is nothing to go
   * back to.
   */
  public synchronized String rollback() {
    if (pendingVersion != null) {
      pendingVersion = null;
      return version;
    }
    if (previousVersion == null) {
      return null;
    }
    pendingVersion = previousVersion;
    return pendingVersion;
  }

  /** What the device keeps of its software across a power cycle. */
  public record Saved(
      String version, String previousVersion, String pendingVersion, List<PackageInfo> packages) {}

  public synchronized Saved saved() {
    return new Saved(version, previousVersion, pendingVersion, List.copyOf(packages));
  }

  /**
   * Boots from what {@link #saved} gave (a staged version still waits for {@link
   * #activatePending}).
   */
  public synchronized void restore(Saved saved) {
    version = saved.version();
    previousVersion = saved.previousVersion();
    pendingVersion = saved.pendingVersion();
    packages.clear();
    packages.addAll(saved.packages());
  }

  /** At boot: a staged version becomes the running one. Returns whether the version changed. */
  public synchronized boolean activatePending() {
    if (pendingVersion == null || pendingVersion.equals(version)) {
      pendingVersion = null;
      return false;
    }
    previousVersion = version;
    version = pendingVersion;
    pendingVersion = null;
    return true;
  }
}
