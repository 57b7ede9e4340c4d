package io.switchboard.api.firewall;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.switchboard.api.common.PageResponse;
import io.switchboard.api.common.Paging;
import io.switchboard.api.firewall.FirewallPolicyService.PolicyRequest;
import io.switchboard.api.operation.OperationController;
import io.switchboard.api.security.CurrentScope;
import io.switchboard.inventory.firewall.DeploymentState;
import io.switchboard.inventory.firewall.FirewallPolicy;
import io.switchboard.inventory.firewall.PolicyDeployment;
import io.switchboard.inventory.firewall.PolicyVersion;
import io.switchboard.inventory.firewall.SnapshotJson;
import io.switchboard.inventory.firewall.model.PolicySnapshot;
import io.switchboard.inventory.firewall.model.RuleDef;
import jakarta.validation.Valid;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Firewall policies, versions and deployments over HTTP; the rules live in the services. */
@RestController
@RequestMapping("/api/v1/firewall-policies")
@Tag(
    name = "Firewall policies",
    description = "Policies with ordered rules, versions, preview and deployments")
public class FirewallPolicyController {
  public record RuleView(
      String name,
      List<String> fromZones,
      List<String> toZones,
      List<String> sources,
      List<String> destinations,
      List<String> applications,
      String action,
      boolean logSessionInit,
      boolean logSessionClose,
      boolean count,
      boolean enabled) {
    static RuleView of(RuleDef r) {
      return new RuleView(
          r.name(),
          r.fromZones(),
          r.toZones(),
          r.sources(),
          r.destinations(),
          r.applications(),
          r.action().name(),
          r.logInit(),
          r.logClose(),
          r.count(),
          r.enabled());
    }
  }

  public record PolicyView(
      String id,
      String tenantId,
      String name,
      String description,
      int latestVersion,
      List<RuleView> rules,
      List<String> siteIds,
      int priority) {
    static PolicyView of(FirewallPolicy p) {
      return new PolicyView(
          p.getId(),
          p.getTenantId(),
          p.getName(),
          p.getDescription(),
          p.getLatestVersion(),
          p.getRules().stream().map(RuleView::of).toList(),
          p.getSiteIds().stream().sorted().toList(),
          p.getPriority());
    }
  }

  public record VersionView(
      int version, String publishedBy, Instant publishedAt, List<RuleView> rules) {
    static VersionView of(PolicyVersion v) {
      PolicySnapshot s = SnapshotJson.read(v.getSnapshotJson());
      return new VersionView(
          v.getNumber(),
          v.getPublishedBy(),
          v.getCreatedAt(),
          s.rules().stream().map(RuleView::of).toList());
    }
  }

  public record DeploymentView(
      String id,
      int version,
      String siteId,
      String deviceId,
      String operationId,
      DeploymentState state,
      String message,
      String requestedBy,
      Instant createdAt,
      Instant finishedAt) {
    static DeploymentView of(PolicyDeployment d) {
      return new DeploymentView(
          d.getId(),
          d.getVersionNumber(),
          d.getSiteId(),
          d.getDeviceId(),
          d.getOperationId(),
          d.getState(),
          d.getMessage(),
          d.getRequestedBy(),
          d.getCreatedAt(),
          d.getFinishedAt());
    }
  }

  /** The operation that carries the deployment out, and the device rows it fills in. */
  public record DeploymentStartedView(
      @JsonUnwrapped OperationController.OperationView operation,
      List<DeploymentView> deployments) {}

  private final FirewallPolicyService service;
  private final FirewallPreviewService previews;
  private final FirewallDeploymentService deployer;

  public FirewallPolicyController(
      FirewallPolicyService service,
      FirewallPreviewService previews,
      FirewallDeploymentService deployer) {
    this.service = service;
    this.previews = previews;
    this.deployer = deployer;
  }

