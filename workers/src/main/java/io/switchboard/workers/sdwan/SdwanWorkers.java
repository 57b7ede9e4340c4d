package io.switchboard.workers.sdwan;

import static io.switchboard.workers.device.OnFailure.raise;

import io.camunda.client.annotation.CustomHeaders;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.VariablesAsType;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.exception.CamundaError;
import io.switchboard.camel.junos.CommitConfiguration;
import io.switchboard.camel.junos.IpsecSecurityAssociation;
import io.switchboard.inventory.device.Device;
import io.switchboard.inventory.sdwan.Overlay;
import io.switchboard.inventory.sdwan.OverlayMember;
import io.switchboard.inventory.sdwan.Tunnel;
import io.switchboard.inventory.sdwan.plan.PlanException;
import io.switchboard.inventory.sdwan.planning.OverlayPlanning;
import io.switchboard.inventory.sdwan.render.JunosSdwanRenderer;
import io.switchboard.inventory.sdwan.sla.ProbeReading;
import io.switchboard.inventory.sdwan.sla.TunnelSla;
import io.switchboard.workers.device.DeviceDriver;
import io.switchboard.workflows.operation.OperationContract;
import io.switchboard.workflows.sdwan.SdwanProcesses;
import io.switchboard.workflows.sdwan.SdwanRollout;
import io.switchboard.workflows.sdwan.SdwanRolloutVariables;
import io.switchboard.workflows.ztp.ZtpOnboardingVariables;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The steps of sdwan-rollout (docs/sdwan.md). Configuration comes from {@link OverlayPlanning}
 * (pre-shared keys read from the inventory here, never from a process variable); devices are
 * reached through the Junos routes.
 */
@Component
public class SdwanWorkers {
  private static final Logger LOG = LoggerFactory.getLogger(SdwanWorkers.class);
  static final int CONFIRM_MINUTES = 10;

  private final OverlayPlanning planning;
  private final SdwanRollouts rollouts;
  private final DeviceDriver driver;
  private final SdwanDevices sdwanDevices;
  private final OverlayAutoJoin autoJoin;
  private final TunnelSla sla;
  private final OverlayIntendedParts intendedParts;
  private final Duration verifyInterval;

  public SdwanWorkers(
      OverlayPlanning planning,
      SdwanRollouts rollouts,
      DeviceDriver driver,
      SdwanDevices sdwanDevices,
      OverlayAutoJoin autoJoin,
      TunnelSla sla,
      OverlayIntendedParts intendedParts,
      @Value("${switchboard.sdwan.verify-interval:PT1S}") Duration verifyInterval) {
    this.planning = planning;
    this.rollouts = rollouts;
    this.driver = driver;
    this.sdwanDevices = sdwanDevices;
    this.autoJoin = autoJoin;
    this.sla = sla;
    this.intendedParts = intendedParts;
    this.verifyInterval = verifyInterval;
  }

  @JobWorker(type = SdwanRollout.JOB_PLAN)
  public Map<String, Object> plan(ActivatedJob job, @VariablesAsType SdwanRolloutVariables v) {
    OverlayPlanning.Persisted plan;
    try {
      plan = planning.persist(v.overlayId());
    } catch (PlanException e) {
      throw CamundaError.bpmnError(
          SdwanRollout.ERROR_PLAN_FAILED,
          e.getMessage(),
          Map.of(OperationContract.VAR_FAILURE_REASON, e.getMessage()));
    }
    int batchSize = v.batchSize() == null ? SdwanProcesses.DEFAULT_BATCH_SIZE : v.batchSize();
    String subject = SdwanProcesses.ROLLOUT.equals(job.getBpmnProcessId()) ? null : v.siteId();
    SdwanRollouts.Work work =
        rollouts.start(v.overlayId(), plan.touchedSites(), batchSize, subject);
    Map<String, Object> out = new HashMap<>();
    out.put(SdwanRollout.VAR_HUB_SITE_IDS, work.hubs());
    out.put(SdwanRollout.VAR_SPOKE_BATCHES, work.spokeBatches());
    out.put(SdwanRollout.VAR_ABORT, false);
    return out;
  }

