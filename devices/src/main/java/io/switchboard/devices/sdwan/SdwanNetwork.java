package io.switchboard.devices.sdwan;

import io.switchboard.devices.config.ConfigSecrets;
import io.switchboard.devices.config.Xml;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.w3c.dom.Element;

/**
 * The underlay network of one simulated fleet: which device answers at which WAN address, and the
 * impairment of each WAN link. It negotiates IPsec VPNs across devices: a VPN whose IKE gateway
 * names an {@code ike-policy} is up only when the device at the gateway address has a VPN back to
 * this device's address over the port that address belongs to, with the same pre-shared key and the
 * same IKE proposal, and both external interfaces are up. (A VPN without an IKE policy keeps the
 * simple rule of {@code OperationalState}: up when its own interfaces are.) Thread-safe.
 */
public final class SdwanNetwork {

  /** What the network needs from a simulated device. */
  public interface Node {
    String serialNumber();

    /** A copy of the running {@code configuration} element. */
    Element runningConfiguration();

    /** Whether a port, unit or tunnel name has been forced down (a pulled cable). */
    boolean forcedDown(String name);
  }

  private record Attachment(String serial, String port) {}

  private final Map<String, Node> nodes = new ConcurrentHashMap<>();
  private final Map<String, Impairment> impairments = new ConcurrentHashMap<>();
  private volatile Map<String, Attachment> index = Map.of();

  public void register(Node node) {
    nodes.put(node.serialNumber(), node);
  }

  /** Sets the impairment of one WAN port of one device ({@link Impairment#NONE} clears it). */
  public void impair(String serial, String port, Impairment impairment) {
    if (impairment.equals(Impairment.NONE)) {
      impairments.remove(serial + ":" + port);
    } else {
      impairments.put(serial + ":" + port, impairment);
    }
  }

  public Impairment impairment(String serial, String port) {
    return impairments.getOrDefault(serial + ":" + port, Impairment.NONE);
  }

  /** Every IPsec VPN of {@code node}'s running configuration, negotiated with its peers. */
  public List<VpnStatus> vpns(Node node) {
    Element config = node.runningConfiguration();
    Element ipsec = Xml.path(config, "security", "ipsec");
    List<VpnStatus> result = new ArrayList<>();
    if (ipsec == null) {
      return result;
    }
    Map<String, Element> peerConfigs = new HashMap<>();
    for (Element vpn : Xml.children(ipsec, "vpn")) {
      result.add(evaluate(node, config, vpn, peerConfigs));
    }
    return result;
  }

  /** The RPM probe tests of {@code node}, their results following the VPNs and impairments. */
  public List<ProbeResult> probes(Node node) {
    Element config = node.runningConfiguration();
    Element rpm = Xml.path(config, "services", "rpm");
    List<ProbeResult> result = new ArrayList<>();
    if (rpm == null) {
      return result;
    }
    Map<String, VpnStatus> byBind = new HashMap<>();
    for (VpnStatus v : vpns(node)) {
      if (v.bindInterface() != null) {
        byBind.put(v.bindInterface(), v);
      }
    }
    for (Element probe : Xml.children(rpm, "probe")) {
      String owner = Xml.childText(probe, "name");
      for (Element test : Xml.children(probe, "test")) {
        String target = Xml.childText(Xml.child(test, "target"), "address");
        String destination = Xml.childText(test, "destination-interface");
        VpnStatus vpn = destination == null ? null : byBind.get(destination);
        if (vpn == null || !vpn.up()) {
          result.add(
              new ProbeResult(owner, Xml.childText(test, "name"), target, destination, 100, 0, 0));
          continue;
        }
        Impairment local = impairment(node.serialNumber(), port(vpn.externalInterface()));
        Attachment peer = index.get(vpn.remoteAddress());
        Impairment remote = peer == null ? Impairment.NONE : impairment(peer.serial(), peer.port());
        double loss =
            100 * (1 - (1 - local.lossPercent() / 100) * (1 - remote.lossPercent() / 100));
        double rtt = 10 + 2.0 * (local.latencyMs() + remote.latencyMs());
        double jitter = local.jitterMs() + remote.jitterMs();
        result.add(
            new ProbeResult(
                owner, Xml.childText(test, "name"), target, destination, round(loss), rtt, jitter));
      }
    }
    return result;
  }

