package io.switchboard.workers.sdwan;

import io.switchboard.camel.junos.IpsecSecurityAssociation;
import io.switchboard.camel.junos.JunosSdwanRoutes;
import io.switchboard.camel.netconf.NetconfConstants;
import io.switchboard.workers.device.DeviceFailures;
import io.switchboard.workers.device.OnFailure;
import java.util.List;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.ProducerTemplate;
import org.springframework.stereotype.Component;

/** The SD-WAN device reads through their Camel route, failing as every device call does. */
@Component
public class SdwanDevices {
  private final ProducerTemplate routes;

  public SdwanDevices(ProducerTemplate routes) {
    this.routes = routes;
  }

  @SuppressWarnings("unchecked")
  public List<IpsecSecurityAssociation> ipsecAssociations(String deviceId, OnFailure onFailure) {
    try {
      return routes.requestBodyAndHeader(
          JunosSdwanRoutes.GET_IPSEC_SAS_URI,
          null,
          NetconfConstants.DEVICE_ID,
          deviceId,
          List.class);
    } catch (CamelExecutionException e) {
      RuntimeException cause = e.getCause() instanceof RuntimeException c ? c : e;
      throw DeviceFailures.toProcessError(cause, onFailure);
    } catch (RuntimeException e) {
      throw DeviceFailures.toProcessError(e, onFailure);
    }
  }
}
