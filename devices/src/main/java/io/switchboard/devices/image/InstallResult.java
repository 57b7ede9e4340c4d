package io.switchboard.devices.image;

/**
 * The outcome of {@code request-package-add}: {@code packageResult} 0 is success (the Junos
 * convention), {@code output} the text the device prints, {@code version} the staged version.
 */
public record InstallResult(int packageResult, String output, String version) {

  public boolean succeeded() {
    return packageResult == 0;
  }

  static InstallResult failed(String output) {
    return new InstallResult(1, output, null);
  }
}
