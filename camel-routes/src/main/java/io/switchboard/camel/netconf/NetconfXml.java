package io.switchboard.camel.netconf;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/** XML helpers for NETCONF messages. Parsing refuses DTDs: device input is untrusted. */
public final class NetconfXml {

  private static final DocumentBuilderFactory FACTORY = newFactory();
  private static final ThreadLocal<DocumentBuilder> BUILDER =
      ThreadLocal.withInitial(NetconfXml::newBuilder);
  private static final TransformerFactory TRANSFORMERS = TransformerFactory.newInstance();

  private NetconfXml() {}

  private static DocumentBuilderFactory newFactory() {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    factory.setExpandEntityReferences(false);
    factory.setXIncludeAware(false);
    try {
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    } catch (ParserConfigurationException e) {
      throw new IllegalStateException("XML parser cannot be secured", e);
    }
    return factory;
  }

  /** Errors become exceptions; the default handler would also print them to stderr. */
  private static final org.xml.sax.ErrorHandler SILENT =
      new org.xml.sax.helpers.DefaultHandler() {
        @Override
        public void fatalError(org.xml.sax.SAXParseException e) throws SAXException {
          throw e;
        }

        @Override
        public void error(org.xml.sax.SAXParseException e) throws SAXException {
          throw e;
        }
      };

  private static DocumentBuilder newBuilder() {
    try {
      DocumentBuilder builder = FACTORY.newDocumentBuilder();
      builder.setErrorHandler(SILENT);
      return builder;
    } catch (ParserConfigurationException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Parses a whole document; throws {@link IllegalArgumentException} when it is not well-formed.
   */
  public static Document parse(String xml) {
    DocumentBuilder builder = BUILDER.get();
    builder.reset();
    builder.setErrorHandler(SILENT);
    try {
      return builder.parse(new InputSource(new StringReader(xml.strip())));
    } catch (SAXException | IOException e) {
      throw new IllegalArgumentException("not well-formed XML: " + e.getMessage(), e);
    }
  }

  /** Serializes a node without an XML declaration. */
  public static String toXml(Node node) {
    try {
      Transformer transformer = TRANSFORMERS.newTransformer();
      transformer.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
      StringWriter out = new StringWriter();
      transformer.transform(new DOMSource(node), new StreamResult(out));
      return out.toString();
    } catch (TransformerException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Escapes text for use inside an element or an attribute value. */
  public static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&apos;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  /** Child elements of {@code parent}, in document order. */
  public static List<Element> childElements(Node parent) {
    List<Element> children = new ArrayList<>();
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element element) {
        children.add(element);
      }
    }
    return children;
  }

  /** The first child element with this local name (any namespace), or {@code null}. */
  public static Element child(Node parent, String localName) {
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element element && localName.equals(localName(element))) {
        return element;
      }
    }
    return null;
  }

  /** The trimmed text of the first child element with this local name, or {@code null}. */
  public static String childText(Node parent, String localName) {
    Element child = child(parent, localName);
    return child == null ? null : child.getTextContent().strip();
  }

  /** All descendant elements with this local name (any namespace), in document order. */
  public static List<Element> descendants(Node root, String localName) {
    List<Element> found = new ArrayList<>();
    collect(root, localName, found);
    return found;
  }

  private static void collect(Node node, String localName, List<Element> found) {
    for (Node n = node.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element element) {
        if (localName.equals(localName(element))) {
          found.add(element);
        }
        collect(element, localName, found);
      }
    }
  }

  public static String localName(Element element) {
    return element.getLocalName() != null ? element.getLocalName() : element.getTagName();
  }
}
