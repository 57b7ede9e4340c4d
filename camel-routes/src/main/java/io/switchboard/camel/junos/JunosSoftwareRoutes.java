package io.switchboard.camel.junos;

import static io.switchboard.camel.junos.JunosRouteIds.NETCONF_RPC;

import io.switchboard.camel.netconf.NetconfConstants;
import java.time.Duration;

/**
 * Junos software changes: install a package from the image store, roll back to the previous one,
 * reboot.
 */
public class JunosSoftwareRoutes extends JunosRouteBuilder {

  private final Duration packageAddTimeout;

  /**
   * @param packageAddTimeout how long an install may take before it counts as timed out
   */
  public JunosSoftwareRoutes(Duration packageAddTimeout) {
    this.packageAddTimeout = packageAddTimeout;
  }

  public JunosSoftwareRoutes() {
    this(Duration.ofMinutes(30));
  }

  @Override
  public void configure() {
    junosRoute(JunosRouteIds.REQUEST_PACKAGE_ADD)
        .process(
            e ->
                e.getMessage()
                    .setBody(
                        JunosRpcs.requestPackageAdd(
                            e.getMessage().getMandatoryBody(PackageAdd.class))))
        .process(
            e -> {
              if (e.getMessage().getHeader(NetconfConstants.RPC_TIMEOUT) == null) {
                e.getMessage()
                    .setHeader(NetconfConstants.RPC_TIMEOUT, packageAddTimeout.toMillis());
              }
            })
        .to(NETCONF_RPC)
        .process(readReply(JunosReplies::packageResult));

    junosRoute(JunosRouteIds.REQUEST_PACKAGE_ROLLBACK)
        .setBody(constant(JunosRpcs.requestPackageRollback()))
        .to(NETCONF_RPC)
        .process(
            readReply(
                (device, xml) ->
                    JunosReplies.packageResult(device, "request-package-rollback", xml)));

    junosRoute(JunosRouteIds.REQUEST_REBOOT)
        .setBody(constant(JunosRpcs.requestReboot()))
        .to(NETCONF_RPC)
        .process(readReply((device, xml) -> JunosReplies.rebootStatus(xml)));
  }
}
