package io.switchboard.api.campaign;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.switchboard.api.common.Filters;
import io.switchboard.api.common.PageResponse;
import io.switchboard.api.common.Paging;
import io.switchboard.api.common.SafeText;
import io.switchboard.api.security.CurrentScope;
import io.switchboard.inventory.campaign.CampaignDevice;
import io.switchboard.inventory.campaign.CampaignDeviceStatus;
import io.switchboard.inventory.campaign.CampaignState;
import io.switchboard.inventory.campaign.UpgradeCampaign;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Upgrade campaigns: a software image rolled out to many devices of a tenant, in waves. */
@RestController
@Tag(
    name = "Upgrade campaigns",
    description =
        "Software upgrades of many devices in waves (canary first), with failure budgets, soak and"
            + " health gate, approvals between waves and a maintenance window")
@RequestMapping("/api/v1/upgrade-campaigns")
public class CampaignController {

  /** Which of the tenant's devices: every list given must match (empty or absent: any). */
  public record Selection(
      @Size(max = 1000) List<@NotBlank @Size(max = 36) String> siteIds,
      @Size(max = 100) List<@NotBlank @Size(max = 36) String> modelIds,
      @Size(max = 100) List<@NotBlank @Size(max = 60) String> currentVersions,
      @Size(max = 10000) List<@NotBlank @Size(max = 36) String> deviceIds) {}

  public record Window(Instant start, Instant end) {}

  public record CampaignRequest(
      @NotBlank @Size(max = 36) @SafeText String tenantId,
      @NotBlank @Size(max = 120) @SafeText String name,
      @NotBlank @Size(max = 36) @SafeText String imageId,
      @Valid Selection selection,
      @Size(max = 100) List<@NotBlank @Size(max = 36) String> canaryDeviceIds,
      @Schema(
              description =
                  "Wave sizes as Ansible's serial: counts or percentages; the first is the canary,"
                      + " the last repeats",
              example = "[1, 5, \"20%\"]")
          @Size(max = 50)
          List<Object> serial,
      @DecimalMin("0") @DecimalMax("100") Double maxFailurePercent,
      @DecimalMin("0") @DecimalMax("100") Double campaignMaxFailurePercent,
      @Size(max = 40) String soakTime,
      Boolean approvalRequired,
      @Size(max = 120) @SafeText String approver,
      @Valid Window window,
      @Size(max = 40) String rebootTimeout,
      @Schema(
              description =
                  "How many of a wave's devices upgrade at once (default 20); pause, cancel and the"
                      + " maintenance window take effect before each such group")
          @Min(1)
          @Max(10000)
          Integer maxParallel) {}

  public record DeviceView(
      String deviceId,
      CampaignDeviceStatus status,
      String message,
      Instant startedAt,
      Instant finishedAt) {
    static DeviceView of(CampaignDevice d) {
      return new DeviceView(
          d.getDeviceId(), d.getStatus(), d.getMessage(), d.getStartedAt(), d.getFinishedAt());
    }
  }

  public record WaveView(int number, boolean canary, List<DeviceView> devices) {}

  public record CampaignSummary(
      String id,
      String tenantId,
      String name,
      String imageId,
      String targetVersion,
      CampaignState state,
      String stopReason,
      String operationId,
      String requestedBy,
      Instant createdAt,
      Instant updatedAt) {
    static CampaignSummary of(UpgradeCampaign c) {
      return new CampaignSummary(
          c.getId(),
          c.getTenantId(),
          c.getName(),
          c.getImageId(),
          c.getTargetVersion(),
          c.getState(),
          c.getStopReason(),
          c.getOperationId(),
          c.getRequestedBy(),
          c.getCreatedAt(),
          c.getUpdatedAt());
    }
  }

