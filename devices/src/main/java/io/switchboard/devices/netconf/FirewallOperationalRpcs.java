package io.switchboard.devices.netconf;

import static io.switchboard.devices.netconf.BaseOperations.done;

import io.switchboard.devices.firewall.PolicyLookup;
import io.switchboard.netconf.error.RpcError;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import org.w3c.dom.Element;

/**
 * {@code <get-match-policies>} ({@code show security match-policies}): from-zone, to-zone,
 * source-ip, destination-ip, destination-port, protocol → the policy of the running configuration
 * that decides, and its action.
 */
final class FirewallOperationalRpcs {
  private FirewallOperationalRpcs() {}

  static void register(Map<String, RpcHandler> table) {
    table.put("get-match-policies", FirewallOperationalRpcs::matchPolicies);
  }

  private static CompletionStage<RpcReply> matchPolicies(RpcRequest request) throws RpcException {
    String from = required(request, "from-zone");
    String to = required(request, "to-zone");
    String source = required(request, "source-ip");
    String destination = required(request, "destination-ip");
    String protocol = required(request, "protocol");
    String portText = request.parameter("destination-port");
    int port;
    try {
      port = portText == null ? 0 : Integer.parseInt(portText);
    } catch (NumberFormatException e) {
      throw new RpcException(
          RpcError.error("protocol", "invalid-value", "invalid destination-port: " + portText)
              .withInfo("bad-element", "destination-port"));
    }
    PolicyLookup.Match match =
        request
            .device()
            .config()
            .runningView(PolicyLookup.Index.class, PolicyLookup::index)
            .lookup(new PolicyLookup.Flow(from, to, source, destination, port, protocol));
    Element policies = request.element("security-policies");
    Element context = request.element("security-context");
    Element info = request.element("context-information");
    info.appendChild(request.element("source-zone-name", from));
    info.appendChild(request.element("destination-zone-name", to));
    context.appendChild(info);
    Element list = request.element("policies");
    Element policy = request.element("policy-information");
    policy.appendChild(request.element("policy-name", match.policy()));
    policy.appendChild(request.element("policy-state", "enabled"));
    policy.appendChild(request.element("policy-sequence-number", String.valueOf(match.sequence())));
    Element action = request.element("policy-action");
    action.appendChild(request.element("action-type", match.action()));
    policy.appendChild(action);
    list.appendChild(policy);
    context.appendChild(list);
    policies.appendChild(context);
    return done(RpcReply.of(policies));
  }

  private static String required(RpcRequest request, String name) throws RpcException {
    String value = request.parameter(name);
    if (value == null || value.isBlank()) {
      throw RpcException.missingElement(name, "missing mandatory argument '" + name + "'");
    }
    return value;
  }
}
