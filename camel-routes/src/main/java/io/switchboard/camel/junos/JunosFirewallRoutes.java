package io.switchboard.camel.junos;

import static io.switchboard.camel.junos.JunosRouteIds.NETCONF_DISCARD;
import static io.switchboard.camel.junos.JunosRouteIds.NETCONF_LOCK;
import static io.switchboard.camel.junos.JunosRouteIds.NETCONF_RPC;
import static io.switchboard.camel.junos.JunosRouteIds.NETCONF_UNLOCK;
import static io.switchboard.camel.netconf.NetconfXml.escape;

import io.switchboard.camel.netconf.NetconfConstants;
import io.switchboard.camel.netconf.NetconfReply;
import io.switchboard.camel.netconf.NetconfXml;
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

  public static final String PREVIEW_CONFIGURATION_URI = "direct:" + PREVIEW_CONFIGURATION;
  public static final String MATCH_POLICIES_URI = "direct:" + MATCH_POLICIES;

  static final String COMPARE_RPC =
      "<get-configuration compare=\"rollback\" rollback=\"0\" format=\"text\"/>";

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