  public record CampaignView(
      CampaignSummary campaign,
      double maxFailurePercent,
      double campaignMaxFailurePercent,
      String soakTime,
      Integer maxParallel,
      boolean approvalRequired,
      String approver,
      Window window,
      String currentStep,
      Map<CampaignDeviceStatus, Integer> counts,
      List<WaveView> waves,
      List<DeviceView> skipped) {
    static CampaignView of(CampaignService.Detail detail) {
      UpgradeCampaign c = detail.campaign();
      Map<Integer, List<DeviceView>> byWave = new TreeMap<>();
      List<DeviceView> skipped = new ArrayList<>();
      Map<CampaignDeviceStatus, Integer> counts = new EnumMap<>(CampaignDeviceStatus.class);
      for (CampaignDeviceStatus s : CampaignDeviceStatus.values()) {
        counts.put(s, 0);
      }
      for (CampaignDevice d : detail.devices()) {
        counts.merge(d.getStatus(), 1, Integer::sum);
        if (d.getWaveNumber() == 0) {
          skipped.add(DeviceView.of(d));
        } else {
          byWave.computeIfAbsent(d.getWaveNumber(), n -> new ArrayList<>()).add(DeviceView.of(d));
        }
      }
      List<WaveView> waves = new ArrayList<>();
      byWave.forEach((n, devices) -> waves.add(new WaveView(n, n == 1, devices)));
      return new CampaignView(
          CampaignSummary.of(c),
          c.getMaxFailurePercent(),
          c.getCampaignMaxFailurePercent(),
          c.getSoakTime(),
          detail.maxParallel(),
          c.isApprovalRequired(),
          c.getApprover(),
          c.getWindowStart() == null && c.getWindowEnd() == null
              ? null
              : new Window(c.getWindowStart(), c.getWindowEnd()),
          detail.operation() == null ? null : detail.operation().getCurrentStep(),
          counts,
          waves,
          skipped);
    }
  }

  public record ApprovalRequest(
      @NotNull Boolean approved, @Size(max = 500) @SafeText String comment) {}

  private final CampaignService service;

  public CampaignController(CampaignService service) {
    this.service = service;
  }

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(
      summary = "Start an upgrade campaign",
      description =
          "Selects the tenant's devices, plans the waves (topology-aware: never both hubs of an"
              + " overlay, never a hub with its single-homed spokes), records the campaign and"
              + " starts its operation (fleet-upgrade) after the commit. Devices already on the"
              + " image's version, of another model family or not active are SKIPPED.")
  public CampaignView create(@Valid @RequestBody CampaignRequest request) {
    return CampaignView.of(service.create(CurrentScope.get(), request));
  }

  @GetMapping
  @Operation(
      summary = "List upgrade campaigns",
      description = "A page of the campaigns in the caller's scope, by tenant and state.")
  public PageResponse<CampaignSummary> list(
      @RequestParam(required = false) String tenantId,
      @RequestParam(required = false) CampaignState state,
      Pageable pageable) {
    return PageResponse.of(
        service.list(
            CurrentScope.get(),
            Filters.<UpgradeCampaign>equal("tenantId", tenantId).and(Filters.equal("state", state)),
            Paging.of(
                pageable,
                Set.of("createdAt", "name", "state"),
                Sort.by(Sort.Direction.DESC, "createdAt"))),
        CampaignSummary::of);
  }

  @GetMapping("/{id}")
  @Operation(
      summary = "Read an upgrade campaign",
      description =
          "The campaign with its waves and each device's status (NOT_STARTED, RUNNING, UPGRADED,"
              + " FAILED with the device's message, SKIPPED); 404 outside the caller's scope.")
  public CampaignView get(@PathVariable String id) {
    return CampaignView.of(service.get(CurrentScope.get(), id));
  }

  @PostMapping("/{id}/pause")
  @Operation(
      summary = "Pause a campaign",
      description =
          "No further device starts until it is resumed: inside a wave, the devices already"
              + " started (at most maxParallel) finish or roll back and the rest stay NOT_STARTED."
              + " 409 once it has ended or when paused already.")
  public CampaignView pause(@PathVariable String id) {
    return CampaignView.of(service.pause(CurrentScope.get(), id));
  }

  @PostMapping("/{id}/resume")
  @Operation(summary = "Resume a paused campaign", description = "409 when it is not paused.")
  public CampaignView resume(@PathVariable String id) {
    return CampaignView.of(service.resume(CurrentScope.get(), id));
  }

  @PostMapping("/{id}/cancel")
  @Operation(
      summary = "Cancel a campaign",
      description =
          "Starts no further device; device upgrades under way finish or roll back, never"
              + " half-done; devices not reached stay NOT_STARTED. The campaign ends CANCELLED.")
  public CampaignView cancel(@PathVariable String id) {
    return CampaignView.of(service.cancel(CurrentScope.get(), id));
  }

  @PostMapping("/{id}/approve")
  @Operation(
      summary = "Approve or refuse the next wave",
      description =
          "Completes the campaign's open approval user task (the same task a Tasklist user"
              + " completes); a refusal stops the campaign. 409 when no approval is open or it is"
              + " assigned to someone else.")
  public CampaignView approve(
      @PathVariable String id, @Valid @RequestBody ApprovalRequest request) {
    return CampaignView.of(
        service.approve(CurrentScope.get(), id, request.approved(), request.comment()));
  }
}
