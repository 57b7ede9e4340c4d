package io.switchboard.devices.config;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/** DOM helpers: secure parsing, child navigation, namespace-free copies and serialisation. */
public final class Xml {

  private static final DocumentBuilderFactory FACTORY = newFactory();
  private static final ThreadLocal<DocumentBuilder> BUILDER =
      ThreadLocal.withInitial(
          () -> {
            try {
              return FACTORY.newDocumentBuilder();
            } catch (ParserConfigurationException e) {
              throw new IllegalStateException(e);
            }
          });

  private Xml() {}

  private static DocumentBuilderFactory newFactory() {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    factory.setExpandEntityReferences(false);
    try {
      // Devices never resolve DTDs or external entities (XXE).
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    } catch (ParserConfigurationException e) {
      throw new IllegalStateException(e);
    }
    return factory;
  }

  /** Parses a document; the message of the exception says what is malformed. */
  public static Document parse(byte[] bytes) throws XmlException {
    DocumentBuilder builder = BUILDER.get();
    builder.reset();
    builder.setErrorHandler(null);
    try {
      return builder.parse(new ByteArrayInputStream(bytes));
    } catch (SAXException e) {
      throw new XmlException(e.getMessage(), e);
    } catch (java.io.IOException e) {
      throw new XmlException(e.getMessage(), e);
    }
  }

  public static Document parse(String text) throws XmlException {
    return parse(text.getBytes(StandardCharsets.UTF_8));
  }

  public static Document newDocument() {
    return BUILDER.get().newDocument();
  }

  /** The element children of a node, in document order. */
  public static List<Element> children(Node parent) {
    List<Element> result = new ArrayList<>();
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e) {
        result.add(e);
      }
    }
    return result;
  }

  public static List<Element> children(Node parent, String localName) {
    List<Element> result = new ArrayList<>();
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && localName.equals(name(e))) {
        result.add(e);
      }
    }
    return result;
  }

  /** The first element child with this local name, or null. */
  public static Element child(Node parent, String localName) {
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && localName.equals(name(e))) {
        return e;
      }
    }
    return null;
  }

  /** Follows a path of local names; null when a step is missing. */
  public static Element path(Node parent, String... localNames) {
    Node current = parent;
    for (String localName : localNames) {
      current = child(current, localName);
      if (current == null) {
        return null;
      }
    }
    return (Element) current;
  }

  /** The trimmed text of the first child with this name, or null. */
  public static String childText(Node parent, String localName) {
    Element child = child(parent, localName);
    return child == null ? null : text(child);
  }

  public static String text(Element element) {
    return element.getTextContent().trim();
  }

  public static boolean hasElementChildren(Element element) {
    for (Node n = element.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element) {
        return true;
      }
    }
    return false;
  }

  /** The local name, also for elements created without a namespace. */
  public static String name(Node node) {
    String local = node.getLocalName();
    return local != null ? local : node.getNodeName();
  }

  /** An attribute by local name in any namespace (or none), or null. */
  public static String attribute(Element element, String localName) {
    NamedNodeMap attributes = element.getAttributes();
    for (int i = 0; i < attributes.getLength(); i++) {
      Attr attr = (Attr) attributes.item(i);
      if (localName.equals(name(attr))
          && !XMLConstants.XMLNS_ATTRIBUTE_NS_URI.equals(attr.getNamespaceURI())) {
        return attr.getValue();
      }
    }
    return null;
  }

  /**
   * Copies an element into {@code target} without namespaces: Junos configuration is
   * namespace-free, and clients wrap it in whatever namespace their library picks. Whitespace-only
   * text between elements is dropped and leaf text trimmed; attributes keep their local names.
   */
  public static Element copyWithoutNamespaces(Document target, Element source) {
    Element copy = target.createElementNS(null, name(source));
    NamedNodeMap attributes = source.getAttributes();
    for (int i = 0; i < attributes.getLength(); i++) {
      Attr attr = (Attr) attributes.item(i);
      if (XMLConstants.XMLNS_ATTRIBUTE_NS_URI.equals(attr.getNamespaceURI())
          || attr.getNodeName().startsWith("xmlns")) {
        continue;
      }
      copy.setAttributeNS(null, name(attr), attr.getValue());
    }
    boolean hasElements = hasElementChildren(source);
    if (hasElements) {
      for (Element child : children(source)) {
        copy.appendChild(copyWithoutNamespaces(target, child));
      }
    } else {
      String text = source.getTextContent().trim();
      if (!text.isEmpty()) {
        copy.setTextContent(text);
      }
    }
    return copy;
  }

  /** A deep copy of an element as the root of a new document. */
  public static Document copyAsDocument(Element element) {
    Document doc = newDocument();
    doc.appendChild(doc.importNode(element, true));
    return doc;
  }

  /** Appends a new child element without namespace, with optional text. */
  public static Element append(Element parent, String localName, String text) {
    Element child = parent.getOwnerDocument().createElementNS(null, localName);
    if (text != null) {
      child.setTextContent(text);
    }
    parent.appendChild(child);
    return child;
  }

  public static Element append(Element parent, String localName) {
    return append(parent, localName, null);
  }

  /** Serialises compactly (the wire form). */
  public static String toString(Node node) {
    return XmlWriter.write(node, false);
  }

  /** Serialises with two-space indentation (for people and logs). */
  public static String toPrettyString(Node node) {
    return XmlWriter.write(node, true);
  }
}