  /** Pending deletes, then the site's whole overlay stanza set, committed confirmed. */
  @JobWorker(type = SdwanRollout.JOB_CONFIGURE_SITE)
  public void configureSite(ActivatedJob job, @VariablesAsType SdwanRolloutVariables v) {
    Device device = device(v.siteId());
    List<String> lines = planning.configurationFor(v.overlayId(), v.siteId());
    driver.push(
        device.getId(),
        String.join("\n", lines),
        CommitConfiguration.confirmed(CONFIRM_MINUTES, "switchboard sdwan " + v.operationId()),
        raise(SdwanRollout.ERROR_SITE_FAILED, job));
    rollouts.mark(v.overlayId(), v.siteId(), SdwanRollouts.CONFIGURED, null);
  }

  /** The device discarded the refused change; the member keeps the device's message. */
  @JobWorker(type = SdwanRollout.JOB_RECORD_SITE_FAILURE)
  public void recordSiteFailure(@VariablesAsType SdwanRolloutVariables v) {
    rollouts.mark(v.overlayId(), v.siteId(), SdwanRollouts.FAILED, v.failureReason());
    LOG.warn(
        "SD-WAN overlay {}: site {} failed: {}",
        v.overlayId(),
        rollouts.siteName(v.siteId()),
        v.failureReason());
  }

  /** A join configures one spoke: its failure aborts the join; a rollout counts its spokes. */
  @JobWorker(type = SdwanRollout.JOB_CHECK_FAILURES)
  public Map<String, Object> checkFailures(
      ActivatedJob job, @VariablesAsType SdwanRolloutVariables v) {
    if (SdwanProcesses.SITE_JOIN.equals(job.getBpmnProcessId())) {
      return Map.of(
          SdwanRollout.VAR_ABORT, rollouts.isIn(v.overlayId(), v.siteId(), SdwanRollouts.FAILED));
    }
    int threshold =
        v.failureThresholdPercent() == null
            ? SdwanProcesses.DEFAULT_FAILURE_THRESHOLD
            : v.failureThresholdPercent();
    return Map.of(SdwanRollout.VAR_ABORT, rollouts.thresholdPassed(v.overlayId(), threshold));
  }

  /**
   * Every tunnel whose ends are both configured must be up on both devices. Tunnels take a moment
   * to negotiate: while some are down the job fails with a retry after {@code
   * switchboard.sdwan.verify-interval} (its retries are the attempts), and the last attempt raises
   * TUNNELS_DOWN with the devices' reasons. Once all are up, their SLA is measured and recorded.
   */
  @JobWorker(type = SdwanRollout.JOB_VERIFY_TUNNELS)
  public Map<String, Object> verifyTunnels(
      ActivatedJob job, @VariablesAsType SdwanRolloutVariables v) {
    List<Tunnel> tunnels = rollouts.tunnelsToVerify(v.overlayId());
    List<String> down = downTunnels(job, tunnels);
    if (down.isEmpty()) {
      return Map.of(
          "tunnelsVerified", tunnels.size(), "tunnelsMeasured", measureSla(job, v, tunnels));
    }
    String reason =
        down.size()
            + " of "
            + tunnels.size()
            + " tunnels down: "
            + String.join("; ", down.subList(0, Math.min(5, down.size())));
    if (job.getRetries() > 1) {
      throw CamundaError.jobError(reason, Map.of(), job.getRetries() - 1, verifyInterval, null);
    }
    throw CamundaError.bpmnError(
        SdwanRollout.ERROR_TUNNELS_DOWN,
        reason,
        Map.of(OperationContract.VAR_FAILURE_REASON, reason));
  }

  /**
   * With every tunnel up, what each end's RPM probes measure over it is recorded on the tunnel (an
   * SLA miss does not fail the rollout: steering moves traffic off the tunnel, docs/sdwan.md).
   */
  private int measureSla(ActivatedJob job, SdwanRolloutVariables v, List<Tunnel> tunnels) {
    Map<String, List<ProbeReading>> bySite = new HashMap<>();
    for (Tunnel t : tunnels) {
      for (String site : List.of(t.getASiteId(), t.getBSiteId())) {
        bySite.computeIfAbsent(
            site,
            s ->
                sdwanDevices.probeResults(
                    device(s).getId(), raise(SdwanRollout.ERROR_TUNNELS_DOWN, job)));
      }
    }
    return sla.record(v.overlayId(), bySite, Instant.now());
  }

