package io.switchboard.camel.junos;

import static io.switchboard.camel.junos.JunosRouteIds.NETCONF_RPC;

import io.switchboard.camel.netconf.NetconfConstants;
import org.apache.camel.Exchange;

/** Junos read-only RPCs: software, chassis and interface information. */
public class JunosInfoRoutes extends JunosRouteBuilder {

  @Override
  public void configure() {
    junosRoute(JunosRouteIds.GET_SOFTWARE_INFORMATION)
        .setBody(constant(JunosRpcs.getSoftwareInformation()))
        .to(NETCONF_RPC)
        .process(
            e ->
                e.getMessage()
                    .setBody(
                        JunosReplies.softwareInformation(
                            deviceId(e), e.getMessage().getBody(String.class))));

    junosRoute(JunosRouteIds.GET_CHASSIS_INVENTORY)
        .setBody(constant(JunosRpcs.getChassisInventory()))
        .to(NETCONF_RPC)
        .process(
            e ->
                e.getMessage()
                    .setBody(
                        JunosReplies.chassisInventory(
                            deviceId(e), e.getMessage().getBody(String.class))));

    junosRoute(JunosRouteIds.GET_INTERFACE_INFORMATION)
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
