package io.switchboard.camel.netconf;

import java.time.Duration;

/** The device (or the session pool) did not answer within the configured time. */
public class NetconfTimeoutException extends NetconfException {

  private final String phase;
  private final Duration timeout;

  public NetconfTimeoutException(String deviceId, String phase, Duration timeout) {
    super(deviceId, phase + " did not complete within " + timeout.toMillis() + " ms");
    this.phase = phase;
    this.timeout = timeout;
  }

  /**
   * What timed out: {@code connect}, {@code hello}, {@code rpc <operation>} or {@code session
   * wait}.
   */
  public String getPhase() {
    return phase;
  }

  public Duration getTimeout() {
    return timeout;
  }
}
