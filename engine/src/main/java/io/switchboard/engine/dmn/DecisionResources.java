package io.switchboard.engine.dmn;

import io.switchboard.engine.model.DeploymentRejectedException;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.Definitions;
import org.camunda.bpm.model.xml.instance.DomElement;
import org.camunda.dmn.parser.ParsedDecision;
import org.camunda.dmn.parser.ParsedDmn;
import scala.jdk.javaapi.CollectionConverters;
import scala.util.Either;
import scala.util.Left;
import scala.util.Right;

/**
 * Reads a deployed {@code .dmn} resource: the decision requirements graph (the definitions' id and
 * name) and its decisions, each with its {@code zeebe:versionTag}. A resource the DMN engine cannot
 * parse is refused with its reason, so it never reaches a running process.
 */
public final class DecisionResources {
  private final DmnEvaluator dmn;

  /** A parsed DMN resource, before it has keys and versions. */
  public record Parsed(
      String resourceName,
      byte[] content,
      String decisionRequirementsId,
      String name,
      List<ParsedDecisionInfo> decisions) {}

  public record ParsedDecisionInfo(String id, String name, String versionTag) {}

  public DecisionResources(DmnEvaluator dmn) {
    this.dmn = dmn;
  }

  /** Whether the resource is DMN (by name, as Zeebe decides). */
  public static boolean isDmn(String resourceName) {
    return resourceName.endsWith(".dmn");
  }

  /**
   * @throws DeploymentRejectedException naming the resource and what is wrong with it
   */
  public Parsed parse(String resourceName, byte[] content) {
    Either<String, ParsedDmn> result = dmn.parse(content);
    if (result instanceof Left<String, ParsedDmn> left) {
      throw new DeploymentRejectedException(
          "'" + resourceName + "' is not a valid DMN resource: " + left.value());
    }
    ParsedDmn parsed = ((Right<String, ParsedDmn>) result).value();
    Definitions definitions = parsed.model().getDefinitions();
    if (definitions.getId() == null || definitions.getId().isBlank()) {
      throw new DeploymentRejectedException(
          "'" + resourceName + "' has no decision requirements id (definitions id)");
    }
    List<ParsedDecisionInfo> decisions = new ArrayList<>();
    for (ParsedDecision decision : CollectionConverters.asJavaCollection(parsed.decisions())) {
      Decision element = parsed.model().getModelElementById(decision.id());
      decisions.add(new ParsedDecisionInfo(decision.id(), decision.name(), versionTag(element)));
    }
    if (decisions.isEmpty()) {
      throw new DeploymentRejectedException("'" + resourceName + "' contains no decision");
    }
    return new Parsed(
        resourceName,
        content,
        definitions.getId(),
        definitions.getName() != null ? definitions.getName() : definitions.getId(),
        decisions);
  }

  /** The decision's {@code <zeebe:versionTag value="..."/>} extension element, or null. */
  private static String versionTag(Decision decision) {
    if (decision == null || decision.getExtensionElements() == null) {
      return null;
    }
    for (DomElement child : decision.getExtensionElements().getDomElement().getChildElements()) {
      String value = child.getAttribute("value");
      if ("versionTag".equals(child.getLocalName()) && value != null && !value.isBlank()) {
        return value;
      }
    }
    return null;
  }
}
