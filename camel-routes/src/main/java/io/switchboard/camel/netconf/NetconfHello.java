package io.switchboard.camel.netconf;

import io.switchboard.netconf.NetconfCapabilities;
import io.switchboard.netconf.NetconfProtocol;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;
import org.w3c.dom.Element;

/** The hello exchange (RFC 6241 section 8.1): ours to send, the device's to read. */
record NetconfHello(Set<String> capabilities, String sessionId) {

  /** Our hello: base:1.0, and base:1.1 when chunked framing may be used. */
  static byte[] client(boolean offerBase11) {
    StringBuilder xml =
        new StringBuilder()
            .append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
            .append("<hello xmlns=\"")
            .append(NetconfProtocol.BASE_NAMESPACE)
            .append("\"><capabilities>")
            .append("<capability>")
            .append(NetconfCapabilities.BASE_10)
            .append("</capability>");
    if (offerBase11) {
      xml.append("<capability>").append(NetconfCapabilities.BASE_11).append("</capability>");
    }
    return xml.append("</capabilities></hello>").toString().getBytes(StandardCharsets.UTF_8);
  }

  /**
   * Reads the device's hello.
   *
   * @throws IllegalArgumentException when it is not a hello or offers no base capability
   */
  static NetconfHello parse(String xml) {
    Element root = NetconfXml.parse(xml).getDocumentElement();
    if (!"hello".equals(NetconfXml.localName(root))) {
      throw new IllegalArgumentException(
          "expected <hello> first but got <" + root.getTagName() + ">");
    }
    Set<String> capabilities = new LinkedHashSet<>();
    Element list = NetconfXml.child(root, "capabilities");
    if (list != null) {
      for (Element capability : NetconfXml.childElements(list)) {
        capabilities.add(capability.getTextContent().strip());
      }
    }
    if (!NetconfCapabilities.has(capabilities, NetconfCapabilities.BASE_10)
        && !NetconfCapabilities.has(capabilities, NetconfCapabilities.BASE_11)) {
      throw new IllegalArgumentException(
          "hello offers no NETCONF base capability: " + capabilities);
    }
    return new NetconfHello(
        Collections.unmodifiableSet(capabilities), NetconfXml.childText(root, "session-id"));
  }

  /** Chunked framing when both sides speak base:1.1 (RFC 6242 section 4.1). */
  boolean chunkedWith(boolean offeredBase11) {
    return offeredBase11 && NetconfCapabilities.has(capabilities, NetconfCapabilities.BASE_11);
  }
}
