package io.switchboard.devices.netconf;

import static io.switchboard.devices.netconf.BaseOperations.done;

import io.switchboard.devices.config.InterfaceState;
import io.switchboard.devices.config.TunnelState;
import io.switchboard.devices.image.SoftwareInventory;
import io.switchboard.netconf.error.RpcError;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import org.w3c.dom.Element;

/**
 * Junos operational RPCs: get-software-information, get-chassis-inventory,
 * get-interface-information (terse, interface-name) and get-security-associations-information
 * (IPsec tunnels).
 */
final class JunosOperationalRpcs {

  private JunosOperationalRpcs() {}

  static void register(Map<String, RpcHandler> table) {
    table.put("get-software-information", JunosOperationalRpcs::softwareInformation);
    table.put("get-chassis-inventory", JunosOperationalRpcs::chassisInventory);
    table.put("get-interface-information", JunosOperationalRpcs::interfaceInformation);
    table.put("get-security-associations-information", JunosOperationalRpcs::securityAssociations);
    SdwanOperationalRpcs.register(table);
    VnfOperationalRpcs.register(table);
    FirewallOperationalRpcs.register(table);
    CommitHistoryRpcs.register(table);
  }

  private static CompletionStage<RpcReply> softwareInformation(RpcRequest request) {
    NetconfDevice device = request.device();
    SoftwareInventory software = device.software();
    Element info = request.element("software-information");
    info.appendChild(request.element("host-name", device.hostName()));
    info.appendChild(request.element("product-model", device.productModel()));
    info.appendChild(request.element("product-name", device.productModel()));
    info.appendChild(request.element("junos-version", software.version()));
    Element pkg = request.element("package-information");
    pkg.appendChild(request.element("name", "junos"));
    pkg.appendChild(
        request.element("comment", "JUNOS Software Release [" + software.version() + "]"));
    info.appendChild(pkg);
    return done(RpcReply.of(info));
  }

  private static CompletionStage<RpcReply> chassisInventory(RpcRequest request) {
    NetconfDevice device = request.device();
    Element inventory = request.element("chassis-inventory");
    Element chassis = request.element("chassis");
    chassis.setAttributeNS(
        NetconfConstants.junosNamespace(device.software().version()), "junos:style", "inventory");
    chassis.appendChild(request.element("name", "Chassis"));
    chassis.appendChild(request.element("serial-number", device.reportedSerialNumber()));
    chassis.appendChild(
        request.element("description", device.productModel().toUpperCase(Locale.ROOT)));
    inventory.appendChild(chassis);
    return done(RpcReply.of(inventory));
  }

  private static CompletionStage<RpcReply> interfaceInformation(RpcRequest request)
      throws RpcException {
    String wanted = request.parameter("interface-name");
    boolean terse = request.flag("terse");
    List<InterfaceState> interfaces = request.device().interfaces();
    Element info = request.element("interface-information");
    if (terse) {
      info.setAttributeNS(
          NetconfConstants.junosNamespace(request.device().software().version()),
          "junos:style",
          "terse");
    }
    boolean any = false;
    for (InterfaceState itf : interfaces) {
      boolean physicalMatch = wanted == null || matches(wanted, itf.name());
      List<InterfaceState.LogicalInterfaceState> units =
          itf.logicalInterfaces().stream()
              .filter(u -> physicalMatch || matches(wanted, u.name()))
              .toList();
      if (!physicalMatch && units.isEmpty()) {
        continue;
      }
      any = true;
      Element physical = request.element("physical-interface");
      physical.appendChild(request.element("name", itf.name()));
      physical.appendChild(request.element("admin-status", itf.adminStatus()));
      physical.appendChild(request.element("oper-status", itf.operStatus()));
      if (itf.description() != null && !terse) {
        physical.appendChild(request.element("description", itf.description()));
      }
      for (InterfaceState.LogicalInterfaceState unit : units) {
        Element logical = request.element("logical-interface");
        logical.appendChild(request.element("name", unit.name()));
        logical.appendChild(request.element("admin-status", unit.adminStatus()));
        logical.appendChild(request.element("oper-status", unit.operStatus()));
        if (!unit.addresses().isEmpty()) {
          Element family = request.element("address-family");
          family.appendChild(request.element("address-family-name", "inet"));
          for (String address : unit.addresses()) {
            Element ifa = request.element("interface-address");
            ifa.appendChild(request.element("ifa-local", address));
            family.appendChild(ifa);
          }
          logical.appendChild(family);
        }
        physical.appendChild(logical);
      }
      info.appendChild(physical);
    }
    if (!any && wanted != null) {
      throw new RpcException(
          RpcError.error("protocol", "operation-failed", "device " + wanted + " not found")
              .withInfo("bad-element", wanted));
    }
    return done(RpcReply.of(info));
  }

  /** Exact names, or a trailing {@code *} wildcard ({@code ge-*}). */
  private static boolean matches(String pattern, String name) {
    return pattern.endsWith("*")
        ? name.startsWith(pattern.substring(0, pattern.length() - 1))
        : pattern.equals(name);
  }

  private static CompletionStage<RpcReply> securityAssociations(RpcRequest request) {
    List<TunnelState> tunnels =
        request.device().tunnels().stream().filter(t -> "ipsec".equals(t.type())).toList();
    Element info = request.element("ipsec-security-associations-information");
    info.appendChild(
        request.element(
            "total-active-tunnels",
            String.valueOf(tunnels.stream().filter(TunnelState::isUp).count())));
    int index = 131073;
    for (TunnelState tunnel : tunnels) {
      Element block = request.element("ipsec-security-associations-block");
      block.appendChild(request.element("sa-block-state", tunnel.state()));
      Element sa = request.element("ipsec-security-associations");
      sa.appendChild(request.element("sa-tunnel-index", String.valueOf(index++)));
      sa.appendChild(request.element("sa-vpn-name", tunnel.name()));
      if (tunnel.remoteAddress() != null) {
        sa.appendChild(request.element("sa-remote-gateway", tunnel.remoteAddress()));
      }
      if (tunnel.bindInterface() != null) {
        sa.appendChild(request.element("sa-bind-interface", tunnel.bindInterface()));
      }
      block.appendChild(sa);
      info.appendChild(block);
    }
    return done(RpcReply.of(info));
  }
}
