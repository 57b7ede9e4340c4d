package io.switchboard.devices.netconf;

import io.switchboard.devices.config.Xml;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * One RPC in flight: the device and session it arrived on, the {@code rpc} element and its
 * operation, and the document the reply is built in.
 */
public record RpcRequest(
    NetconfDevice device, NetconfSession session, Element operation, Document replyDocument) {

  /** A new unqualified element for the reply (it inherits the NETCONF namespace, as on Junos). */
  public Element element(String name) {
    return replyDocument.createElementNS(null, name);
  }

  public Element element(String name, String text) {
    Element e = element(name);
    if (text != null) {
      e.setTextContent(text);
    }
    return e;
  }

  /** The trimmed text of a parameter of the operation, or null. */
  public String parameter(String name) {
    return Xml.childText(operation, name);
  }

  public boolean flag(String name) {
    return Xml.child(operation, name) != null;
  }

  public int sessionId() {
    return session.id();
  }
}
