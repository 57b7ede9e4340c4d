package io.switchboard.api.campaign;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.search.response.UserTask;
import io.switchboard.api.error.ApiException;
import io.switchboard.api.operation.OperationStarter;
import io.switchboard.api.security.Action;
import io.switchboard.api.security.Permissions;
import io.switchboard.api.security.Resource;
import io.switchboard.inventory.campaign.CampaignDevice;
import io.switchboard.inventory.campaign.CampaignDeviceRepository;
import io.switchboard.inventory.campaign.CampaignDeviceStatus;
import io.switchboard.inventory.campaign.CampaignState;
import io.switchboard.inventory.campaign.DeviceClaims;
import io.switchboard.inventory.campaign.UpgradeCampaign;
import io.switchboard.inventory.campaign.UpgradeCampaignRepository;
import io.switchboard.inventory.image.SoftwareImage;
import io.switchboard.inventory.operation.Operation;
import io.switchboard.inventory.operation.OperationRepository;
import io.switchboard.inventory.scope.AccessScope;
import io.switchboard.inventory.scope.ScopedInventory;
import io.switchboard.inventory.scope.ScopedRepository;
import io.switchboard.inventory.scope.Visibility;
import io.switchboard.workflows.campaign.FleetUpgrade;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Upgrade campaigns as use cases: plan and record one with its operation, read them, and steer a
 * running one (pause, resume, cancel, approve) through its process instance.
 */
@Service
public class CampaignService {
  private final ScopedInventory inventory;
  private final ScopedRepository<UpgradeCampaign> scopedCampaigns;
  private final UpgradeCampaignRepository campaigns;
  private final CampaignDeviceRepository campaignDevices;
  private final OperationRepository operations;
  private final OperationStarter starter;
  private final CampaignPlanning planning;
  private final DeviceClaims claims;
  private final ObjectProvider<CamundaClient> client;
  private final ObjectMapper json;

  public CampaignService(
      ScopedInventory inventory,
      UpgradeCampaignRepository campaigns,
      CampaignDeviceRepository campaignDevices,
      OperationRepository operations,
      OperationStarter starter,
      CampaignPlanning planning,
      DeviceClaims claims,
      ObjectProvider<CamundaClient> client,
      ObjectMapper json) {
    this.inventory = inventory;
    this.scopedCampaigns = new ScopedRepository<>(campaigns, Visibility::tenantOwned);
    this.campaigns = campaigns;
    this.campaignDevices = campaignDevices;
    this.operations = operations;
    this.starter = starter;
    this.planning = planning;
    this.claims = claims;
    this.client = client;
    this.json = json;
  }

  /**
   * A campaign with its devices in wave order; {@code maxParallel} null for campaigns planned
   * before it existed (their waves start all devices at once).
   */
  public record Detail(
      UpgradeCampaign campaign,
      List<CampaignDevice> devices,
      Operation operation,
      Integer maxParallel) {}

