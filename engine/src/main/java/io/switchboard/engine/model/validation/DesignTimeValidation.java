package io.switchboard.engine.model.validation;

import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.validation.zeebe.ZeebeDesignTimeValidators;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.camunda.bpm.model.xml.validation.ValidationResult;
import org.camunda.bpm.model.xml.validation.ValidationResultType;

/**
 * Runs Zeebe's own design-time validators (shipped in {@code zeebe-bpmn-model}, the rules the Zeebe
 * broker applies to every deployment before its transformers run), so that whatever Zeebe refuses
 * is refused here too, with Zeebe's message.
 */
public final class DesignTimeValidation {
  private DesignTimeValidation() {}

  /** One sentence per error, naming the element id and type; warnings are not problems. */
  public static List<String> errors(BpmnModelInstance instance) {
    List<String> problems = new ArrayList<>();
    Map<ModelElementInstance, List<ValidationResult>> results =
        instance.validate(ZeebeDesignTimeValidators.VALIDATORS).getResults();
    for (Map.Entry<ModelElementInstance, List<ValidationResult>> entry : results.entrySet()) {
      for (ValidationResult result : entry.getValue()) {
        if (result.getType() == ValidationResultType.ERROR) {
          problems.add(Elements.describe(entry.getKey()) + ": " + result.getMessage());
        }
      }
    }
    return problems;
  }
}
