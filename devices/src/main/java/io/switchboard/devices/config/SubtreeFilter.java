package io.switchboard.devices.config;

import java.util.ArrayList;
import java.util.List;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * RFC 6241 section 6 subtree filtering on namespace-free data: containment nodes select matching
 * children and recurse, selection nodes (empty elements) select whole subtrees, content-match nodes
 * (leaves with text) keep only siblings whose leaf has that value. Names compare by local name,
 * since Junos configuration carries no namespaces.
 */
public final class SubtreeFilter {

  private SubtreeFilter() {}

  /**
   * Filters the children of {@code data} by the children of {@code filter} and appends the selected
   * copies to {@code output}.
   */
  public static void apply(Element data, Element filter, Element output) {
    Document doc = output.getOwnerDocument();
    for (Element selected : select(data, filter, doc)) {
      output.appendChild(selected);
    }
  }

  private static List<Element> select(Element data, Element filter, Document doc) {
    List<Element> result = new ArrayList<>();
    for (Element dataChild : Xml.children(data)) {
      Element merged = null;
      for (Element filterChild : Xml.children(filter, Xml.name(dataChild))) {
        Element selected = match(dataChild, filterChild, doc);
        if (selected != null) {
          merged = merged == null ? selected : mergeSelections(merged, selected);
        }
      }
      if (merged != null) {
        result.add(merged);
      }
    }
    return result;
  }

  /** The copy of {@code data} that {@code filter} selects, or null when it selects nothing. */
  private static Element match(Element data, Element filter, Document doc) {
    if (!Xml.hasElementChildren(filter)) {
      String value = filter.getTextContent().trim();
      if (value.isEmpty() || value.equals(data.getTextContent().trim())) {
        return (Element) doc.importNode(data, true);
      }
      return null;
    }
    List<Element> contentMatches = new ArrayList<>();
    List<Element> others = new ArrayList<>();
    for (Element f : Xml.children(filter)) {
      if (!Xml.hasElementChildren(f) && !f.getTextContent().trim().isEmpty()) {
        contentMatches.add(f);
      } else {
        others.add(f);
      }
    }
    for (Element cm : contentMatches) {
      boolean found = false;
      for (Element d : Xml.children(data, Xml.name(cm))) {
        if (d.getTextContent().trim().equals(cm.getTextContent().trim())) {
          found = true;
          break;
        }
      }
      if (!found) {
        return null;
      }
    }
    Element copy = (Element) doc.importNode(data, false);
    if (others.isEmpty()) {
      // Only content-match nodes: the whole matching entry is selected.
      for (Element d : Xml.children(data)) {
        copy.appendChild(doc.importNode(d, true));
      }
      return copy;
    }
    Element subFilter = (Element) doc.importNode(filter, false);
    for (Element f : Xml.children(filter)) {
      subFilter.appendChild(doc.importNode(f, true));
    }
    List<Element> selected = select(data, subFilter, doc);
    if (selected.isEmpty() && !contentMatches.isEmpty()) {
      // Keys matched but nothing else selected: still report the entry with its keys.
      selected = new ArrayList<>();
    }
    if (selected.isEmpty() && contentMatches.isEmpty()) {
      return null;
    }
    for (Element s : selected) {
      copy.appendChild(s);
    }
    return copy;
  }

  private static Element mergeSelections(Element first, Element second) {
    for (Element child : Xml.children(second)) {
      first.appendChild(child);
    }
    return first;
  }
}
