package io.switchboard.api.vnf;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.switchboard.api.common.Filters;
import io.switchboard.api.common.PageResponse;
import io.switchboard.api.common.Paging;
import io.switchboard.api.security.CurrentScope;
import io.switchboard.inventory.vnf.VnfLcmOpOcc;
import java.util.Set;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** VNF lifecycle operation occurrences (SOL003 VnfLcmOpOcc) and their repairs. */
@RestController
@RequestMapping("/api/v1/vnf-lcm-op-occs")
@Tag(
    name = "VNF lifecycle operation occurrences",
    description =
        "Each instantiate or terminate of a VNF instance, its state, its error with the device's"
            + " message, and retry, rollback and fail while FAILED_TEMP")
public class VnfLcmOpOccController {
  private final VnfLcmOpOccService service;

  public VnfLcmOpOccController(VnfLcmOpOccService service) {
    this.service = service;
  }

  @GetMapping
  @Operation(
      summary = "List lifecycle operation occurrences",
      description = "Newest first, optionally of one VNF instance.")
  public PageResponse<VnfLcmOpOccView> list(
      @RequestParam(required = false) String vnfInstanceId, Pageable pageable) {
    return PageResponse.of(
        service.list(
            CurrentScope.get(),
            Filters.<VnfLcmOpOcc>equal("vnfInstanceId", vnfInstanceId),
            Paging.of(pageable, Set.of("startTime"), Sort.by(Sort.Direction.DESC, "startTime"))),
        VnfLcmOpOccView::of);
  }

  @GetMapping("/{id}")
  @Operation(
      summary = "Read a lifecycle operation occurrence",
      description = "Its state reconciled with its operation; 404 outside the caller's scope.")
  public VnfLcmOpOccView get(@PathVariable String id) {
    return VnfLcmOpOccView.of(service.get(CurrentScope.get(), id));
  }

  @PostMapping("/{id}/retry")
  @Operation(
      summary = "Retry a FAILED_TEMP occurrence",
      description = "The failed step runs again; 409 unless FAILED_TEMP.")
  public VnfLcmOpOccView retry(@PathVariable String id) {
    return VnfLcmOpOccView.of(service.retry(CurrentScope.get(), id));
  }

  @PostMapping("/{id}/rollback")
  @Operation(
      summary = "Roll back a FAILED_TEMP occurrence",
      description =
          "The failed step gives up and every earlier step is undone in reverse; the occurrence"
              + " ends ROLLED_BACK. 409 unless FAILED_TEMP.")
  public VnfLcmOpOccView rollback(@PathVariable String id) {
    return VnfLcmOpOccView.of(service.rollback(CurrentScope.get(), id));
  }

  @PostMapping("/{id}/fail")
  @Operation(
      summary = "Mark a FAILED_TEMP occurrence FAILED",
      description = "Its process stops where it is, nothing is undone; 409 unless FAILED_TEMP.")
  public VnfLcmOpOccView fail(@PathVariable String id) {
    return VnfLcmOpOccView.of(service.fail(CurrentScope.get(), id));
  }
}
