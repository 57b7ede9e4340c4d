package io.switchboard.workers.firewall;

import io.switchboard.camel.junos.ConfigurationPreview;
import io.switchboard.camel.junos.JunosFirewallRoutes;
import io.switchboard.camel.junos.LoadConfiguration;
import io.switchboard.camel.netconf.NetconfConstants;
import io.switchboard.camel.netconf.NetconfRpcException;
import io.switchboard.inventory.firewall.FirewallDeviceAccess;
import io.switchboard.workers.job.FailureMessages;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.ProducerTemplate;
import org.springframework.stereotype.Component;

/** {@link FirewallDeviceAccess} through the Junos firewall routes. */
@Component
public class CamelFirewallDeviceAccess implements FirewallDeviceAccess {
  private final ProducerTemplate routes;

  public CamelFirewallDeviceAccess(ProducerTemplate routes) {
    this.routes = routes;
  }

  @Override
  public String preview(String deviceId, String setCommands) {
    try {
      return routes
          .requestBodyAndHeader(
              JunosFirewallRoutes.PREVIEW_CONFIGURATION_URI,
              LoadConfiguration.setCommands(setCommands),
              NetconfConstants.DEVICE_ID,
              deviceId,
              ConfigurationPreview.class)
          .compare();
    } catch (CamelExecutionException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      throw new DeviceRefusedException(
          cause instanceof NetconfRpcException rpc && rpc.getErrorMessage() != null
              ? rpc.getErrorMessage()
              : FailureMessages.message(cause));
    }
  }
}