  @Transactional
  public Detail create(AccessScope scope, CampaignController.CampaignRequest request) {
    Permissions.require(scope, Action.WRITE, Resource.CAMPAIGNS);
    Permissions.require(scope, Action.RUN, Resource.CAMPAIGNS);
    if (!inventory.tenants().isVisible(scope, request.tenantId())) {
      throw ApiException.unprocessable("tenantId", "tenant '" + request.tenantId() + "' not found");
    }
    SoftwareImage image =
        inventory
            .images()
            .find(scope, request.imageId())
            .orElseThrow(
                () ->
                    ApiException.unprocessable(
                        "imageId", "image '" + request.imageId() + "' not found"));
    CampaignController.Window window = request.window();
    if (window != null
        && window.start() != null
        && window.end() != null
        && !window.end().isAfter(window.start())) {
      throw ApiException.invalid("window.end", "must be after window.start");
    }
    if (window != null && window.end() != null && window.end().isBefore(Instant.now())) {
      throw ApiException.invalid("window.end", "lies in the past");
    }
    double perWave = request.maxFailurePercent() == null ? 0 : request.maxFailurePercent();
    double perCampaign =
        request.campaignMaxFailurePercent() == null ? perWave : request.campaignMaxFailurePercent();
    if (request.soakTime() != null) {
      requireDuration("soakTime", request.soakTime());
    }
    if (request.rebootTimeout() != null) {
      requireDuration("rebootTimeout", request.rebootTimeout());
    }
    CampaignPlanning.Plan plan = planning.plan(request.tenantId(), request, image);

    UpgradeCampaign campaign =
        new UpgradeCampaign(
            request.tenantId(),
            request.name(),
            image.getId(),
            image.getVersion(),
            scope.username());
    campaign.setPlanJson(write(withMaxParallel(request)));
    campaign.setBudgets(perWave, perCampaign);
    campaign.setSoakTime(request.soakTime());
    campaign.setApproval(Boolean.TRUE.equals(request.approvalRequired()), request.approver());
    if (window != null) {
      campaign.setWindow(window.start(), window.end());
    }
    campaign = campaigns.save(campaign);
    for (int w = 0; w < plan.waves().size(); w++) {
      for (String deviceId : plan.waves().get(w)) {
        campaignDevices.save(new CampaignDevice(campaign.getId(), deviceId, w + 1));
      }
    }
    for (Map.Entry<String, String> skipped : plan.skipped().entrySet()) {
      CampaignDevice device = new CampaignDevice(campaign.getId(), skipped.getKey(), 0);
      device.finished(CampaignDeviceStatus.SKIPPED, skipped.getValue());
      campaignDevices.save(device);
    }
    Map<String, Object> variables = new HashMap<>();
    variables.put(FleetUpgrade.VAR_CAMPAIGN_ID, campaign.getId());
    variables.put(FleetUpgrade.VAR_TARGET_VERSION, image.getVersion());
    variables.put(FleetUpgrade.VAR_MAX_FAILURE_PERCENT, perWave);
    variables.put(FleetUpgrade.VAR_CAMPAIGN_MAX_FAILURE_PERCENT, perCampaign);
    variables.put(FleetUpgrade.VAR_APPROVAL_REQUIRED, campaign.isApprovalRequired());
    variables.put(FleetUpgrade.VAR_PAUSED, false);
    variables.put(FleetUpgrade.VAR_CANCEL_REQUESTED, false);
    variables.put(FleetUpgrade.VAR_CAMPAIGN_FAILED, 0);
    variables.put(
        FleetUpgrade.VAR_MAX_PARALLEL,
        request.maxParallel() == null ? FleetUpgrade.DEFAULT_MAX_PARALLEL : request.maxParallel());
    putIfSet(variables, FleetUpgrade.VAR_SOAK_TIME, request.soakTime());
    putIfSet(variables, FleetUpgrade.VAR_APPROVER, request.approver());
    putIfSet(variables, FleetUpgrade.VAR_REBOOT_TIMEOUT, request.rebootTimeout());
    if (window != null) {
      putIfSet(variables, FleetUpgrade.VAR_WINDOW_START, window.start());
      putIfSet(variables, FleetUpgrade.VAR_WINDOW_END, window.end());
    }
    Operation operation =
        starter.record(
            new Operation(
                campaign.getTenantId(),
                FleetUpgrade.PROCESS_ID,
                Operation.TARGET_CAMPAIGN,
                campaign.getId(),
                scope.username()),
            variables);
    campaign.setOperationId(operation.getId());
    claims.claim(plan.waves().stream().flatMap(List::stream).toList(), operation.getId());
    return detail(campaign);
  }

  public Page<UpgradeCampaign> list(
      AccessScope scope, Specification<UpgradeCampaign> filter, Pageable pageable) {
    Permissions.require(scope, Action.READ, Resource.CAMPAIGNS);
    return scopedCampaigns.page(scope, filter, pageable);
  }

  @Transactional(readOnly = true)
  public Detail get(AccessScope scope, String id) {
    Permissions.require(scope, Action.READ, Resource.CAMPAIGNS);
    return detail(find(scope, id));
  }

  /**
   * Takes effect before the next group of devices: those already started finish or roll back, the
   * rest of the wave stays NOT_STARTED until resumed.
   */
  @Transactional
  public Detail pause(AccessScope scope, String id) {
    UpgradeCampaign campaign = steerable(scope, id);
    if (campaign.getState() == CampaignState.PAUSED) {
      throw ApiException.conflict("state", "the campaign is paused already");
    }
    setVariables(campaign, Map.of(FleetUpgrade.VAR_PAUSED, true));
    campaign.setState(CampaignState.PAUSED);
    return detail(campaign);
  }

  @Transactional
  public Detail resume(AccessScope scope, String id) {
    UpgradeCampaign campaign = steerable(scope, id);
    if (campaign.getState() != CampaignState.PAUSED) {
      throw ApiException.conflict("state", "the campaign is not paused");
    }
    setVariables(campaign, Map.of(FleetUpgrade.VAR_PAUSED, false));
    wake(campaign);
    campaign.setState(CampaignState.RUNNING);
    return detail(campaign);
  }

  /**
   * Starts no further device; upgrades under way finish (or roll back) first. An open approval is
   * refused on the way.
   */
  @Transactional
  public Detail cancel(AccessScope scope, String id) {
    UpgradeCampaign campaign = steerable(scope, id);
    setVariables(
        campaign,
        Map.of(
            FleetUpgrade.VAR_CANCEL_REQUESTED,
            true,
            FleetUpgrade.VAR_CANCELLED_BY,
            scope.username()));
    wake(campaign);
    openApproval(campaign)
        .ifPresent(
            task ->
                client
                    .getObject()
                    .newCompleteUserTaskCommand(task.getUserTaskKey())
                    .variables(
                        Map.of(
                            FleetUpgrade.VAR_APPROVED,
                            false,
                            FleetUpgrade.VAR_APPROVED_BY,
                            scope.username(),
                            FleetUpgrade.VAR_APPROVAL_COMMENT,
                            "the campaign was cancelled"))
                    .send()
                    .join());
    return detail(campaign);
  }

