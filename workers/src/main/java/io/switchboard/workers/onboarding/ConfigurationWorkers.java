package io.switchboard.workers.onboarding;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.exception.CamundaError;
import io.switchboard.camel.junos.CommitConfiguration;
import io.switchboard.camel.junos.InterfaceStatus;
import io.switchboard.camel.junos.SoftwareInformation;
import io.switchboard.inventory.device.Device;
import io.switchboard.inventory.device.DeviceModelRepository;
import io.switchboard.inventory.device.DeviceRepository;
import io.switchboard.inventory.site.Site;
import io.switchboard.inventory.site.SiteRepository;
import io.switchboard.workers.device.ConfigTemplates;
import io.switchboard.workers.device.DeviceDriver;
import io.switchboard.workers.device.DeviceFailures;
import io.switchboard.workflows.ztp.ZtpOnboarding;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The device steps of onboarding: connect, stage-1 with confirmed commit, confirm, site config,
 * verify.
 */
@Component
public class ConfigurationWorkers {
  static final int DEFAULT_CONFIRM_MINUTES = 10;

  private final DeviceDriver driver;
  private final DeviceRepository devices;
  private final DeviceModelRepository models;
  private final SiteRepository sites;
  private final ConfigTemplates templates;

  public ConfigurationWorkers(
      DeviceDriver driver,
      DeviceRepository devices,
      DeviceModelRepository models,
      SiteRepository sites,
      ConfigTemplates templates) {
    this.driver = driver;
    this.devices = devices;
    this.models = models;
    this.sites = sites;
    this.templates = templates;
  }

  /** Opens a session (pinning the host key on first use) and reads what the device runs. */
  @JobWorker(type = ZtpOnboarding.JOB_CONNECT)
  public Map<String, Object> connect(
      ActivatedJob job,
      @Variable(name = "targetId") String deviceId,
      @Variable(name = "operationId", optional = true) String operationId) {
    try {
      SoftwareInformation info = driver.softwareInformation(deviceId);
      return Map.of(
          ZtpOnboarding.VAR_SOFTWARE_VERSION,
          info.junosVersion(),
          "productModel",
          info.productModel());
    } catch (RuntimeException e) {
      throw DeviceFailures.asProcessError(e, ZtpOnboarding.ERROR_COMMIT_FAILED, job.getRetries());
    }
  }

  @JobWorker(type = ZtpOnboarding.JOB_PUSH_STAGE1)
  public void pushStage1(
      ActivatedJob job,
      @Variable(name = "targetId") String deviceId,
      @Variable(name = "operationId", optional = true) String operationId,
      @Variable(name = "confirmTimeout", optional = true) Integer confirmMinutes) {
    String config = templates.stage1(values(deviceId));
    int minutes = confirmMinutes == null ? DEFAULT_CONFIRM_MINUTES : confirmMinutes;
    push(job, deviceId, config, CommitConfiguration.confirmed(minutes, "switchboard stage-1"));
  }

  /** Confirms only while the device still answers; otherwise it rolls back by itself. */
  @JobWorker(type = ZtpOnboarding.JOB_CONFIRM_COMMIT)
  public void confirm(
      ActivatedJob job,
      @Variable(name = "targetId") String deviceId,
      @Variable(name = "operationId", optional = true) String operationId) {
    try {
      driver.softwareInformation(deviceId);
      driver.commit(deviceId, CommitConfiguration.confirm());
    } catch (RuntimeException e) {
      throw DeviceFailures.asProcessError(e, ZtpOnboarding.ERROR_COMMIT_FAILED, job.getRetries());
    }
  }

  /** After a failed commit: the candidate goes back to what runs (rollback 0). */
  @JobWorker(type = ZtpOnboarding.JOB_ROLLBACK_CONFIG)
  public void rollback(
      ActivatedJob job,
      @Variable(name = "targetId") String deviceId,
      @Variable(name = "operationId", optional = true) String operationId) {
    try {
      driver.rollback(deviceId, 0, "switchboard: back to the running configuration");
    } catch (RuntimeException e) {
      throw DeviceFailures.asProcessError(e, ZtpOnboarding.ERROR_COMMIT_FAILED, job.getRetries());
    }
  }

  @JobWorker(type = ZtpOnboarding.JOB_APPLY_SITE_CONFIG)
  public Map<String, Object> applySiteConfig(
      ActivatedJob job,
      @Variable(name = "targetId") String deviceId,
      @Variable(name = "operationId", optional = true) String operationId) {
    Device device = devices.findById(deviceId).orElseThrow();
    String family = models.findById(device.getModelId()).map(m -> m.getFamily()).orElse("default");
    String config = templates.site(family, values(deviceId));
    push(job, deviceId, config, CommitConfiguration.commit("switchboard site configuration"));
    return Map.of("expectedInterfaces", List.copyOf(ConfigTemplates.interfacesIn(config)));
  }

  @JobWorker(type = ZtpOnboarding.JOB_VERIFY_INTERFACES)
  public void verifyInterfaces(
      ActivatedJob job,
      @Variable(name = "targetId") String deviceId,
      @Variable(name = "operationId", optional = true) String operationId,
      @Variable(name = "expectedInterfaces", optional = true) List<String> expected) {
    List<InterfaceStatus> interfaces;
    try {
      interfaces = driver.interfaces(deviceId);
    } catch (RuntimeException e) {
      throw DeviceFailures.asProcessError(e, ZtpOnboarding.ERROR_COMMIT_FAILED, job.getRetries());
    }
    Set<String> up = new java.util.HashSet<>();
    interfaces.stream().filter(InterfaceStatus::isUp).forEach(i -> up.add(i.name()));
    List<String> down =
        expected == null
            ? List.of()
            : expected.stream().filter(name -> !up.contains(name)).toList();
    if (!down.isEmpty()) {
      // interfaces come up a little after a commit: retry rather than fail at once
      throw CamundaError.jobError(
          "interfaces not up yet: " + down,
          Map.of(),
          Math.max(0, job.getRetries() - 1),
          java.time.Duration.ofSeconds(2));
    }
  }

  private void push(ActivatedJob job, String deviceId, String config, CommitConfiguration commit) {
    try {
      driver.push(deviceId, config, commit);
    } catch (RuntimeException e) {
      throw DeviceFailures.asProcessError(e, ZtpOnboarding.ERROR_COMMIT_FAILED, job.getRetries());
    }
  }

  private Map<String, String> values(String deviceId) {
    Device device = devices.findById(deviceId).orElseThrow();
    Site site = device.getSiteId() == null ? null : sites.findById(device.getSiteId()).orElse(null);
    String siteName = site == null ? device.getSerialNumber() : site.getName();
    return Map.of(
        "hostName",
        siteName.replaceAll("[^A-Za-z0-9-]", "-"),
        "siteName",
        siteName,
        "siteType",
        site == null ? "BRANCH" : site.getType().name(),
        "serialNumber",
        device.getSerialNumber());
  }
}
