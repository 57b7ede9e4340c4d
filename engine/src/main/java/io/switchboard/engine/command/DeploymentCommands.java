package io.switchboard.engine.command;

import io.camunda.client.protocol.rest.DeploymentMetadataResult;
import io.camunda.client.protocol.rest.DeploymentProcessResult;
import io.camunda.client.protocol.rest.DeploymentResult;
import io.switchboard.engine.dmn.DecisionDeployments;
import io.switchboard.engine.dmn.DecisionResources;
import io.switchboard.engine.dmn.DmnEvaluator;
import io.switchboard.engine.execution.WaitStates;
import io.switchboard.engine.form.FormResources;
import io.switchboard.engine.model.DeploymentRejectedException;
import io.switchboard.engine.model.FlowNode;
import io.switchboard.engine.model.ProcessModel;
import io.switchboard.engine.processor.CommandProcessor;
import io.switchboard.engine.processor.EngineException;
import io.switchboard.engine.state.EngineState;
import io.switchboard.engine.state.ProcessDefinition;
import io.switchboard.engine.state.Timer;
import io.switchboard.engine.transform.BpmnTransformer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * Deploys BPMN, DMN ({@code .dmn}) and form ({@code .form}) resources atomically: every resource is
 * parsed and validated before anything is stored, and one bad resource rejects the whole
 * deployment. A process whose BPMN is identical to its latest version keeps that version and key,
 * as in Zeebe.
 */
public final class DeploymentCommands {
  /** One uploaded file. */
  public record Resource(String name, byte[] content) {}

  private record Parsed(Resource resource, ProcessModel model, String checksum) {}

  private final CommandProcessor processor;
  private final EngineState state;
  private final WaitStates waitStates;
  private final BpmnTransformer transformer = new BpmnTransformer();
  private final io.switchboard.engine.execution.TimerCalculator timers =
      new io.switchboard.engine.execution.TimerCalculator(
          new io.switchboard.engine.feel.FeelExpressions());

  private final DecisionResources decisions;

  public DeploymentCommands(CommandProcessor processor, WaitStates waitStates) {
    this(processor, waitStates, new DecisionResources(new DmnEvaluator()));
  }

  public DeploymentCommands(
      CommandProcessor processor, WaitStates waitStates, DecisionResources decisions) {
    this.processor = processor;
    this.state = processor.state();
    this.waitStates = waitStates;
    this.decisions = decisions;
  }

  public CompletableFuture<DeploymentResult> deploy(
      String tenantIdOrNull, List<Resource> resources) {
    String tenantId = Keys.tenant(tenantIdOrNull);
    if (resources == null || resources.isEmpty()) {
      throw EngineException.invalidArgument(
          "Expected to deploy at least one resource, but none given");
    }
    List<Parsed> parsed = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    Set<String> processIds = new HashSet<>();
    List<DecisionResources.Parsed> dmn = new ArrayList<>();
    List<FormResources.Parsed> forms = new ArrayList<>();
    for (Resource resource : resources) {
      String name = resource.name() == null ? "resource" : resource.name();
      try {
        if (DecisionResources.isDmn(name)) {
          dmn.add(decisions.parse(name, resource.content()));
          continue;
        }
        if (FormResources.isForm(name)) {
          forms.add(FormResources.parse(name, resource.content()));
          continue;
        }
      } catch (DeploymentRejectedException e) {
        problems.add(e.getMessage());
        continue;
      }
      if (!name.endsWith(".bpmn") && !name.endsWith(".xml")) {
        problems.add(
            "'" + name + "' is not a BPMN (.bpmn or .xml), DMN (.dmn) or form (.form) resource");
        continue;
      }
      try {
        for (ProcessModel model : transformer.transform(name, resource.content())) {
          if (!processIds.add(model.processId())) {
            problems.add(
                "process id '" + model.processId() + "' appears more than once in the deployment");
          }
          for (FlowNode start : model.timerStartEvents()) {
            try {
              timers.evaluate(start.timer, java.util.Map.of(), processor.now());
            } catch (io.switchboard.engine.feel.FeelEvaluationException e) {
              problems.add(
                  "timer start event '" + start.id + "' in '" + name + "': " + e.getMessage());
            }
          }
          parsed.add(new Parsed(resource, model, checksum(resource.content())));
        }
      } catch (DeploymentRejectedException e) {
        problems.add(e.getMessage());
      }
    }
    DecisionDeployments.checkTogether(dmn, problems);
    if (!problems.isEmpty()) {
      throw EngineException.invalidArgument(
          "Expected to deploy new resources, but encountered the following errors: "
              + String.join("; ", problems));
    }
    return processor.submit(reply -> processor.reply(reply, store(tenantId, parsed, dmn, forms)));
  }

  private DeploymentResult store(
      String tenantId,
      List<Parsed> parsed,
      List<DecisionResources.Parsed> dmn,
      List<FormResources.Parsed> forms) {
    long deploymentKey = state.keys.nextKey();
    DeploymentResult result =
        new DeploymentResult().deploymentKey(String.valueOf(deploymentKey)).tenantId(tenantId);
    for (Parsed p : parsed) {
      Optional<ProcessDefinition> latest =
          state.processVersions.latest(tenantId, p.model().processId());
      ProcessDefinition definition;
      if (latest.isPresent() && latest.get().checksum.equals(p.checksum())) {
        definition = latest.get();
      } else {
        definition = new ProcessDefinition();
        definition.key = state.keys.nextKey();
        definition.bpmnProcessId = p.model().processId();
        definition.version = latest.map(d -> d.version + 1).orElse(1);
        definition.tenantId = tenantId;
        definition.resourceName = p.resource().name();
        definition.checksum = p.checksum();
        definition.resource = new String(p.resource().content(), StandardCharsets.UTF_8);
        definition.deploymentKey = deploymentKey;
        definition.deployedAt = processor.now();
        definition.model = p.model();
        state.processVersions.put(definition);
        replaceStartTimers(definition, latest);
      }
      result.addDeploymentsItem(
          new DeploymentMetadataResult()
              .processDefinition(
                  new DeploymentProcessResult()
                      .processDefinitionId(definition.bpmnProcessId)
                      .processDefinitionVersion(definition.version)
                      .processDefinitionKey(String.valueOf(definition.key))
                      .resourceName(definition.resourceName)
                      .tenantId(tenantId)));
    }
    DecisionDeployments.store(state, tenantId, deploymentKey, processor.now(), dmn, result);
    FormResources.store(state, tenantId, deploymentKey, forms, result);
    return result;
  }

  /** A new version's timer start events replace those of the version before, as in Zeebe. */
  private void replaceStartTimers(
      ProcessDefinition definition, Optional<ProcessDefinition> previous) {
    previous.ifPresent(
        old -> {
          for (Timer timer : List.copyOf(state.timers.all())) {
            if (timer.elementInstanceKey < 0 && timer.processDefinitionKey == old.key) {
              state.removeTimer(timer.key);
            }
          }
        });
    for (FlowNode start : definition.model.timerStartEvents()) {
      waitStates.createStartTimer(definition, start);
    }
  }

  private static String checksum(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