  private VpnStatus evaluate(
      Node node, Element config, Element vpn, Map<String, Element> peerConfigs) {
    String name = Xml.childText(vpn, "name");
    String bind = Xml.childText(vpn, "bind-interface");
    String gatewayName = gatewayName(vpn);
    Element gateway = gatewayName == null ? null : ikeGateway(config, gatewayName);
    String remote = gateway == null ? null : Xml.childText(gateway, "address");
    String external = gateway == null ? null : Xml.childText(gateway, "external-interface");
    String local =
        external == null ? null : UnderlayAddresses.of(node.serialNumber(), config, port(external));
    if (gateway == null) {
      return down(
          name, bind, external, local, remote, "IKE gateway " + gatewayName + " is not defined");
    }
    if (Xml.child(vpn, "disable") != null || node.forcedDown(name)) {
      return down(name, bind, external, local, remote, "VPN " + name + " is disabled");
    }
    if (bind != null && !unitUp(config, bind, node)) {
      return down(
          name,
          bind,
          external,
          local,
          remote,
          "bind interface " + bind + " is not configured or down");
    }
    if (external != null && !unitUp(config, external, node)) {
      return down(
          name, bind, external, local, remote, "external interface " + external + " is down");
    }
    String policyName = Xml.childText(gateway, "ike-policy");
    if (policyName == null) {
      return new VpnStatus(
          name,
          bind,
          external,
          local,
          remote,
          remote != null,
          remote == null ? "IKE gateway has no address" : null);
    }
    if (remote == null) {
      return down(
          name,
          bind,
          external,
          local,
          remote,
          "IKE gateway " + gatewayName + " has no peer address");
    }
    Attachment peer = locate(remote);
    if (peer == null) {
      return down(
          name,
          bind,
          external,
          local,
          remote,
          "IKE peer " + remote + " does not respond: no device answers at that address");
    }
    Node peerNode = nodes.get(peer.serial());
    Element peerConfig =
        peerConfigs.computeIfAbsent(peer.serial(), s -> peerNode.runningConfiguration());
    if (!unitUp(peerConfig, peer.port() + ".0", peerNode)) {
      return down(
          name,
          bind,
          external,
          local,
          remote,
          "IKE peer " + remote + " does not respond: its interface " + peer.port() + " is down");
    }
    Element peerVpn =
        vpnTowards(
            peerConfig,
            local,
            peer.port(),
            identity(gateway, "local-identity"),
            identity(gateway, "remote-identity"));
    if (peerVpn == null) {
      return down(
          name,
          bind,
          external,
          local,
          remote,
          "IKE peer " + remote + " has no gateway for " + local + ": negotiation timed out");
    }
    Element peerGateway = ikeGateway(peerConfig, gatewayName(peerVpn));
    Element policy = ikePolicy(config, policyName);
    Element peerPolicy = ikePolicy(peerConfig, Xml.childText(peerGateway, "ike-policy"));
    if (!Objects.equals(preSharedKey(policy), preSharedKey(peerPolicy))
        || preSharedKey(policy) == null) {
      return down(
          name,
          bind,
          external,
          local,
          remote,
          "IKE authentication with " + remote + " failed: the pre-shared keys differ");
    }
    if (!proposal(config, policy, gateway).equals(proposal(peerConfig, peerPolicy, peerGateway))) {
      return down(
          name,
          bind,
          external,
          local,
          remote,
          "IKE negotiation with " + remote + " failed: no proposal chosen");
    }
    String peerBind = Xml.childText(peerVpn, "bind-interface");
    if (Xml.child(peerVpn, "disable") != null
        || (peerBind != null && !unitUp(peerConfig, peerBind, peerNode))) {
      return down(name, bind, external, local, remote, "IKE peer " + remote + " has its VPN down");
    }
    return new VpnStatus(name, bind, external, local, remote, true, null);
  }

  private static VpnStatus down(
      String name, String bind, String external, String local, String remote, String reason) {
    return new VpnStatus(name, bind, external, local, remote, false, reason);
  }

  /** Who answers at {@code address}; rebuilds the index when it is stale. */
  private Attachment locate(String address) {
    Attachment cached = index.get(address);
    if (cached != null && stillThere(cached, address)) {
      return cached;
    }
    Map<String, Attachment> rebuilt = new HashMap<>();
    for (Node n : nodes.values()) {
      Element config = n.runningConfiguration();
      Element interfaces = Xml.child(config, "interfaces");
      if (interfaces == null) {
        continue;
      }
      for (Element itf : Xml.children(interfaces, "interface")) {
        String port = Xml.childText(itf, "name");
        if (port == null || port.startsWith("st") || port.startsWith("lo")) {
          continue;
        }
        String a = UnderlayAddresses.of(n.serialNumber(), config, port);
        if (a != null) {
          rebuilt.putIfAbsent(a, new Attachment(n.serialNumber(), port));
        }
      }
    }
    index = rebuilt;
    return rebuilt.get(address);
  }

