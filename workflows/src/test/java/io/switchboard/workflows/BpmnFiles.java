package io.switchboard.workflows;

import static io.switchboard.workflows.upgrade.DeviceUpgrade.*;
import static io.switchboard.workflows.ztp.ZtpOnboarding.*;
import static io.switchboard.workflows.ztp.ZtpOnboarding.VAR_SOFTWARE_VERSION;
import static io.switchboard.workflows.ztp.ZtpOnboarding.VAR_TARGET_VERSION;

import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Wrote the first versions of the BPMN files (with diagram layout, so they open in Camunda
 * Modeler). The files under src/main/resources/bpmn are the source of truth from then on: edit them
 * in Modeler; run this only to start over ({@code main} with the module folder).
 */
public final class BpmnFiles {
  private BpmnFiles() {}

  public static void main(String[] args) throws IOException {
    Path resources = Path.of(args.length > 0 ? args[0] : "workflows").resolve("src/main/resources");
    write(resources.resolve(ZtpOnboarding_RESOURCE()), ztpOnboarding());
    write(resources.resolve(DeviceUpgrade_RESOURCE()), deviceUpgrade());
  }

  private static String ZtpOnboarding_RESOURCE() {
    return io.switchboard.workflows.ztp.ZtpOnboarding.RESOURCE;
  }

  private static String DeviceUpgrade_RESOURCE() {
    return io.switchboard.workflows.upgrade.DeviceUpgrade.RESOURCE;
  }

  private static void write(Path file, BpmnModelInstance model) throws IOException {
    Bpmn.validateModel(model);
    Files.createDirectories(file.getParent());
    Files.writeString(file, Bpmn.convertToString(model));
  }

  static BpmnModelInstance ztpOnboarding() {
    var builder =
        Bpmn.createExecutableProcess(io.switchboard.workflows.ztp.ZtpOnboarding.PROCESS_ID)
            .name("ZTP onboarding")
            .startEvent("registered")
            .name("Device registered")
            .serviceTask(
                "markOnboarding",
                t -> t.name("Mark device onboarding").zeebeJobType(JOB_MARK_ONBOARDING))
            .eventBasedGateway("awaitPhoneHome")
            .name("Phone home or expiry?")
            .intermediateCatchEvent("phonedHome")
            .name("Device phoned home")
            .message(m -> m.name(MESSAGE_PHONE_HOME).zeebeCorrelationKeyExpression(VAR_SERIAL))
            .serviceTask(
                "validateDevice",
                t -> t.name("Validate serial, model and tenant").zeebeJobType(JOB_VALIDATE_DEVICE))
            .boundaryEvent(
                "deviceRejected", b -> b.name("Device rejected").error(ERROR_DEVICE_REJECTED))
            .serviceTask(
                "failRejected",
                t ->
                    t.name("Fail: device rejected")
                        .zeebeJobType(JOB_FAIL_OPERATION)
                        .zeebeTaskHeader("failure", "DEVICE_REJECTED"))
            .endEvent("rejected")
            .name("Rejected")
            .moveToActivity("validateDevice")
            .serviceTask(
                "connect",
                t ->
                    t.name("Connect over NETCONF, pin host key")
                        .zeebeJobType(JOB_CONNECT)
                        .zeebeJobRetries("5"))
            .serviceTask(
                "pushStage1",
                t ->
                    t.name("Push stage-1 config (confirmed commit)")
                        .zeebeJobType(JOB_PUSH_STAGE1)
                        .zeebeTaskHeader("stage", "stage-1"))
            .boundaryEvent(
                "stage1CommitFailed", b -> b.name("Commit failed").error(ERROR_COMMIT_FAILED))
            .serviceTask(
                "rollbackStage1",
                t -> t.name("Roll back configuration").zeebeJobType(JOB_ROLLBACK_CONFIG))
            .serviceTask(
                "failCommit",
                t ->
                    t.name("Fail: commit failed")
                        .zeebeJobType(JOB_FAIL_OPERATION)
                        .zeebeTaskHeader("failure", "COMMIT_FAILED"))
            .endEvent("commitFailed")
            .name("Commit failed")
            .moveToActivity("pushStage1")
            .serviceTask(
                "confirmCommit",
                t -> t.name("Confirm commit once reachable").zeebeJobType(JOB_CONFIRM_COMMIT))
            .exclusiveGateway("needsUpgrade")
            .name("Target version differs?")
            .conditionExpression(
                "= "
                    + VAR_TARGET_VERSION
                    + " != null and "
                    + VAR_TARGET_VERSION
                    + " != "
                    + VAR_SOFTWARE_VERSION)
            .callActivity(
                "upgrade",
                c ->
                    c.name("Upgrade device software")
                        .zeebeProcessId(io.switchboard.workflows.upgrade.DeviceUpgrade.PROCESS_ID))
            .exclusiveGateway("upgradeOutcome")
            .name("Upgraded?")
            .conditionExpression("= upgradeResult = \"FAILED\"")
            .serviceTask(
                "failUpgrade",
                t ->
                    t.name("Fail: upgrade failed")
                        .zeebeJobType(JOB_FAIL_OPERATION)
                        .zeebeTaskHeader("failure", "UPGRADE_FAILED"))
            .endEvent("upgradeFailed")
            .name("Upgrade failed")
            .moveToLastExclusiveGateway()
            .defaultFlow()
            .exclusiveGateway("upgradeDone")
            .serviceTask(
                "applySiteConfig",
                t ->
                    t.name("Apply site configuration")
                        .zeebeJobType(JOB_APPLY_SITE_CONFIG)
                        .zeebeTaskHeader("stage", "site"))
            .boundaryEvent(
                "siteCommitFailed", b -> b.name("Commit failed").error(ERROR_COMMIT_FAILED))
            .connectTo("rollbackStage1")
            .moveToActivity("applySiteConfig")
            .serviceTask(
                "verifyInterfaces",
                t -> t.name("Verify interfaces").zeebeJobType(JOB_VERIFY_INTERFACES))
            .serviceTask(
                "markActive",
                t -> t.name("Mark device and site active").zeebeJobType(JOB_MARK_ACTIVE))
            .endEvent("onboarded")
            .name("Onboarded")
            .moveToNode("needsUpgrade");
    ((io.camunda.zeebe.model.bpmn.builder.ExclusiveGatewayBuilder)
            builder.moveToNode("needsUpgrade"))
        .defaultFlow()
        .connectTo("upgradeDone")
        .moveToNode("awaitPhoneHome")
        .intermediateCatchEvent("activationExpired")
        .name("Activation expired")
        .timerWithDurationExpression(
            "if "
                + VAR_ACTIVATION_TIMEOUT
                + " = null then \""
                + DEFAULT_ACTIVATION_TIMEOUT
                + "\" else "
                + VAR_ACTIVATION_TIMEOUT)
        .serviceTask(
            "failExpired",
            t ->
                t.name("Fail: activation expired")
                    .zeebeJobType(JOB_FAIL_OPERATION)
                    .zeebeTaskHeader("failure", "ACTIVATION_EXPIRED"))
        .endEvent("expired")
        .name("Expired");
    return builder.done();
  }

