package io.switchboard.devices.phonehome;

import java.time.Instant;

/** Where a device stands with phone-home, for tests and the runnable's log. */
public record PhoneHomeStatus(State state, int attempts, String message, Instant at) {

  /** Phases of one phone-home run. */
  public enum State {
    /** Never phoned home (no orchestrator URL). */
    IDLE,
    /** Asking for bootstrap data, retrying while the server answers 404 or is down. */
    REQUESTING,
    /** Got bootstrap data, applying it. */
    APPLYING,
    /** Installed an image from the bootstrap data and is rebooting into it. */
    REBOOTING,
    COMPLETE,
    /** The bootstrap data could not be applied (reported to the server as bootstrap-failed). */
    FAILED,
    /** No bootstrap data after the last retry, or the server refused the credentials. */
    GAVE_UP
  }

  public static PhoneHomeStatus idle() {
    return new PhoneHomeStatus(State.IDLE, 0, "not started", Instant.now());
  }

  static PhoneHomeStatus of(State state, int attempts, String message) {
    return new PhoneHomeStatus(state, attempts, message, Instant.now());
  }
}