  private boolean stillThere(Attachment a, String address) {
    Node n = nodes.get(a.serial());
    return n != null
        && address.equals(UnderlayAddresses.of(a.serial(), n.runningConfiguration(), a.port()));
  }

  /**
   * The peer's VPN whose gateway points at {@code address} over {@code port}. When this end's
   * gateway names IKE identities, the one whose identities mirror them (its local identity is this
   * end's remote one and the other way round): two VPNs between the same pair of addresses are told
   * apart by identity, as IKE does; without identities, the first.
   */
  private static Element vpnTowards(
      Element config, String address, String port, String localId, String remoteId) {
    Element ipsec = Xml.path(config, "security", "ipsec");
    if (ipsec == null || address == null) {
      return null;
    }
    for (Element vpn : Xml.children(ipsec, "vpn")) {
      Element gateway = ikeGateway(config, gatewayName(vpn));
      if (gateway != null
          && address.equals(Xml.childText(gateway, "address"))
          && port.equals(port(Xml.childText(gateway, "external-interface")))
          && (localId == null && remoteId == null
              || Objects.equals(localId, identity(gateway, "remote-identity"))
                  && Objects.equals(remoteId, identity(gateway, "local-identity")))) {
        return vpn;
      }
    }
    return null;
  }

  /** A gateway's {@code local-identity} or {@code remote-identity} value, or null. */
  private static String identity(Element gateway, String which) {
    Element id = gateway == null ? null : Xml.child(gateway, which);
    if (id == null) {
      return null;
    }
    String text = id.getTextContent().trim().replaceAll("\\s+", " ");
    return text.isEmpty() ? null : text;
  }

  private static String gatewayName(Element vpn) {
    Element ike = Xml.child(vpn, "ike");
    Element gateway = ike == null ? null : Xml.child(ike, "gateway");
    if (gateway == null) {
      return null;
    }
    String keyed = Xml.childText(gateway, "name");
    return keyed != null ? keyed : Xml.text(gateway);
  }

  private static Element ikeGateway(Element config, String name) {
    return named(Xml.path(config, "security", "ike"), "gateway", name);
  }

  private static Element ikePolicy(Element config, String name) {
    return named(Xml.path(config, "security", "ike"), "policy", name);
  }

  private static Element named(Element parent, String element, String name) {
    if (parent == null || name == null) {
      return null;
    }
    for (Element e : Xml.children(parent, element)) {
      if (name.equals(Xml.childText(e, "name"))) {
        return e;
      }
    }
    return null;
  }

  private static String preSharedKey(Element policy) {
    Element psk = policy == null ? null : Xml.child(policy, "pre-shared-key");
    // each end keeps its key in $9$ form with a salt of its own: they agree when the keys do
    return psk == null ? null : ConfigSecrets.plain(Xml.childText(psk, "ascii-text"));
  }

  /** What both ends must agree on: IKE version, and the policy's proposal settings. */
  private static String proposal(Element config, Element policy, Element gateway) {
    String version = Xml.childText(gateway, "version");
    String proposalName = policy == null ? null : Xml.childText(policy, "proposals");
    Element proposal = named(Xml.path(config, "security", "ike"), "proposal", proposalName);
    if (proposal == null) {
      return version + "|" + proposalName;
    }
    return version
        + "|"
        + Xml.childText(proposal, "dh-group")
        + "|"
        + Xml.childText(proposal, "encryption-algorithm")
        + "|"
        + Xml.childText(proposal, "authentication-method");
  }

  private static boolean unitUp(Element config, String unitName, Node node) {
    int dot = unitName.lastIndexOf('.');
    String physical = dot < 0 ? unitName : unitName.substring(0, dot);
    String unitKey = dot < 0 ? "0" : unitName.substring(dot + 1);
    if (node.forcedDown(physical) || node.forcedDown(unitName)) {
      return false;
    }
    Element interfaces = Xml.child(config, "interfaces");
    if (interfaces == null) {
      return false;
    }
    for (Element itf : Xml.children(interfaces, "interface")) {
      if (physical.equals(Xml.childText(itf, "name"))) {
        if (Xml.child(itf, "disable") != null) {
          return false;
        }
        for (Element unit : Xml.children(itf, "unit")) {
          if (unitKey.equals(Xml.childText(unit, "name"))) {
            return Xml.child(unit, "disable") == null;
          }
        }
      }
    }
    return false;
  }

  static String port(String unitName) {
    if (unitName == null) {
      return null;
    }
    int dot = unitName.lastIndexOf('.');
    return dot < 0 ? unitName : unitName.substring(0, dot);
  }

  private static double round(double value) {
    return Math.round(value * 100) / 100.0;
  }
}
