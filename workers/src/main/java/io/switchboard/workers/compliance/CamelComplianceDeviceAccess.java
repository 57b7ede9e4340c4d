package io.switchboard.workers.compliance;

import io.switchboard.camel.junos.JunosVnfRoutes;
import io.switchboard.camel.netconf.NetconfConstants;
import io.switchboard.inventory.compliance.ComplianceDeviceAccess;
import io.switchboard.netconf.junos.JunosSecret;
import io.switchboard.workers.device.DeviceRefusals;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.ProducerTemplate;
import org.springframework.stereotype.Component;

/** {@link ComplianceDeviceAccess} through the Junos routes. */
@Component
public class CamelComplianceDeviceAccess implements ComplianceDeviceAccess {
  private final ProducerTemplate routes;

  public CamelComplianceDeviceAccess(ProducerTemplate routes) {
    this.routes = routes;
  }

  @Override
  public String runningConfiguration(String deviceId) {
    try {
      // the secrets in the clear, as DeviceDriver#runningConfiguration reads them
      return JunosSecret.revealed(
          routes.requestBodyAndHeader(
              JunosVnfRoutes.GET_CONFIGURATION_SET_URI,
              null,
              NetconfConstants.DEVICE_ID,
              deviceId,
              String.class));
    } catch (CamelExecutionException e) {
      throw DeviceRefusals.of(e);
    }
  }
}
