package io.switchboard.camel.junos;

import static io.switchboard.camel.junos.JunosRouteIds.NETCONF_RPC;
import static io.switchboard.camel.netconf.NetconfXml.escape;

import io.switchboard.camel.netconf.NetconfReply;
import io.switchboard.camel.netconf.NetconfXml;
import java.util.ArrayList;
import java.util.List;
import org.w3c.dom.Element;

/**
 * Firewall routes: the committed security policies and the {@code match-policies} lookup. (The
 * preview of a change is {@link JunosRouteIds#PREVIEW_CONFIGURATION}, shared with SD-WAN and
 * compliance.)
 */
public class JunosFirewallRoutes extends JunosRouteBuilder {
  /** Body {@link MatchPolicyQuery}; answers {@link MatchedPolicy}. */
  public static final String MATCH_POLICIES = "junos-match-policies";

  /** Body ignored; answers {@code List<ZonePairPolicies>} of the committed configuration. */
  public static final String GET_SECURITY_POLICIES = "junos-get-security-policies";

  public static final String GET_SECURITY_POLICIES_URI = "direct:" + GET_SECURITY_POLICIES;
  public static final String MATCH_POLICIES_URI = "direct:" + MATCH_POLICIES;

  static final String SECURITY_POLICIES_RPC =
      "<get-configuration database=\"committed\"><configuration><security><policies/>"
          + "</security></configuration></get-configuration>";

  @Override
  public void configure() {
    junosRoute(GET_SECURITY_POLICIES)
        .setBody(constant(SECURITY_POLICIES_RPC))
        .to(NETCONF_RPC)
        .process(
            e -> e.getMessage().setBody(securityPolicies(e.getMessage().getBody(String.class))));

    junosRoute(MATCH_POLICIES)
        .process(
            e ->
                e.getMessage()
                    .setBody(
                        matchPolicies(e.getMessage().getMandatoryBody(MatchPolicyQuery.class))))
        .to(NETCONF_RPC)
        .process(
            e ->
                e.getMessage().setBody(matched(deviceId(e), e.getMessage().getBody(String.class))));
  }

  /** {@code security policies from-zone A to-zone B policy P}, in the device's order. */
  static List<ZonePairPolicies> securityPolicies(String xml) {
    List<ZonePairPolicies> pairs = new ArrayList<>();
    for (Element policies : NetconfXml.descendants(NetconfReply.parse(xml).root(), "policies")) {
      for (Element from : children(policies, "from-zone")) {
        for (Element to : children(from, "to-zone")) {
          List<String> names = new ArrayList<>();
          for (Element p : children(to, "policy")) {
            names.add(NetconfXml.childText(p, "name"));
          }
          pairs.add(
              new ZonePairPolicies(
                  NetconfXml.childText(from, "name"), NetconfXml.childText(to, "name"), names));
        }
      }
    }
    return List.copyOf(pairs);
  }

  private static List<Element> children(Element parent, String name) {
    return NetconfXml.childElements(parent).stream()
        .filter(c -> name.equals(NetconfXml.localName(c)))
        .toList();
  }

  static String matchPolicies(MatchPolicyQuery q) {
    return "<get-match-policies><from-zone>"
        + escape(q.fromZone())
        + "</from-zone><to-zone>"
        + escape(q.toZone())
        + "</to-zone><source-ip>"
        + escape(q.sourceIp())
        + "</source-ip><destination-ip>"
        + escape(q.destinationIp())
        + "</destination-ip><destination-port>"
        + q.destinationPort()
        + "</destination-port><protocol>"
        + escape(q.protocol())
        + "</protocol></get-match-policies>";
  }

  static MatchedPolicy matched(String deviceId, String xml) {
    NetconfReply reply = NetconfReply.parse(xml);
    List<Element> info = NetconfXml.descendants(reply.root(), "policy-information");
    if (info.isEmpty()) {
      throw new JunosOperationException(
          deviceId, "get-match-policies", "no <policy-information> in the reply");
    }
    List<Element> action = NetconfXml.descendants(info.get(0), "action-type");
    return new MatchedPolicy(
        NetconfXml.childText(info.get(0), "policy-name"),
        action.isEmpty() ? null : action.get(0).getTextContent().trim());
  }
}
