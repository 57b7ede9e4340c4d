package io.switchboard.camel.netconf;

import io.switchboard.netconf.error.RpcError;
import io.switchboard.netconf.error.RpcErrors;
import java.util.List;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * A parsed {@code <rpc-reply>}: whether it says {@code <ok/>}, its {@code <data>} and every {@code
 * <rpc-error>} anywhere inside it (Junos nests them in its own result elements).
 */
public final class NetconfReply {

  private final String xml;
  private final Document document;
  private final List<RpcError> errors;

  private NetconfReply(String xml, Document document, List<RpcError> errors) {
    this.xml = xml;
    this.document = document;
    this.errors = errors;
  }

  /**
   * Parses an {@code <rpc-reply>} document.
   *
   * @throws IllegalArgumentException when the XML is not well-formed or not an rpc-reply
   */
  public static NetconfReply parse(String xml) {
    Document document = NetconfXml.parse(xml);
    Element root = document.getDocumentElement();
    if (!"rpc-reply".equals(NetconfXml.localName(root))) {
      throw new IllegalArgumentException(
          "expected <rpc-reply> but got <" + root.getTagName() + ">");
    }
    return new NetconfReply(xml, document, RpcErrors.findAll(root));
  }

  public String xml() {
    return xml;
  }

  public Document document() {
    return document;
  }

  public Element root() {
    return document.getDocumentElement();
  }

  public boolean isOk() {
    return NetconfXml.child(root(), "ok") != null;
  }

  /** The {@code <data>} element of a get or get-config reply, or {@code null}. */
  public Element data() {
    return NetconfXml.child(root(), "data");
  }

  /** All rpc-errors, warnings included. */
  public List<RpcError> errors() {
    return errors;
  }

  public boolean hasErrors() {
    return errors.stream().anyMatch(RpcError::isError);
  }

  /** Throws a {@link NetconfRpcException} when any rpc-error has severity error. */
  public NetconfReply throwIfError(String deviceId, String operation) {
    if (hasErrors()) {
      throw new NetconfRpcException(deviceId, operation, errors, xml);
    }
    return this;
  }
}