  /** Completes the approval user task between waves; 409 when none is open. */
  @Transactional
  public Detail approve(AccessScope scope, String id, boolean approved, String comment) {
    UpgradeCampaign campaign = steerable(scope, id);
    UserTask task =
        openApproval(campaign)
            .orElseThrow(
                () -> ApiException.conflict("state", "the campaign waits for no approval now"));
    if (task.getAssignee() != null && !task.getAssignee().equals(scope.username())) {
      throw ApiException.conflict("approver", "the approval is assigned to " + task.getAssignee());
    }
    Map<String, Object> answer = new HashMap<>();
    answer.put(FleetUpgrade.VAR_APPROVED, approved);
    answer.put(FleetUpgrade.VAR_APPROVED_BY, scope.username());
    putIfSet(answer, FleetUpgrade.VAR_APPROVAL_COMMENT, comment);
    client
        .getObject()
        .newCompleteUserTaskCommand(task.getUserTaskKey())
        .variables(answer)
        .send()
        .join();
    return detail(campaign);
  }

  private java.util.Optional<UserTask> openApproval(UpgradeCampaign campaign) {
    Long key = processInstanceKey(campaign);
    return client
        .getObject()
        .newUserTaskSearchRequest()
        .filter(f -> f.processInstanceKey(key).elementId(FleetUpgrade.ELEMENT_APPROVAL))
        .send()
        .join()
        .items()
        .stream()
        .filter(t -> t.getState() != null && t.getState().name().equals("CREATED"))
        .findFirst();
  }

  private UpgradeCampaign find(AccessScope scope, String id) {
    return scopedCampaigns
        .find(scope, id)
        .orElseThrow(() -> ApiException.notFound("Upgrade campaign", id));
  }

  private UpgradeCampaign steerable(AccessScope scope, String id) {
    Permissions.require(scope, Action.READ, Resource.CAMPAIGNS);
    UpgradeCampaign campaign = find(scope, id);
    Permissions.require(scope, Action.RUN, Resource.CAMPAIGNS);
    if (campaign.getState().isFinal()) {
      throw ApiException.conflict("state", "the campaign has ended (" + campaign.getState() + ")");
    }
    processInstanceKey(campaign);
    return campaign;
  }

  private Long processInstanceKey(UpgradeCampaign campaign) {
    Long key =
        operations
            .findById(campaign.getOperationId())
            .map(Operation::getProcessInstanceKey)
            .orElse(null);
    if (key == null) {
      throw new ApiException(
          HttpStatus.CONFLICT, "state", "the campaign's process has not started yet; try again");
    }
    return key;
  }

  private void setVariables(UpgradeCampaign campaign, Map<String, Object> variables) {
    client
        .getObject()
        .newSetVariablesCommand(processInstanceKey(campaign))
        .variables(variables)
        .send()
        .join();
  }

  private void wake(UpgradeCampaign campaign) {
    client
        .getObject()
        .newPublishMessageCommand()
        .messageName(FleetUpgrade.MESSAGE_RESUMED)
        .correlationKey(campaign.getOperationId())
        .timeToLive(Duration.ofSeconds(30))
        .send()
        .join();
  }

  private Detail detail(UpgradeCampaign campaign) {
    return new Detail(
        campaign,
        campaignDevices.findByCampaignIdOrderByWaveNumberAscCreatedAtAsc(campaign.getId()),
        campaign.getOperationId() == null
            ? null
            : operations.findById(campaign.getOperationId()).orElse(null),
        plannedMaxParallel(campaign));
  }

  /** The plan records the request with its maxParallel filled in (the default when none). */
  private static CampaignController.CampaignRequest withMaxParallel(
      CampaignController.CampaignRequest r) {
    return new CampaignController.CampaignRequest(
        r.tenantId(),
        r.name(),
        r.imageId(),
        r.selection(),
        r.canaryDeviceIds(),
        r.serial(),
        r.maxFailurePercent(),
        r.campaignMaxFailurePercent(),
        r.soakTime(),
        r.approvalRequired(),
        r.approver(),
        r.window(),
        r.rebootTimeout(),
        r.maxParallel() == null ? FleetUpgrade.DEFAULT_MAX_PARALLEL : r.maxParallel());
  }

  private Integer plannedMaxParallel(UpgradeCampaign campaign) {
    if (campaign.getPlanJson() == null) {
      return null;
    }
    try {
      JsonNode planned = json.readTree(campaign.getPlanJson()).path("maxParallel");
      return planned.isInt() ? planned.asInt() : null;
    } catch (JsonProcessingException e) {
      return null;
    }
  }

  private static void requireDuration(String field, String value) {
    try {
      Duration.parse(value);
    } catch (RuntimeException e) {
      throw ApiException.invalid(field, "must be an ISO-8601 duration such as PT10M");
    }
  }

  private static void putIfSet(Map<String, Object> variables, String name, Object value) {
    if (value != null) {
      variables.put(name, value instanceof Instant i ? i.toString() : value);
    }
  }

  private String write(Object request) {
    try {
      return json.writeValueAsString(request);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
