package io.switchboard.camel.ssh;

/** A CLI command ran but exited with a non-zero status. */
public class CliCommandException extends RuntimeException {

  private final String deviceId;
  private final CliResult result;

  public CliCommandException(String deviceId, String command, CliResult result) {
    super(
        "device "
            + deviceId
            + ": '"
            + command
            + "' exited with "
            + result.exitStatus()
            + (result.stderr().isBlank() ? "" : ": " + result.stderr().strip()));
    this.deviceId = deviceId;
    this.result = result;
  }

  public String getDeviceId() {
    return deviceId;
  }

  public CliResult getResult() {
    return result;
  }
}
