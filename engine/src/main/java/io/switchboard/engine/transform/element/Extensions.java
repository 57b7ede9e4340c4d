package io.switchboard.engine.transform.element;

import io.camunda.zeebe.model.bpmn.instance.BaseElement;
import io.camunda.zeebe.model.bpmn.instance.BpmnModelElementInstance;
import io.camunda.zeebe.model.bpmn.instance.FlowElement;

/** Small helpers every transformer uses: extension elements, blanks, element descriptions. */
public final class Extensions {
  private Extensions() {}

  /** The element's first extension element of {@code type}, or null. */
  public static <T extends BpmnModelElementInstance> T extension(
      BaseElement element, Class<T> type) {
    if (element.getExtensionElements() == null) {
      return null;
    }
    return element.getExtensionElements().getElementsQuery().filterByType(type).list().stream()
        .findFirst()
        .orElse(null);
  }

  public static boolean blank(String value) {
    return value == null || value.isBlank();
  }

  public static String blankToNull(String value) {
    return blank(value) ? null : value;
  }

  /** {@code serviceTask 'id'}: how problems name an element. */
  public static String describe(FlowElement element) {
    return element.getElementType().getTypeName() + " '" + element.getId() + "'";
  }
}
