package io.switchboard.camel.netconf;

import io.switchboard.netconf.NetconfProtocol;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * One request ready to send: the operation element that goes inside {@code <rpc>} (RFC 6241 section
 * 7), built from the resolved options.
 *
 * @param operation what it does
 * @param name the operation's name for errors and logs (the root element for raw RPCs)
 * @param xml the operation element; {@code null} for {@link NetconfOperation#HELLO}
 * @param datastore the datastore a lock or unlock concerns, else {@code null}
 */
public record NetconfRequest(
    NetconfOperation operation, String name, String xml, String datastore) {

  private static final Set<String> DATASTORES = Set.of("running", "candidate", "startup");
  private static final Set<String> DEFAULT_OPERATIONS = Set.of("merge", "replace", "none");
  private static final Set<String> EDIT_OPERATIONS =
      Set.of("merge", "replace", "create", "delete", "remove");

  /** Parameters of one request, after headers have overridden the endpoint's options. */
  public record Parameters(
      String target,
      String source,
      String filter,
      String defaultOperation,
      String editOperation,
      String testOption,
      String errorOption,
      boolean confirmed,
      Integer confirmTimeout,
      String persist,
      String persistId) {}

  /**
   * Builds the request.
   *
   * @param body the message body: configuration for edit-config, the operation element for rpc
   * @throws IllegalArgumentException when a parameter or the body is invalid
   */
  public static NetconfRequest build(NetconfOperation operation, Parameters p, String body) {
    return switch (operation) {
      case HELLO -> new NetconfRequest(operation, "hello", null, null);
      case GET -> simple(operation, "<get>" + filter(p.filter()) + "</get>");
      case GET_CONFIG ->
          simple(
              operation,
              "<get-config><source>"
                  + datastore(p.source(), "running")
                  + "</source>"
                  + filter(p.filter())
                  + "</get-config>");
      case EDIT_CONFIG -> simple(operation, editConfig(p, body));
      case LOCK, UNLOCK -> {
        String datastore = datastoreName(p.target(), "candidate");
        String name = operation.rfcName();
        yield new NetconfRequest(
            operation,
            name,
            "<" + name + "><target><" + datastore + "/></target></" + name + ">",
            datastore);
      }
      case COMMIT -> simple(operation, commit(p));
      case CANCEL_COMMIT ->
          simple(
              operation,
              p.persistId() == null
                  ? "<cancel-commit/>"
                  : "<cancel-commit><persist-id>"
                      + NetconfXml.escape(p.persistId())
                      + "</persist-id></cancel-commit>");
      case DISCARD_CHANGES -> simple(operation, "<discard-changes/>");
      case VALIDATE ->
          simple(
              operation,
              "<validate><source>" + datastore(p.source(), "candidate") + "</source></validate>");
      case CLOSE_SESSION -> simple(operation, "<close-session/>");
      case RPC -> rawRpc(body);
    };
  }

  private static NetconfRequest simple(NetconfOperation operation, String xml) {
    return new NetconfRequest(operation, operation.rfcName(), xml, null);
  }

  private static String datastore(String name, String fallback) {
    return "<" + datastoreName(name, fallback) + "/>";
  }

  private static String datastoreName(String name, String fallback) {
    String datastore = name == null ? fallback : name.strip().toLowerCase(Locale.ROOT);
    if (!DATASTORES.contains(datastore)) {
      throw new IllegalArgumentException(
          "unknown datastore '" + name + "' (running, candidate, startup)");
    }
    return datastore;
  }

  private static String filter(String filter) {
    if (filter == null || filter.isBlank()) {
      return "";
    }
    String content = filter.strip();
    if (content.startsWith("<filter")) {
      return content;
    }
    return "<filter type=\"subtree\">" + content + "</filter>";
  }

  private static String editConfig(Parameters p, String body) {
    if (body == null || body.isBlank()) {
      throw new IllegalArgumentException("edit-config needs the configuration in the message body");
    }
    String config = stripDeclaration(body);
    String defaultOperation = p.defaultOperation();
    if (p.editOperation() != null) {
      String editOperation = p.editOperation().strip().toLowerCase(Locale.ROOT);
      if (!EDIT_OPERATIONS.contains(editOperation)) {
        throw new IllegalArgumentException("unknown edit operation '" + p.editOperation() + "'");
      }
      config = markTopLevel(config, editOperation);
      if (defaultOperation == null) {
        defaultOperation = "none";
      }
    }
    StringBuilder xml =
        new StringBuilder("<edit-config><target>")
            .append(datastore(p.target(), "candidate"))
            .append("</target>");
    if (defaultOperation != null) {
      String value = defaultOperation.strip().toLowerCase(Locale.ROOT);
      if (!DEFAULT_OPERATIONS.contains(value)) {
        throw new IllegalArgumentException("unknown default-operation '" + defaultOperation + "'");
      }
      xml.append("<default-operation>").append(value).append("</default-operation>");
    }
    if (p.testOption() != null) {
      xml.append("<test-option>")
          .append(NetconfXml.escape(p.testOption()))
          .append("</test-option>");
    }
    if (p.errorOption() != null) {
      xml.append("<error-option>")
          .append(NetconfXml.escape(p.errorOption()))
          .append("</error-option>");
    }
    return xml.append("<config>").append(config).append("</config></edit-config>").toString();
  }

  /** Puts {@code nc:operation} on each top-level element of a configuration fragment. */
  private static String markTopLevel(String config, String editOperation) {
    Document document =
        NetconfXml.parse(
            "<config xmlns=\"" + NetconfProtocol.BASE_NAMESPACE + "\">" + config + "</config>");
    StringBuilder out = new StringBuilder();
    List<Element> elements = NetconfXml.childElements(document.getDocumentElement());
    for (Element element : elements) {
      element.setAttributeNS(NetconfProtocol.BASE_NAMESPACE, "nc:operation", editOperation);
      out.append(NetconfXml.toXml(element));
    }
    return out.toString();
  }

  private static String commit(Parameters p) {
    StringBuilder xml = new StringBuilder("<commit>");
    if (p.confirmed()) {
      xml.append("<confirmed/>");
      if (p.confirmTimeout() != null) {
        if (p.confirmTimeout() < 1) {
          throw new IllegalArgumentException("confirm-timeout must be at least 1 second");
        }
        xml.append("<confirm-timeout>").append(p.confirmTimeout()).append("</confirm-timeout>");
      }
      if (p.persist() != null) {
        xml.append("<persist>").append(NetconfXml.escape(p.persist())).append("</persist>");
      }
    }
    if (p.persistId() != null) {
      xml.append("<persist-id>").append(NetconfXml.escape(p.persistId())).append("</persist-id>");
    }
    return xml.append("</commit>").toString();
  }

  private static NetconfRequest rawRpc(String body) {
    if (body == null || body.isBlank()) {
      throw new IllegalArgumentException("operation rpc needs the RPC element in the message body");
    }
    String xml = stripDeclaration(body);
    Element root = NetconfXml.parse(xml).getDocumentElement();
    return new NetconfRequest(NetconfOperation.RPC, NetconfXml.localName(root), xml, null);
  }

  private static String stripDeclaration(String xml) {
    String text = xml.strip();
    if (text.startsWith("<?xml")) {
      int end = text.indexOf("?>");
      text = text.substring(end + 2).strip();
    }
    return text;
  }
}