  static BpmnModelInstance deviceUpgrade() {
    return Bpmn.createExecutableProcess(io.switchboard.workflows.upgrade.DeviceUpgrade.PROCESS_ID)
        .name("Device software upgrade")
        .startEvent("upgradeRequested")
        .name("Upgrade requested")
        .serviceTask(
            "precheck",
            t ->
                t.name("Pre-checks: reachability, version, storage, config snapshot")
                    .zeebeJobType(JOB_PRECHECK))
        .boundaryEvent(
            "precheckFailed", b -> b.name("Pre-check failed").error(ERROR_PRECHECK_FAILED))
        .scriptTask(
            "markNotUpgraded",
            s ->
                s.name("Result: failed")
                    .zeebeExpression("\"FAILED\"")
                    .zeebeResultVariable("upgradeResult"))
        .endEvent("notUpgraded")
        .name("Not upgraded")
        .moveToActivity("precheck")
        .serviceTask(
            "verifySignature",
            t -> t.name("Verify image signature").zeebeJobType(JOB_VERIFY_SIGNATURE))
        .boundaryEvent("badSignature", b -> b.name("Bad signature").error(ERROR_BAD_SIGNATURE))
        .connectTo("markNotUpgraded")
        .moveToActivity("verifySignature")
        .serviceTask(
            "installPackage",
            t -> t.name("Install package from the image store").zeebeJobType(JOB_INSTALL_PACKAGE))
        .boundaryEvent("installFailed", b -> b.name("Install failed").error(ERROR_INSTALL_FAILED))
        .serviceTask(
            "rollbackImage",
            t -> t.name("Roll back to the previous image").zeebeJobType(JOB_ROLLBACK_IMAGE))
        .connectTo("markNotUpgraded")
        .moveToActivity("installPackage")
        .serviceTask("reboot", t -> t.name("Reboot").zeebeJobType(JOB_REBOOT))
        .eventBasedGateway("awaitReboot")
        .name("Back online in time?")
        .intermediateCatchEvent("backOnline")
        .name("Device back online")
        .message(m -> m.name(MESSAGE_BACK_ONLINE).zeebeCorrelationKeyExpression(VAR_SERIAL))
        .serviceTask(
            "postcheck",
            t -> t.name("Post-checks: version, interfaces").zeebeJobType(JOB_POSTCHECK))
        .boundaryEvent(
            "postcheckFailed", b -> b.name("Post-check failed").error(ERROR_POSTCHECK_FAILED))
        .connectTo("rollbackImage")
        .moveToActivity("postcheck")
        .scriptTask(
            "markUpgraded",
            s ->
                s.name("Result: upgraded")
                    .zeebeExpression("\"UPGRADED\"")
                    .zeebeResultVariable("upgradeResult"))
        .endEvent("upgraded")
        .name("Upgraded")
        .moveToNode("awaitReboot")
        .intermediateCatchEvent("rebootTimedOut")
        .name("Not back in time")
        .timerWithDurationExpression(
            "if "
                + VAR_REBOOT_TIMEOUT
                + " = null then \""
                + DEFAULT_REBOOT_TIMEOUT
                + "\" else "
                + VAR_REBOOT_TIMEOUT)
        .connectTo("rollbackImage")
        .done();
  }
}
