package io.switchboard.camel.junos;

import io.switchboard.camel.netconf.NetconfReply;
import io.switchboard.camel.netconf.NetconfXml;
import java.util.ArrayList;
import java.util.List;
import org.w3c.dom.Element;

/** SD-WAN read-only RPCs: the IPsec security associations and the RPM probe results of a device. */
public class JunosSdwanRoutes extends JunosRouteBuilder {
  /** Body: none. Answer: {@code List<IpsecSecurityAssociation>}. */
  public static final String GET_IPSEC_SAS = "junos-get-ipsec-security-associations";

  public static final String GET_IPSEC_SAS_URI = "direct:" + GET_IPSEC_SAS;

  /** Body: none. Answer: {@code List<RpmProbeResult>}, every probe test of the device. */
  public static final String GET_PROBE_RESULTS = "junos-get-probe-results";

  public static final String GET_PROBE_RESULTS_URI = "direct:" + GET_PROBE_RESULTS;

  @Override
  public void configure() {
    junosRoute(GET_IPSEC_SAS)
        .setBody(constant("<get-ipsec-security-associations-information/>"))
        .to(JunosRouteIds.NETCONF_RPC)
        .process(readReply((device, xml) -> associations(xml)));

    junosRoute(GET_PROBE_RESULTS)
        .setBody(constant("<get-probe-results/>"))
        .to(JunosRouteIds.NETCONF_RPC)
        .process(readReply((device, xml) -> probeResults(xml)));
  }

  static List<RpmProbeResult> probeResults(String xml) {
    NetconfReply reply = NetconfReply.parse(xml);
    List<RpmProbeResult> result = new ArrayList<>();
    for (Element test : NetconfXml.descendants(reply.root(), "probe-test-results")) {
      List<Element> generic = NetconfXml.descendants(test, "probe-test-generic-results");
      Element current = generic.isEmpty() ? null : generic.get(0);
      List<Element> summary =
          current == null ? List.of() : NetconfXml.descendants(current, "probe-summary-results");
      Element rtt = summary.isEmpty() ? null : summary.get(0);
      result.add(
          new RpmProbeResult(
              NetconfXml.childText(test, "owner"),
              NetconfXml.childText(test, "test-name"),
              NetconfXml.childText(test, "destination-interface"),
              number(
                  current == null ? null : NetconfXml.childText(current, "loss-percentage"), 100),
              number(rtt == null ? null : NetconfXml.childText(rtt, "avg-delay"), 0) / 1000,
              number(rtt == null ? null : NetconfXml.childText(rtt, "jitter-delay"), 0) / 1000));
    }
    return List.copyOf(result);
  }

  /** A figure of the reply; a probe that reports none has not measured: {@code fallback}. */
  private static double number(String text, double fallback) {
    if (text == null || text.isBlank()) {
      return fallback;
    }
    try {
      return Double.parseDouble(text.trim());
    } catch (NumberFormatException e) {
      return fallback;
    }
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
