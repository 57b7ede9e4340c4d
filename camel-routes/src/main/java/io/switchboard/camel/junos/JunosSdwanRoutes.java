package io.switchboard.camel.junos;

import io.switchboard.camel.netconf.NetconfReply;
import io.switchboard.camel.netconf.NetconfXml;
import java.util.ArrayList;
import java.util.List;
import org.w3c.dom.Element;

/** SD-WAN read-only RPCs: the IPsec security associations of a device. */
public class JunosSdwanRoutes extends JunosRouteBuilder {
  /** Body: none. Answer: {@code List<IpsecSecurityAssociation>}. */
  public static final String GET_IPSEC_SAS = "junos-get-ipsec-security-associations";

  public static final String GET_IPSEC_SAS_URI = "direct:" + GET_IPSEC_SAS;

  @Override
  public void configure() {
    junosRoute(GET_IPSEC_SAS)
        .setBody(constant("<get-ipsec-security-associations-information/>"))
        .to(JunosRouteIds.NETCONF_RPC)
        .process(readReply((device, xml) -> associations(xml)));
  }

  static List<IpsecSecurityAssociation> associations(String xml) {
    NetconfReply reply = NetconfReply.parse(xml);
    List<IpsecSecurityAssociation> result = new ArrayList<>();
    for (Element block :
        NetconfXml.descendants(reply.root(), "ipsec-security-associations-block")) {
      Element sa = NetconfXml.child(block, "ipsec-security-associations");
      result.add(
          new IpsecSecurityAssociation(
              sa == null ? null : NetconfXml.childText(sa, "sa-vpn-name"),
              NetconfXml.childText(block, "sa-block-state"),
              sa == null ? null : NetconfXml.childText(sa, "sa-remote-gateway"),
              sa == null ? null : NetconfXml.childText(sa, "sa-bind-interface"),
              sa == null ? null : NetconfXml.childText(sa, "sa-down-reason")));
    }
    return List.copyOf(result);
  }
}
