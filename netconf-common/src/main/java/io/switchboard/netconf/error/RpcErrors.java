package io.switchboard.netconf.error;

import io.switchboard.netconf.NetconfProtocol;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Reads and writes {@code <rpc-error>} elements. Names are matched by local name in any namespace:
 * servers differ in whether they qualify the error's children (Junos also nests rpc-errors inside
 * its own result elements).
 */
public final class RpcErrors {

  private RpcErrors() {}

  /** Every {@code <rpc-error>} anywhere below {@code reply}, in document order. */
  public static List<RpcError> findAll(Element reply) {
    List<RpcError> errors = new ArrayList<>();
    collect(reply, errors);
    return List.copyOf(errors);
  }

  private static void collect(Node node, List<RpcError> errors) {
    for (Node n = node.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element element) {
        if ("rpc-error".equals(localName(element))) {
          errors.add(parse(element));
        } else {
          collect(element, errors);
        }
      }
    }
  }

  /** One {@code <rpc-error>} element. */
  public static RpcError parse(Element rpcError) {
    Map<String, String> info = new LinkedHashMap<>();
    Element errorInfo = child(rpcError, "error-info");
    if (errorInfo != null) {
      for (Node n = errorInfo.getFirstChild(); n != null; n = n.getNextSibling()) {
        if (n instanceof Element element) {
          info.put(localName(element), element.getTextContent().strip());
        }
      }
    }
    return new RpcError(
        childText(rpcError, "error-type"),
        childText(rpcError, "error-tag"),
        childText(rpcError, "error-severity"),
        childText(rpcError, "error-app-tag"),
        childText(rpcError, "error-path"),
        childText(rpcError, "error-message"),
        info);
  }

  /**
   * A new {@code <rpc-error>} element of {@code doc} (not yet attached), its children in the order
   * RFC 6241 section 4.3 lists them, all in the NETCONF base namespace as RFC 6241 defines them.
   */
  public static Element write(Document doc, RpcError error) {
    Element element = doc.createElementNS(NetconfProtocol.BASE_NAMESPACE, "rpc-error");
    append(element, "error-type", error.type());
    append(element, "error-tag", error.tag());
    append(element, "error-severity", error.severity());
    append(element, "error-app-tag", error.appTag());
    append(element, "error-path", error.path());
    append(element, "error-message", error.message());
    if (!error.info().isEmpty()) {
      Element info = doc.createElementNS(NetconfProtocol.BASE_NAMESPACE, "error-info");
      error.info().forEach((name, value) -> append(info, name, value));
      element.appendChild(info);
    }
    return element;
  }

  private static void append(Element parent, String name, String text) {
    if (text == null) {
      return;
    }
    Element child = parent.getOwnerDocument().createElementNS(NetconfProtocol.BASE_NAMESPACE, name);
    child.setTextContent(text);
    parent.appendChild(child);
  }

  private static Element child(Element parent, String localName) {
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element element && localName.equals(localName(element))) {
        return element;
      }
    }
    return null;
  }

  private static String childText(Element parent, String localName) {
    Element child = child(parent, localName);
    return child == null ? null : child.getTextContent().strip();
  }

  private static String localName(Element element) {
    return element.getLocalName() != null ? element.getLocalName() : element.getTagName();
  }
}
