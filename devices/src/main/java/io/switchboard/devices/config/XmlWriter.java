package io.switchboard.devices.config;

import java.util.HashMap;
import java.util.Map;
import javax.xml.XMLConstants;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * A small DOM serialiser that declares namespaces where an element needs them. Elements without a
 * namespace inherit the default namespace in scope instead of undeclaring it, as Junos replies do
 * (its configuration and operational data sit unqualified inside the NETCONF base namespace).
 */
final class XmlWriter {

  private final StringBuilder out = new StringBuilder(256);
  private final boolean pretty;

  private XmlWriter(boolean pretty) {
    this.pretty = pretty;
  }

  static String write(Node node, boolean pretty) {
    XmlWriter writer = new XmlWriter(pretty);
    Node start = node instanceof Document doc ? doc.getDocumentElement() : node;
    if (start instanceof Element element) {
      writer.element(element, new HashMap<>(), 0);
    } else if (start != null) {
      writer.escape(start.getTextContent(), false);
    }
    return writer.out.toString();
  }

  private void element(Element element, Map<String, String> inScope, int depth) {
    Map<String, String> scope = inScope;
    String tag = element.getNodeName();
    out.append('<').append(tag);
    String ns = element.getNamespaceURI();
    String prefix = element.getPrefix();
    String key = prefix == null ? "" : prefix;
    if (ns != null && !ns.equals(scope.get(key))) {
      scope = new HashMap<>(scope);
      scope.put(key, ns);
      declare(key, ns);
    }
    NamedNodeMap attributes = element.getAttributes();
    for (int i = 0; i < attributes.getLength(); i++) {
      Attr attr = (Attr) attributes.item(i);
      String attrNs = attr.getNamespaceURI();
      if (XMLConstants.XMLNS_ATTRIBUTE_NS_URI.equals(attrNs)) {
        String declared = attr.getPrefix() == null ? "" : Xml.name(attr);
        if (!attr.getValue().equals(scope.get(declared)) && !attr.getValue().isEmpty()) {
          scope = new HashMap<>(scope);
          scope.put(declared, attr.getValue());
          declare(declared, attr.getValue());
        }
        continue;
      }
      if (attrNs != null
          && attr.getPrefix() != null
          && !attrNs.equals(scope.get(attr.getPrefix()))) {
        scope = new HashMap<>(scope);
        scope.put(attr.getPrefix(), attrNs);
        declare(attr.getPrefix(), attrNs);
      }
      out.append(' ').append(attr.getNodeName()).append("=\"");
      escape(attr.getValue(), true);
      out.append('"');
    }
    if (!element.hasChildNodes()) {
      out.append("/>");
      return;
    }
    out.append('>');
    boolean elementsOnly = pretty && Xml.hasElementChildren(element);
    for (Node n = element.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element child) {
        if (elementsOnly) {
          newline(depth + 1);
        }
        element(child, scope, depth + 1);
      } else if (n.getNodeType() == Node.TEXT_NODE || n.getNodeType() == Node.CDATA_SECTION_NODE) {
        if (!elementsOnly || !n.getNodeValue().isBlank()) {
          escape(elementsOnly ? n.getNodeValue().trim() : n.getNodeValue(), false);
        }
      }
    }
    if (elementsOnly) {
      newline(depth);
    }
    out.append("</").append(tag).append('>');
  }

  private void declare(String prefix, String ns) {
    out.append(prefix.isEmpty() ? " xmlns" : " xmlns:" + prefix).append("=\"");
    escape(ns, true);
    out.append('"');
  }

  private void newline(int depth) {
    out.append('\n');
    out.append("  ".repeat(depth));
  }

  private void escape(String text, boolean attribute) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append(attribute ? "&quot;" : "\"");
        case '\r' -> out.append("&#13;");
        default -> out.append(c);
      }
    }
  }
}
