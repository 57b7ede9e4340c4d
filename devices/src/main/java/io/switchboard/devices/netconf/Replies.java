package io.switchboard.devices.netconf;

import io.switchboard.devices.config.Xml;
import io.switchboard.netconf.NetconfProtocol;
import io.switchboard.netconf.error.RpcError;
import io.switchboard.netconf.error.RpcErrors;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.xml.XMLConstants;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;

/** Builds {@code rpc-reply} documents the way Junos shapes them. */
final class Replies {

  private Replies() {}

  /**
   * An empty {@code rpc-reply} carrying the attributes of the {@code rpc} (RFC 6241 4.2) and the
   * {@code junos:} namespace declaration Junos puts on every reply.
   */
  static Document newReply(Element rpc, NetconfDevice device) {
    Document doc = Xml.newDocument();
    Element reply = doc.createElementNS(NetconfProtocol.BASE_NAMESPACE, "rpc-reply");
    reply.setAttributeNS(
        XMLConstants.XMLNS_ATTRIBUTE_NS_URI,
        "xmlns:junos",
        NetconfConstants.junosNamespace(device.software().version()));
    if (rpc != null) {
      NamedNodeMap attributes = rpc.getAttributes();
      for (int i = 0; i < attributes.getLength(); i++) {
        Attr attr = (Attr) attributes.item(i);
        if (XMLConstants.XMLNS_ATTRIBUTE_NS_URI.equals(attr.getNamespaceURI())) {
          continue;
        }
        if (attr.getNamespaceURI() == null) {
          reply.setAttributeNS(null, attr.getName(), attr.getValue());
        } else {
          reply.setAttributeNS(attr.getNamespaceURI(), attr.getName(), attr.getValue());
        }
      }
    }
    doc.appendChild(reply);
    return doc;
  }

  /** Puts an operation's answer into its reply document. */
  static Document fill(Document doc, RpcReply reply) {
    Element root = doc.getDocumentElement();
    if (reply.content().isEmpty()) {
      root.appendChild(doc.createElementNS(null, "ok"));
    } else {
      for (Element element : reply.content()) {
        root.appendChild(
            element.getOwnerDocument() == doc ? element : doc.importNode(element, true));
      }
    }
    return doc;
  }

  static Document error(Element rpc, NetconfDevice device, List<RpcError> errors) {
    Document doc = newReply(rpc, device);
    for (RpcError error : errors) {
      doc.getDocumentElement().appendChild(rpcError(doc, error));
    }
    return doc;
  }

  /** A reply whose content is the errors of an exception. */
  static RpcReply errorReply(RpcRequest request, RpcException e) {
    Element[] errors =
        e.errors().stream()
            .map(error -> rpcError(request.replyDocument(), error))
            .toArray(Element[]::new);
    return RpcReply.of(errors);
  }

  static Element rpcError(Document doc, RpcError error) {
    return RpcErrors.write(doc, error);
  }

  /**
   * Without an XML declaration, as Junos sends replies (ncclient's Junos handler chokes on one).
   */
  static byte[] bytes(Document doc) {
    return Xml.toString(doc).getBytes(StandardCharsets.UTF_8);
  }
}
