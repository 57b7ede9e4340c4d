package io.switchboard.devices.netconf;

import static io.switchboard.devices.netconf.BaseOperations.done;

import io.switchboard.devices.sdwan.ProbeResult;
import io.switchboard.devices.sdwan.VpnStatus;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import org.w3c.dom.Element;

/**
 * The SD-WAN operational RPCs, in Junos shapes: get-ike-security-associations-information (one
 * entry per established IKE SA), get-ipsec-security-associations-information (every VPN, with a
 * simulator extension {@code sa-down-reason} when down) and get-probe-results (RPM).
 */
final class SdwanOperationalRpcs {
  private SdwanOperationalRpcs() {}

  static void register(Map<String, RpcHandler> table) {
    table.put("get-ike-security-associations-information", SdwanOperationalRpcs::ike);
    table.put("get-ipsec-security-associations-information", SdwanOperationalRpcs::ipsec);
    table.put("get-probe-results", SdwanOperationalRpcs::probes);
  }

  private static CompletionStage<RpcReply> ike(RpcRequest request) {
    Element info = request.element("ike-security-associations-information");
    int index = 1;
    for (VpnStatus vpn : request.device().vpnStatus()) {
      if (!vpn.up()) {
        continue;
      }
      Element sa = request.element("ike-security-associations");
      sa.appendChild(request.element("ike-sa-index", String.valueOf(index)));
      sa.appendChild(request.element("ike-sa-remote-address", vpn.remoteAddress()));
      sa.appendChild(request.element("ike-sa-state", "UP"));
      sa.appendChild(request.element("ike-sa-initiator-cookie", cookie(vpn.name(), 1)));
      sa.appendChild(request.element("ike-sa-responder-cookie", cookie(vpn.name(), 2)));
      sa.appendChild(request.element("ike-sa-exchange-type", "IKEv2"));
      sa.appendChild(request.element("ike-sa-local-address", vpn.localAddress()));
      info.appendChild(sa);
      index++;
    }
    return done(RpcReply.of(info));
  }

  private static CompletionStage<RpcReply> ipsec(RpcRequest request) {
    List<VpnStatus> vpns = request.device().vpnStatus();
    Element info = request.element("ipsec-security-associations-information");
    info.appendChild(
        request.element(
            "total-active-tunnels", String.valueOf(vpns.stream().filter(VpnStatus::up).count())));
    int index = 131073;
    for (VpnStatus vpn : vpns) {
      Element block = request.element("ipsec-security-associations-block");
      block.appendChild(request.element("sa-block-state", vpn.up() ? "up" : "down"));
      Element sa = request.element("ipsec-security-associations");
      sa.appendChild(request.element("sa-tunnel-index", String.valueOf(index++)));
      sa.appendChild(request.element("sa-vpn-name", vpn.name()));
      if (vpn.remoteAddress() != null) {
        sa.appendChild(request.element("sa-remote-gateway", vpn.remoteAddress()));
      }
      if (vpn.bindInterface() != null) {
        sa.appendChild(request.element("sa-bind-interface", vpn.bindInterface()));
      }
      if (!vpn.up() && vpn.reason() != null) {
        sa.appendChild(request.element("sa-down-reason", vpn.reason()));
      }
      block.appendChild(sa);
      info.appendChild(block);
    }
    return done(RpcReply.of(info));
  }

  private static CompletionStage<RpcReply> probes(RpcRequest request) {
    String owner = request.parameter("owner");
    Element info = request.element("probe-results");
    for (ProbeResult p : request.device().probeResults()) {
      if (owner != null && !owner.equals(p.owner())) {
        continue;
      }
      Element test = request.element("probe-test-results");
      test.appendChild(request.element("owner", p.owner()));
      test.appendChild(request.element("test-name", p.test()));
      if (p.targetAddress() != null) {
        test.appendChild(request.element("target-address", p.targetAddress()));
      }
      test.appendChild(request.element("probe-type", "icmp-ping"));
      if (p.destinationInterface() != null) {
        test.appendChild(request.element("destination-interface", p.destinationInterface()));
      }
      Element current = request.element("probe-test-current-results");
      Element generic = request.element("probe-test-generic-results");
      generic.appendChild(request.element("loss-percentage", number(p.lossPercent())));
      Element rtt = request.element("probe-test-rtt");
      Element summary = request.element("probe-summary-results");
      summary.appendChild(
          request.element("avg-delay", String.valueOf(Math.round(p.rttMs() * 1000))));
      summary.appendChild(
          request.element("jitter-delay", String.valueOf(Math.round(p.jitterMs() * 1000))));
      rtt.appendChild(summary);
      generic.appendChild(rtt);
      current.appendChild(generic);
      test.appendChild(current);
      info.appendChild(test);
    }
    return done(RpcReply.of(info));
  }

  private static String number(double value) {
    return value == Math.rint(value)
        ? String.valueOf((long) value)
        : String.format(Locale.ROOT, "%.2f", value);
  }

  private static String cookie(String name, int salt) {
    return String.format(Locale.ROOT, "%016x", (long) name.hashCode() * 31 + salt);
  }
}
