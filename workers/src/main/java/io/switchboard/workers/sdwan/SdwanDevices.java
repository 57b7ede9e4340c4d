package io.switchboard.workers.sdwan;

import io.switchboard.camel.junos.IpsecSecurityAssociation;
import io.switchboard.camel.junos.JunosSdwanRoutes;
import io.switchboard.camel.junos.RpmProbeResult;
import io.switchboard.camel.netconf.NetconfConstants;
import io.switchboard.inventory.sdwan.sla.ProbeReading;
import io.switchboard.inventory.sdwan.sla.SdwanProbes;
import io.switchboard.inventory.sdwan.sla.SlaMeasurement;
import io.switchboard.workers.device.DeviceFailures;
import io.switchboard.workers.device.DeviceRefusals;
import io.switchboard.workers.device.OnFailure;
import java.util.List;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.ProducerTemplate;
import org.springframework.stereotype.Component;

/**
 * The SD-WAN device reads through their Camel routes: in a job failing as every device call does,
 * for the API ({@link SdwanProbes}) with the device's own message.
 */
@Component
public class SdwanDevices implements SdwanProbes {
  private final ProducerTemplate routes;

  public SdwanDevices(ProducerTemplate routes) {
    this.routes = routes;
  }

  public List<IpsecSecurityAssociation> ipsecAssociations(String deviceId, OnFailure onFailure) {
    return read(JunosSdwanRoutes.GET_IPSEC_SAS_URI, deviceId, onFailure);
  }

  /** The device's RPM probe results. */
  public List<ProbeReading> probeResults(String deviceId, OnFailure onFailure) {
    List<RpmProbeResult> results =
        read(JunosSdwanRoutes.GET_PROBE_RESULTS_URI, deviceId, onFailure);
    return readings(results);
  }

  static List<ProbeReading> readings(List<RpmProbeResult> results) {
    return results.stream()
        .map(
            r ->
                new ProbeReading(
                    r.owner(), new SlaMeasurement(r.lossPercent(), r.rttMs(), r.jitterMs())))
        .toList();
  }

  /** The device's IPsec SAs, outside a job: a failure is the device's own message. */
  @SuppressWarnings("unchecked")
  public List<IpsecSecurityAssociation> ipsecAssociations(String deviceId) {
    try {
      return routes.requestBodyAndHeader(
          JunosSdwanRoutes.GET_IPSEC_SAS_URI,
          null,
          NetconfConstants.DEVICE_ID,
          deviceId,
          List.class);
    } catch (CamelExecutionException e) {
      throw DeviceRefusals.of(e);
    }
  }

  @Override
  public List<ProbeReading> read(String deviceId) {
    try {
      List<RpmProbeResult> results =
          routes.requestBodyAndHeader(
              JunosSdwanRoutes.GET_PROBE_RESULTS_URI,
              null,
              NetconfConstants.DEVICE_ID,
              deviceId,
              List.class);
      return readings(results);
    } catch (CamelExecutionException e) {
      throw DeviceRefusals.of(e);
    }
  }

  @SuppressWarnings("unchecked")
  private <T> List<T> read(String uri, String deviceId, OnFailure onFailure) {
    try {
      return routes.requestBodyAndHeader(
          uri, null, NetconfConstants.DEVICE_ID, deviceId, List.class);
    } catch (CamelExecutionException e) {
      RuntimeException cause = e.getCause() instanceof RuntimeException c ? c : e;
      throw DeviceFailures.toProcessError(cause, onFailure);
    } catch (RuntimeException e) {
      throw DeviceFailures.toProcessError(e, onFailure);
    }
  }
}
