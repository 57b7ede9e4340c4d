package io.switchboard.engine.transform;

import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.Association;
import io.camunda.zeebe.model.bpmn.instance.Process;
import io.switchboard.engine.model.DeploymentRejectedException;
import io.switchboard.engine.model.ProcessModel;
import io.switchboard.engine.model.validation.DesignTimeValidation;
import io.switchboard.engine.model.validation.UnexecutedExtensions;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns Zeebe-dialect BPMN XML into {@link ProcessModel}s: parses, runs the deployment-time
 * validation, then hands each executable process to a {@link ProcessTransformer}, which transforms
 * every element with its family's transformer from the {@link ElementRegistry}. Everything wrong
 * with a resource is collected and reported at once, each problem naming the element id and type,
 * so a process designer can fix a diagram in one pass.
 */
public final class BpmnTransformer {
  private final ElementRegistry registry;

  /** A transformer for every element family this engine executes. */
  public BpmnTransformer() {
    this(ElementRegistry.standard());
  }

  public BpmnTransformer(ElementRegistry registry) {
    this.registry = registry;
  }

  private static final org.slf4j.Logger LOG =
      org.slf4j.LoggerFactory.getLogger(BpmnTransformer.class);

  /** Parses and validates one resource; returns one model per executable process in it. */
  public List<ProcessModel> transform(String resourceName, byte[] xml) {
    return transform(resourceName, xml, true);
  }

  /**
   * Rebuilds the models of a resource deployed earlier, when the engine loads its state. A resource
   * stored before a validation rule existed must not stop the engine from starting, so the
   * deployment-time rules (Zeebe's validators, unexecuted extensions) are only logged here.
   */
  public List<ProcessModel> transformStored(String resourceName, byte[] xml) {
    return transform(resourceName, xml, false);
  }

  private List<ProcessModel> transform(String resourceName, byte[] xml, boolean deploying) {
    BpmnModelInstance instance;
    try {
      instance = Bpmn.readModelFromStream(new ByteArrayInputStream(xml));
    } catch (RuntimeException e) {
      throw new DeploymentRejectedException(
          "'" + resourceName + "' is not valid BPMN XML: " + rootMessage(e));
    }
    try {
      Bpmn.validateModel(instance);
    } catch (RuntimeException e) {
      throw new DeploymentRejectedException("'" + resourceName + "' is invalid: " + rootMessage(e));
    }
    // Zeebe's own rules first: what Zeebe refuses is refused with Zeebe's reason, and our builders
    // below may assume a structurally valid model.
    List<String> problems = new ArrayList<>(DesignTimeValidation.errors(instance));
    problems.addAll(UnexecutedExtensions.problems(instance));
    if (!problems.isEmpty()) {
      if (deploying) {
        throw new DeploymentRejectedException(
            "'" + resourceName + "' cannot be deployed: " + String.join("; ", problems));
      }
      LOG.warn(
          "'{}' was deployed before these rules refused it: {}",
          resourceName,
          String.join("; ", problems));
      problems.clear();
    }
    List<ProcessModel> models = new ArrayList<>();
    for (Process process : instance.getModelElementsByType(Process.class)) {
      if (process.isExecutable()) {
        models.add(
            new ProcessTransformer(process, registry, problems, compensationHandlers(instance))
                .transform());
      }
    }
    if (models.isEmpty() && problems.isEmpty()) {
      problems.add("it contains no executable process");
    }
    if (!problems.isEmpty()) {
      throw new DeploymentRejectedException(
          "'" + resourceName + "' cannot be deployed: " + String.join("; ", problems));
    }
    return models;
  }

  /** Compensation boundary event id to the handler activity it is associated with. */
  private static Map<String, String> compensationHandlers(BpmnModelInstance instance) {
    Map<String, String> handlers = new LinkedHashMap<>();
    for (Association association : instance.getModelElementsByType(Association.class)) {
      if (association.getSource() != null && association.getTarget() != null) {
        handlers.put(association.getSource().getId(), association.getTarget().getId());
      }
    }
    return handlers;
  }

  private static String rootMessage(Throwable e) {
    Throwable cause = e;
    while (cause.getCause() != null && cause.getCause() != cause) {
      cause = cause.getCause();
    }
    String message = cause.getMessage() != null ? cause.getMessage() : cause.toString();
    return cause == e ? message : e.getMessage() + " (" + message + ")";
  }
}
