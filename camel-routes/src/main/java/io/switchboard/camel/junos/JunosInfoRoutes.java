package io.switchboard.camel.junos;

import static io.switchboard.camel.junos.JunosRouteIds.NETCONF_RPC;

import io.switchboard.camel.netconf.NetconfConstants;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;

/** Junos read-only RPCs: software, chassis and interface information. */
public class JunosInfoRoutes extends RouteBuilder {

  @Override
  public void configure() {
    from(JunosRouteIds.GET_SOFTWARE_INFORMATION_URI)
        .routeId(JunosRouteIds.GET_SOFTWARE_INFORMATION)
        .removeHeaders(
            "SwitchboardNetconf*", NetconfConstants.DEVICE_ID, NetconfConstants.RPC_TIMEOUT)
        .setBody(constant(JunosRpcs.getSoftwareInformation()))
        .to(NETCONF_RPC)
        .process(
            e ->
                e.getMessage()
                    .setBody(
                        JunosReplies.softwareInformation(
                            deviceId(e), e.getMessage().getBody(String.class))));

    from(JunosRouteIds.GET_CHASSIS_INVENTORY_URI)
        .routeId(JunosRouteIds.GET_CHASSIS_INVENTORY)
        .removeHeaders(
            "SwitchboardNetconf*", NetconfConstants.DEVICE_ID, NetconfConstants.RPC_TIMEOUT)
        .setBody(constant(JunosRpcs.getChassisInventory()))
        .to(NETCONF_RPC)
        .process(
            e ->
                e.getMessage()
                    .setBody(
                        JunosReplies.chassisInventory(
                            deviceId(e), e.getMessage().getBody(String.class))));

    from(JunosRouteIds.GET_INTERFACE_INFORMATION_URI)
        .routeId(JunosRouteIds.GET_INTERFACE_INFORMATION)
        .removeHeaders(
            "SwitchboardNetconf*", NetconfConstants.DEVICE_ID, NetconfConstants.RPC_TIMEOUT)
        .process(
            e -> {
              InterfaceQuery query = e.getMessage().getBody(InterfaceQuery.class);
              e.getMessage()
                  .setBody(
                      JunosRpcs.getInterfaceInformation(
                          query == null ? InterfaceQuery.all() : query));
            })
        .to(NETCONF_RPC)
        .process(
            e ->
                e.getMessage()
                    .setBody(JunosReplies.interfaces(e.getMessage().getBody(String.class))));
  }

  static String deviceId(Exchange exchange) {
    return exchange.getMessage().getHeader(NetconfConstants.DEVICE_ID, String.class);
  }
}