  @PostMapping("/{id}/deployments")
  @ResponseStatus(HttpStatus.ACCEPTED)
  @Operation(
      summary = "Deploy a version",
      description =
          "Starts the firewall-policy-deploy operation for the devices of siteIds (default: every site of the policy) with version (default: the newest): waits for window.start, then batches of batchSize devices (default 20) get lock, load, commit check, commit confirmed, verify (rule order and a probe flow per rule) and confirm; a refused or unverified device is rolled back with its message; past failureThresholdPercent (default 20, exceeded not equalled) the devices already done get their previous version back. 400 for a window whose end has passed, 422 naming a site that is not the policy's or has no device, 409 while the policy has a deployment running. Tenant operators and above.")
  public DeploymentStartedView deploy(
      @PathVariable String id,
      @Valid @RequestBody(required = false) FirewallDeploymentService.DeploymentRequest request) {
    FirewallDeploymentService.Started started = deployer.deploy(CurrentScope.get(), id, request);
    return new DeploymentStartedView(
        OperationController.OperationView.of(started.operation()),
        started.deployments().stream().map(DeploymentView::of).toList());
  }

  @PostMapping("/{id}/preview")
  @Operation(
      summary = "Preview deploying a version",
      description =
          "Per device of the policy's sites (or of siteId): the incremental commands and the change exactly as the device reports it (show | compare after loading them into its candidate under the lock; the candidate is discarded and unlocked, also when the load fails, whose device error is that device's answer), plus shadowed and redundant rules and example flows whose verdict changes. version defaults to the newest.")
  public FirewallPreviewService.Preview preview(
      @PathVariable String id,
      @RequestParam(required = false) Integer version,
      @RequestParam(required = false) String siteId) {
    return previews.preview(CurrentScope.get(), id, version, siteId);
  }

  @GetMapping
  @Operation(
      summary = "List firewall policies",
      description = "A page of the policies in the caller's scope.")
  public PageResponse<PolicyView> list(Pageable pageable) {
    return PageResponse.of(
        service.list(
            CurrentScope.get(), Paging.of(pageable, Set.of("name", "createdAt"), Sort.by("name"))),
        PolicyView::of);
  }

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(
      summary = "Create a firewall policy",
      description =
          "Rules inline, evaluated in list order; sites of the policy's tenant (422 naming the site"
              + " otherwise); priority 0..10000 (default 100): on a device running several"
              + " policies, lower priority first in each zone pair, equal ones by name.")
  public PolicyView create(@Valid @RequestBody PolicyRequest request) {
    return PolicyView.of(service.create(CurrentScope.get(), request));
  }

  @GetMapping("/{id}")
  @Operation(
      summary = "Read a firewall policy",
      description = "With its rules in order; 404 outside the caller's scope.")
  public PolicyView get(@PathVariable String id) {
    return PolicyView.of(service.get(CurrentScope.get(), id));
  }

  @PutMapping("/{id}")
  @Operation(
      summary = "Replace a firewall policy",
      description =
          "Name, description, rules (the new order) and sites; published versions stay as they were.")
  public PolicyView replace(@PathVariable String id, @Valid @RequestBody PolicyRequest request) {
    return PolicyView.of(service.replace(CurrentScope.get(), id, request));
  }

  @DeleteMapping("/{id}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  @Operation(
      summary = "Delete a firewall policy",
      description = "Only before its first deployment (409 afterwards).")
  public void delete(@PathVariable String id) {
    service.delete(CurrentScope.get(), id);
  }

  @PostMapping("/{id}/publish")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(
      summary = "Publish a version",
      description =
          "Freezes the rules and the objects they use as the next numbered version; 422 naming the rule and field that references something the tenant does not have.")
  public VersionView publish(@PathVariable String id) {
    return VersionView.of(service.publish(CurrentScope.get(), id));
  }

  @GetMapping("/{id}/versions")
  @Operation(
      summary = "List a policy's versions",
      description = "Newest first, each with its frozen rules.")
  public List<VersionView> versions(@PathVariable String id) {
    return service.versions(CurrentScope.get(), id).stream().map(VersionView::of).toList();
  }

  @GetMapping("/{id}/deployments")
  @Operation(
      summary = "List a policy's deployments",
      description = "Per device: version, operation, state and the device's message; newest first.")
  public List<DeploymentView> deployments(@PathVariable String id) {
    return service.deployments(CurrentScope.get(), id).stream().map(DeploymentView::of).toList();
  }
}