  private List<String> downTunnels(ActivatedJob job, List<Tunnel> tunnels) {
    Map<String, Map<String, IpsecSecurityAssociation>> bySite = new HashMap<>();
    List<String> down = new ArrayList<>();
    for (Tunnel t : tunnels) {
      String vpn = JunosSdwanRenderer.tunnelName(t.getSt0Unit());
      for (String site : List.of(t.getASiteId(), t.getBSiteId())) {
        Map<String, IpsecSecurityAssociation> sas =
            bySite.computeIfAbsent(site, s -> associations(job, s));
        IpsecSecurityAssociation sa = sas.get(vpn);
        if (sa == null || !sa.isUp()) {
          down.add(
              "tunnel "
                  + t.getNumber()
                  + " at "
                  + rollouts.siteName(site)
                  + ": "
                  + (sa == null ? "not configured" : String.valueOf(sa.downReason())));
          break;
        }
      }
    }
    return down;
  }

  private Map<String, IpsecSecurityAssociation> associations(ActivatedJob job, String siteId) {
    Map<String, IpsecSecurityAssociation> byName = new LinkedHashMap<>();
    for (IpsecSecurityAssociation sa :
        sdwanDevices.ipsecAssociations(
            device(siteId).getId(), raise(SdwanRollout.ERROR_TUNNELS_DOWN, job))) {
      byName.put(sa.vpnName(), sa);
    }
    return byName;
  }

  /**
   * Confirms every configured member's commit (a member confirmed is CONFIRMED, so a retried job
   * does not commit it again), and only once all are confirmed records their intended parts and
   * marks their deletes done: when a later member's confirmation fails, the undo puts the earlier
   * ones back on the device and their recorded parts are still the ones they run again.
   */
  @JobWorker(type = SdwanRollout.JOB_CONFIRM_SITES)
  public void confirmSites(ActivatedJob job, @VariablesAsType SdwanRolloutVariables v) {
    for (OverlayMember m : rollouts.inState(v.overlayId(), SdwanRollouts.CONFIGURED)) {
      String deviceId = device(m.getSiteId()).getId();
      driver.commit(
          deviceId, CommitConfiguration.confirm(), raise(SdwanRollout.ERROR_SITE_FAILED, job));
      rollouts.mark(v.overlayId(), m.getSiteId(), SdwanRollouts.CONFIRMED, null);
    }
    for (OverlayMember m : rollouts.inState(v.overlayId(), SdwanRollouts.CONFIRMED)) {
      String deviceId = device(m.getSiteId()).getId();
      intendedParts.confirmed(
          v.overlayId(), m.getSiteId(), deviceId, v.operationId(), job.getProcessInstanceKey());
      rollouts.confirmed(v.overlayId(), m.getSiteId());
    }
  }

  /**
   * Compensation: every site this rollout configured goes back to what it ran before — one commit
   * back for a member whose commit confirmed is pending, two for one already confirmed (the
   * confirming commit is a commit of its own).
   */
  @JobWorker(type = SdwanRollout.JOB_UNDO_SITES)
  public void undoSites(ActivatedJob job, @VariablesAsType SdwanRolloutVariables v) {
    List<String> undone = new ArrayList<>();
    for (OverlayMember m :
        rollouts.inState(v.overlayId(), SdwanRollouts.CONFIGURED, SdwanRollouts.CONFIRMED)) {
      driver.rollback(
          device(m.getSiteId()).getId(),
          SdwanRollouts.CONFIRMED.equals(m.getState()) ? 2 : 1,
          "switchboard sdwan undo " + v.operationId(),
          raise(SdwanRollout.ERROR_SITE_FAILED, job));
      undone.add(m.getSiteId());
    }
    rollouts.undone(v.overlayId(), undone);
  }

