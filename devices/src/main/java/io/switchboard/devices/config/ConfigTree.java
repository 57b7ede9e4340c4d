package io.switchboard.devices.config;

import java.util.List;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Applies NETCONF edit semantics (merge, replace, create, delete, remove, none) to a namespace-free
 * configuration tree. List entries are keyed by their {@code name} leaf, the way Junos keys nearly
 * every list (interfaces, units, zones, gateways, policies); other elements match by name, and
 * same-named leaves (leaf-lists) by their value. Both the NETCONF {@code operation} attribute and
 * the Junos {@code delete="delete"} / {@code replace="replace"} attributes are honoured.
 */
public final class ConfigTree {

  /** The key leaf of every list entry. */
  public static final String KEY = "name";

  private ConfigTree() {}

  /**
   * Applies the children of {@code source} to the children of {@code target} (both are the {@code
   * configuration} roots). {@code target} is changed in place; callers that need atomicity edit a
   * copy.
   */
  public static void edit(Element target, Element source, EditOperation defaultOperation)
      throws ConfigException {
    if (defaultOperation == EditOperation.REPLACE) {
      // RFC 6241: the <config> content replaces the whole datastore.
      for (Element child : Xml.children(target)) {
        target.removeChild(child);
      }
      applyChildren(target, source, EditOperation.MERGE, "[edit]");
      return;
    }
    applyChildren(target, source, defaultOperation, "[edit]");
  }

  private static void applyChildren(
      Element targetParent, Element sourceParent, EditOperation inherited, String path)
      throws ConfigException {
    for (Element source : Xml.children(sourceParent)) {
      EditOperation op = explicitOperation(source, inherited);
      Element target = findMatch(targetParent, source, sourceParent);
      String where = path + " " + label(source);
      switch (op) {
        case DELETE -> {
          if (target == null) {
            throw new ConfigException(
                "data-missing", "statement not found: " + label(source), path, Xml.name(source));
          }
          targetParent.removeChild(target);
        }
        case REMOVE -> {
          if (target != null) {
            targetParent.removeChild(target);
          }
        }
        case CREATE -> {
          if (target != null) {
            throw new ConfigException(
                "data-exists",
                "statement already exists: " + label(source),
                path,
                Xml.name(source));
          }
          targetParent.appendChild(cleanCopy(targetParent.getOwnerDocument(), source));
        }
        case REPLACE -> {
          Element copy = cleanCopy(targetParent.getOwnerDocument(), source);
          if (target != null) {
            targetParent.replaceChild(copy, target);
          } else {
            targetParent.appendChild(copy);
          }
        }
        case MERGE -> merge(targetParent, target, source, where);
        case NONE -> {
          if (Xml.hasElementChildren(source)) {
            boolean created = target == null;
            Element node = created ? shell(targetParent, source) : target;
            applyChildren(node, source, EditOperation.NONE, where);
            if (created && !Xml.hasElementChildren(node)) {
              targetParent.removeChild(node);
            }
          }
        }
      }
    }
  }

  private static void merge(Element targetParent, Element target, Element source, String where)
      throws ConfigException {
    if (!Xml.hasElementChildren(source)) {
      Element leaf = target != null ? target : shell(targetParent, source);
      String text = source.getTextContent().trim();
      leaf.setTextContent(text.isEmpty() ? null : text);
      return;
    }
    Element node = target != null ? target : shell(targetParent, source);
    applyChildren(node, source, EditOperation.MERGE, where);
  }

  /** A new empty element with the source's name appended to the parent. */
  private static Element shell(Element parent, Element source) {
    Element node = parent.getOwnerDocument().createElementNS(null, Xml.name(source));
    parent.appendChild(node);
    return node;
  }

  private static EditOperation explicitOperation(Element source, EditOperation inherited)
      throws ConfigException {
    String operation = Xml.attribute(source, "operation");
    if (operation != null) {
      return EditOperation.parse(operation);
    }
    if ("delete".equals(Xml.attribute(source, "delete"))) {
      // Junos does not complain about deleting what is not there.
      return EditOperation.REMOVE;
    }
    if ("replace".equals(Xml.attribute(source, "replace"))) {
      return EditOperation.REPLACE;
    }
    // Only merge and none reach nested elements: the other operations act on whole subtrees.
    return inherited;
  }

  /** The existing element that {@code source} addresses among the children of the target. */
  static Element findMatch(Element targetParent, Element source, Element sourceParent) {
    String name = Xml.name(source);
    List<Element> candidates = Xml.children(targetParent, name);
    if (candidates.isEmpty()) {
      return null;
    }
    String key = Xml.childText(source, KEY);
    if (key != null && Xml.hasElementChildren(source)) {
      for (Element candidate : candidates) {
        if (key.equals(Xml.childText(candidate, KEY))) {
          return candidate;
        }
      }
      return null;
    }
    if (!Xml.hasElementChildren(source)) {
      boolean leafList = candidates.size() > 1 || Xml.children(sourceParent, name).size() > 1;
      if (leafList) {
        String value = source.getTextContent().trim();
        for (Element candidate : candidates) {
          if (candidate.getTextContent().trim().equals(value)) {
            return candidate;
          }
        }
        return null;
      }
    }
    return candidates.get(0);
  }

  /** A copy without edit attributes (they describe the edit, not the data). */
  private static Element cleanCopy(Document doc, Element source) {
    Element copy = Xml.copyWithoutNamespaces(doc, source);
    stripEditAttributes(copy);
    return copy;
  }

  /** Removes NETCONF and Junos edit attributes from an element tree. */
  public static void stripEditAttributes(Element element) {
    element.removeAttribute("operation");
    element.removeAttribute("delete");
    element.removeAttribute("replace");
    for (Element child : Xml.children(element)) {
      stripEditAttributes(child);
    }
  }

  /** How Junos names a statement in paths and messages: {@code interface ge-0/0/0}. */
  static String label(Element element) {
    String key = Xml.hasElementChildren(element) ? Xml.childText(element, KEY) : null;
    return key == null ? Xml.name(element) : Xml.name(element) + " " + key;
  }
}
