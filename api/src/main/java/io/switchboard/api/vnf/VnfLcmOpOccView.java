package io.switchboard.api.vnf;

import io.switchboard.inventory.operation.Operation;
import io.switchboard.inventory.vnf.LcmOperation;
import io.switchboard.inventory.vnf.LcmOperationState;
import io.switchboard.inventory.vnf.VnfLcmOpOcc;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A lifecycle operation occurrence as SOL003's {@code VnfLcmOpOcc}: its error is problem details
 * carrying the device's own message, and {@code _links} offers retry, rollback and fail while it is
 * {@code FAILED_TEMP}.
 */
public record VnfLcmOpOccView(
    String id,
    LcmOperationState operationState,
    Instant stateEnteredTime,
    Instant startTime,
    String vnfInstanceId,
    LcmOperation operation,
    boolean isAutomaticInvocation,
    boolean isCancelPending,
    String operationId,
    String currentStep,
    ProblemDetails error,
    Map<String, Link> _links) {

  /** RFC 9457 problem details, as SOL013 uses them. */
  public record ProblemDetails(String type, String title, int status, String detail) {}

  public record Link(String href) {}

  static final String BASE = "/api/v1/vnf-lcm-op-occs/";

  static VnfLcmOpOccView of(VnfLcmOpOccService.Occurrence o) {
    VnfLcmOpOcc occ = o.occ();
    Operation operation = o.operation();
    LcmOperationState state = o.state();
    Map<String, Link> links = new LinkedHashMap<>();
    links.put("self", new Link(BASE + occ.getId()));
    links.put("vnfInstance", new Link("/api/v1/vnf-instances/" + occ.getVnfInstanceId()));
    if (operation != null) {
      links.put("operation", new Link("/api/v1/operations/" + operation.getId()));
    }
    if (state == LcmOperationState.FAILED_TEMP) {
      links.put("retry", new Link(BASE + occ.getId() + "/retry"));
      links.put("rollback", new Link(BASE + occ.getId() + "/rollback"));
      links.put("fail", new Link(BASE + occ.getId() + "/fail"));
    }
    Instant entered = occ.getStateEnteredTime();
    if (state != occ.getOperationState() && operation != null) {
      entered =
          operation.getFinishedAt() != null ? operation.getFinishedAt() : operation.getUpdatedAt();
    }
    return new VnfLcmOpOccView(
        occ.getId(),
        state,
        entered,
        occ.getStartTime(),
        occ.getVnfInstanceId(),
        occ.getOperation(),
        false,
        false,
        occ.getOperationId(),
        operation == null ? null : operation.getCurrentStep(),
        error(occ, operation, state),
        links);
  }

  private static ProblemDetails error(
      VnfLcmOpOcc occ, Operation operation, LcmOperationState state) {
    if (occ.getErrorDetail() != null) {
      return new ProblemDetails(
          "about:blank", occ.getErrorTitle(), occ.getErrorStatus(), occ.getErrorDetail());
    }
    if (operation == null) {
      return null;
    }
    return switch (state) {
      case FAILED_TEMP ->
          new ProblemDetails(
              "about:blank",
              "A step failed and waits for retry, rollback or fail",
              503,
              operation.getAttentionMessage());
      case FAILED ->
          new ProblemDetails(
              "about:blank", "Lifecycle operation failed", 500, operation.getError());
      default -> null;
    };
  }
}
