package io.switchboard.devices.netconf;

import io.switchboard.netconf.NetconfProtocol;

/** The server hello. */
final class Hello {

  private Hello() {}

  static String server(int sessionId) {
    StringBuilder xml = new StringBuilder(1024);
    xml.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
        .append("<hello xmlns=\"")
        .append(NetconfProtocol.BASE_NAMESPACE)
        .append("\">\n")
        .append("  <capabilities>\n");
    for (String capability : NetconfConstants.CAPABILITIES) {
      xml.append("    <capability>")
          .append(capability.replace("&", "&amp;"))
          .append("</capability>\n");
    }
    xml.append("  </capabilities>\n")
        .append("  <session-id>")
        .append(sessionId)
        .append("</session-id>\n")
        .append("</hello>");
    return xml.toString();
  }
}