  /** Site leave: the overlay's whole configuration off the site, then the member LEFT. */
  @JobWorker(type = SdwanRollout.JOB_REMOVE_SITE)
  public void removeSite(ActivatedJob job, @VariablesAsType SdwanRolloutVariables v) {
    List<String> lines = planning.removalFor(v.overlayId(), v.siteId());
    if (!lines.isEmpty()) {
      String deviceId = device(v.siteId()).getId();
      driver.push(
          deviceId,
          String.join("\n", lines),
          CommitConfiguration.commit("switchboard sdwan leave " + v.operationId()),
          raise(SdwanRollout.ERROR_SITE_FAILED, job));
      intendedParts.removed(
          v.overlayId(), v.siteId(), deviceId, lines, v.operationId(), job.getProcessInstanceKey());
    }
    rollouts.mark(v.overlayId(), v.siteId(), OverlayMember.LEFT, null);
  }

  @JobWorker(type = SdwanRollout.JOB_ACTIVATE)
  public Map<String, Object> activate(@VariablesAsType SdwanRolloutVariables v) {
    Set<Integer> up = new LinkedHashSet<>();
    rollouts.tunnelsToVerify(v.overlayId()).forEach(t -> up.add(t.getNumber()));
    Overlay overlay = rollouts.activate(v.overlayId(), up);
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("overlayId", overlay.getId());
    result.put("state", overlay.getState().name());
    result.put("tunnelsUp", up.size());
    if (overlay.getFailureReason() != null) {
      result.put("failedSites", overlay.getFailureReason());
    }
    return Map.of(OperationContract.VAR_RESULT, result);
  }

  /** End of ZTP onboarding: the overlays its site joins, each by the join call activity. */
  @JobWorker(type = SdwanRollout.JOB_OVERLAYS_TO_JOIN)
  public Map<String, Object> overlaysToJoin(@VariablesAsType ZtpOnboardingVariables v) {
    OverlayAutoJoin.Joins joins = autoJoin.forDevice(v.targetId());
    Map<String, Object> out = new HashMap<>();
    out.put(SdwanProcesses.VAR_SITE_ID, joins.siteId());
    out.put(SdwanRollout.VAR_OVERLAY_IDS_TO_JOIN, joins.overlayIds());
    return out;
  }

  /** A failed join or leave, after the undo: only the member fails (docs/sdwan.md). */
  @JobWorker(type = SdwanRollout.JOB_FAIL_MEMBER)
  public Map<String, Object> failMember(
      ActivatedJob job,
      @VariablesAsType SdwanRolloutVariables v,
      @CustomHeaders Map<String, String> headers) {
    String reason =
        rollouts.failMember(
            v.overlayId(),
            v.siteId(),
            SdwanProcesses.SITE_JOIN.equals(job.getBpmnProcessId()),
            headers.getOrDefault("failure", "FAILED"),
            v.failureReason());
    return failed(v, reason);
  }

  @JobWorker(type = SdwanRollout.JOB_FAIL)
  public Map<String, Object> fail(
      @VariablesAsType SdwanRolloutVariables v, @CustomHeaders Map<String, String> headers) {
    return failed(
        v,
        rollouts.fail(v.overlayId(), headers.getOrDefault("failure", "FAILED"), v.failureReason()));
  }

  private static Map<String, Object> failed(SdwanRolloutVariables v, String reason) {
    LOG.warn("SD-WAN operation {} fails: {}", v.operationId(), reason);
    return Map.of(
        OperationContract.VAR_OUTCOME,
        OperationContract.OUTCOME_FAILED,
        OperationContract.VAR_FAILURE_REASON,
        reason);
  }

  private Device device(String siteId) {
    return rollouts
        .deviceAt(siteId)
        .orElseThrow(
            () -> {
              String reason = "site " + rollouts.siteName(siteId) + " has no device";
              return CamundaError.bpmnError(
                  SdwanRollout.ERROR_SITE_FAILED,
                  reason,
                  Map.of(OperationContract.VAR_FAILURE_REASON, reason));
            });
  }
}
