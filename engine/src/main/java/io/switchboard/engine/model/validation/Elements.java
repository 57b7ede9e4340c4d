package io.switchboard.engine.model.validation;

import org.camunda.bpm.model.xml.instance.ModelElementInstance;

/** How a deployment problem names the element it is about. */
final class Elements {
  private Elements() {}

  /** {@code element 'id' of type 'type'}, or the nearest identified ancestor for id-less parts. */
  static String describe(ModelElementInstance element) {
    ModelElementInstance named = element;
    while (named != null && id(named) == null) {
      named = named.getParentElement();
    }
    if (named == null) {
      return "element of type '" + element.getElementType().getTypeName() + "'";
    }
    String text =
        "element '" + id(named) + "' of type '" + named.getElementType().getTypeName() + "'";
    return named == element
        ? text
        : text + " (in its " + element.getElementType().getTypeName() + ")";
  }

  private static String id(ModelElementInstance element) {
    String id = element.getAttributeValue("id");
    return id == null || id.isBlank() ? null : id;
  }
}
