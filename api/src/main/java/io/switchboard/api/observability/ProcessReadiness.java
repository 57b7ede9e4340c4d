package io.switchboard.api.observability;

import io.switchboard.api.error.ApiException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Whether Switchboard's processes are deployed, so that nothing which needs one is accepted before
 * (the readiness probe says {@code OUT_OF_SERVICE}, and starting an operation answers 503). The
 * application's deployer announces itself with {@link #expectDeployment()} when it is created,
 * before the web server takes requests; without a deployer (the API's own tests, an installation
 * that deploys its processes otherwise) the processes count as deployed.
 */
@Component
public class ProcessReadiness {
  /** Where the deployment stands. */
  public enum State {
    NOT_MANAGED,
    DEPLOYING,
    DEPLOYED,
    FAILED
  }

  private volatile State state = State.NOT_MANAGED;
  private volatile String detail = "processes are deployed outside Switchboard";

  public void expectDeployment() {
    state = State.DEPLOYING;
    detail = "the processes are being deployed";
  }

  public void deployed(String what) {
    state = State.DEPLOYED;
    detail = what;
  }

  public void failed(String reason) {
    state = State.FAILED;
    detail = reason;
  }

  public State state() {
    return state;
  }

  public String detail() {
    return detail;
  }

  public boolean isReady() {
    State now = state;
    return now == State.DEPLOYED || now == State.NOT_MANAGED;
  }

  /** 503 with a sentence that says why and what to do, for requests that would start a process. */
  public void requireReady() {
    if (!isReady()) {
      throw new ApiException(
          HttpStatus.SERVICE_UNAVAILABLE,
          null,
          state == State.FAILED
              ? "Switchboard's processes could not be deployed ("
                  + detail
                  + "); operations cannot start until they are"
              : "Switchboard is starting: its processes are not deployed yet; retry in a few seconds");
    }
  }
}
