package io.switchboard.app.workflows;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.DeployResourceCommandStep1.DeployResourceCommandStep2;
import io.switchboard.api.observability.ProcessReadiness;
import io.switchboard.workflows.compliance.ComplianceSchedule;
import io.switchboard.workflows.compliance.ConfigCompliance;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;

/**
 * Deploys Switchboard's processes when the application is up (the embedded engine listens on the
 * same port, so this cannot happen earlier). Every resource on the classpath under {@code bpmn/},
 * {@code dmn/} and {@code forms/} goes into one atomic deployment; unchanged processes keep their
 * version. The compliance timer's cycle comes from {@code switchboard.compliance.interval}.
 */
@Component
@Order(0)
@ConditionalOnProperty(
    name = "switchboard.workflows.deploy",
    havingValue = "true",
    matchIfMissing = true)
public class WorkflowDeployer implements ApplicationRunner {
  private static final Logger LOG = LoggerFactory.getLogger(WorkflowDeployer.class);
  private static final int ATTEMPTS = 10;

  private final CamundaClient client;
  private final ProcessReadiness readiness;
  private final String complianceInterval;

  public WorkflowDeployer(
      CamundaClient client,
      ProcessReadiness readiness,
      @Value("${switchboard.compliance.interval:" + ConfigCompliance.DEFAULT_INTERVAL + "}")
          String complianceInterval) {
    this.client = client;
    this.readiness = readiness;
    // a wrong interval stops the start here, not ten deployment attempts later
    this.complianceInterval = ComplianceSchedule.validated(complianceInterval);
    // before the web server takes requests: nothing that needs a process is accepted until run()
    readiness.expectDeployment();
  }

  @Override
  public void run(ApplicationArguments args) {
    for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
      try {
        var deployment = deployAll().send().join(30, TimeUnit.SECONDS);
        deployment
            .getProcesses()
            .forEach(
                p ->
                    LOG.info(
                        "Process {} version {} deployed (key {})",
                        p.getBpmnProcessId(),
                        p.getVersion(),
                        p.getProcessDefinitionKey()));
        readiness.deployed(deployment.getProcesses().size() + " processes deployed");
        return;
      } catch (RuntimeException | IOException e) {
        LOG.warn(
            "Deploying the processes failed (attempt {} of {}): {}",
            attempt,
            ATTEMPTS,
            e.getMessage());
        sleep(Duration.ofSeconds(attempt));
      }
    }
    LOG.error("The processes are not deployed; operations that need them will be refused");
    readiness.failed("deployment failed " + ATTEMPTS + " times; see the log");
  }

  private DeployResourceCommandStep2 deployAll() throws IOException {
    DeployResourceCommandStep2 command = null;
    for (Resource resource : ProcessResources.onClasspath()) {
      byte[] content;
      try (var in = resource.getInputStream()) {
        content = in.readAllBytes();
      }
      content = ComplianceSchedule.apply(resource.getFilename(), content, complianceInterval);
      command =
          command == null
              ? client.newDeployResourceCommand().addResourceBytes(content, resource.getFilename())
              : command.addResourceBytes(content, resource.getFilename());
    }
    if (command == null) {
      throw new IllegalStateException("no process resources on the classpath");
    }
    return command;
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
