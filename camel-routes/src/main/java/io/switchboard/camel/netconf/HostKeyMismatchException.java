package io.switchboard.camel.netconf;

/**
 * The device presented an SSH host key whose fingerprint differs from the one pinned for it. The
 * connection was refused before any credential was sent. Either the device was replaced or re-keyed
 * (an operator must clear the pin) or someone is in the middle.
 */
public class HostKeyMismatchException extends NetconfException {

  private final String expectedFingerprint;
  private final String presentedFingerprint;

  public HostKeyMismatchException(String deviceId, String expected, String presented) {
    super(
        deviceId,
        "host key changed: pinned fingerprint is "
            + expected
            + " but the device presented "
            + presented
            + "; connection refused (clear the pinned key only if the device was really re-keyed)");
    this.expectedFingerprint = expected;
    this.presentedFingerprint = presented;
  }

  public String getExpectedFingerprint() {
    return expectedFingerprint;
  }

  public String getPresentedFingerprint() {
    return presentedFingerprint;
  }
}
