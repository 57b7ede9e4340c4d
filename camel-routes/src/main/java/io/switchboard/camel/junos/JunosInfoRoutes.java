package io.switchboard.camel.junos;

import static io.switchboard.camel.junos.JunosRouteIds.NETCONF_RPC;

/** Junos read-only RPCs: software, chassis, interface and commit information. */
public class JunosInfoRoutes extends JunosRouteBuilder {

  @Override
  public void configure() {
    junosRoute(JunosRouteIds.GET_SOFTWARE_INFORMATION)
        .setBody(constant(JunosRpcs.getSoftwareInformation()))
        .to(NETCONF_RPC)
        .process(readReply(JunosReplies::softwareInformation));

    junosRoute(JunosRouteIds.GET_CHASSIS_INVENTORY)
        .setBody(constant(JunosRpcs.getChassisInventory()))
        .to(NETCONF_RPC)
        .process(readReply(JunosReplies::chassisInventory));

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
        .process(readReply((device, xml) -> JunosReplies.interfaces(xml)));

    junosRoute(JunosRouteIds.GET_COMMIT_INFORMATION)
        .setBody(constant("<get-commit-information/>"))
        .to(NETCONF_RPC)
        .process(readReply((device, xml) -> JunosReplies.commitHistory(xml)));
  }
}
