package io.switchboard.camel.junos;

import static io.switchboard.camel.junos.JunosRouteIds.NETCONF_DISCARD;
import static io.switchboard.camel.junos.JunosRouteIds.NETCONF_LOCK;
import static io.switchboard.camel.junos.JunosRouteIds.NETCONF_RPC;
import static io.switchboard.camel.junos.JunosRouteIds.NETCONF_UNLOCK;
import static io.switchboard.camel.netconf.NetconfXml.escape;

import io.switchboard.camel.netconf.NetconfConstants;
import io.switchboard.camel.netconf.NetconfReply;
import io.switchboard.camel.netconf.NetconfXml;
import java.util.ArrayList;
import java.util.List;
import org.apache.camel.Exchange;
import org.w3c.dom.Element;

/**
 * Firewall routes: a preview that loads a change into the candidate under the lock, reads {@code
 * show | compare} and always discards and unlocks (also when the load fails, whose error goes back
 * to the caller), and the {@code match-policies} lookup.
 */
public class JunosFirewallRoutes extends JunosRouteBuilder {
  /** Body {@link LoadConfiguration}; answers {@link ConfigurationPreview}; leaves no change. */
  public static final String PREVIEW_CONFIGURATION = "junos-preview-configuration";

  /** Body {@link MatchPolicyQuery}; answers {@link MatchedPolicy}. */
  public static final String MATCH_POLICIES = "junos-match-policies";

  /** Body ignored; answers {@code List<ZonePairPolicies>} of the committed configuration. */
  public static final String GET_SECURITY_POLICIES = "junos-get-security-policies";

  public static final String PREVIEW_CONFIGURATION_URI = "direct:" + PREVIEW_CONFIGURATION;
  public static final String GET_SECURITY_POLICIES_URI = "direct:" + GET_SECURITY_POLICIES;
  public static final String MATCH_POLICIES_URI = "direct:" + MATCH_POLICIES;

  static final String COMPARE_RPC =
      "<get-configuration compare=\"rollback\" rollback=\"0\" format=\"text\"/>";

  static final String SECURITY_POLICIES_RPC =
      "<get-configuration database=\"committed\"><configuration><security><policies/>"
          + "</security></configuration></get-configuration>";

  private static final String LOAD_PROPERTY = "SwitchboardFirewallLoad";
  private static final String RESULT_PROPERTY = "SwitchboardFirewallResult";
  private static final String FAILURE_PROPERTY = "SwitchboardFirewallFailure";

  @Override
  public void configure() {
    junosRoute(PREVIEW_CONFIGURATION)
        .process(
            e ->
                e.setProperty(
                    LOAD_PROPERTY,
                    JunosRpcs.loadConfiguration(
                        e.getMessage().getMandatoryBody(LoadConfiguration.class))))
        .to(NETCONF_LOCK)
        .doTry()
        .setBody(exchangeProperty(LOAD_PROPERTY))
        .to(NETCONF_RPC)
        .process(e -> JunosReplies.loadResult(deviceId(e), e.getMessage().getBody(String.class)))
        .setBody(constant(COMPARE_RPC))
        .to(NETCONF_RPC)
        .process(
            e -> e.setProperty(RESULT_PROPERTY, compareText(e.getMessage().getBody(String.class))))
        .to(NETCONF_DISCARD)
        .to(NETCONF_UNLOCK)
        .setBody(exchangeProperty(RESULT_PROPERTY))
        .doCatch(Exception.class)
        .setProperty(FAILURE_PROPERTY, exchangeProperty(Exchange.EXCEPTION_CAUGHT))
        .doTry()
        .to(NETCONF_DISCARD)
        .to(NETCONF_UNLOCK)
        .doCatch(Exception.class)
        .log(
            "Cleanup after a failed preview on ${header."
                + NetconfConstants.DEVICE_ID
                + "} failed too: ${exception.message}")
        .end()
        .process(
            e -> {
              throw e.getProperty(FAILURE_PROPERTY, Exception.class);
            })
        .end();

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

  static ConfigurationPreview compareText(String xml) {
    NetconfReply reply = NetconfReply.parse(xml);
    List<Element> output = NetconfXml.descendants(reply.root(), "configuration-output");
    return new ConfigurationPreview(output.isEmpty() ? "" : output.get(0).getTextContent());
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
