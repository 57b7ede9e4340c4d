package io.switchboard.workers.vnf;

import io.switchboard.camel.junos.FileCopy;
import io.switchboard.camel.junos.FilePut;
import io.switchboard.camel.junos.HostUsage;
import io.switchboard.camel.junos.JunosVnfRoutes;
import io.switchboard.camel.junos.VnfStatus;
import io.switchboard.camel.netconf.NetconfConstants;
import io.switchboard.workers.device.DeviceFailures;
import io.switchboard.workers.device.OnFailure;
import java.util.List;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.ProducerTemplate;
import org.springframework.stereotype.Component;

/** The VNF routes of a uCPE as the VNF workers call them; failures as in {@code DeviceDriver}. */
@Component
public class VnfDevice {
  private final ProducerTemplate routes;

  public VnfDevice(ProducerTemplate routes) {
    this.routes = routes;
  }

  public HostUsage usage(String deviceId, OnFailure onFailure) {
    return call(JunosVnfRoutes.GET_HOST_USAGE_URI, deviceId, null, HostUsage.class, onFailure);
  }

  @SuppressWarnings("unchecked")
  public List<VnfStatus> vnfs(String deviceId, OnFailure onFailure) {
    return call(JunosVnfRoutes.GET_VNF_INFORMATION_URI, deviceId, null, List.class, onFailure);
  }

  public void copy(String deviceId, FileCopy copy, OnFailure onFailure) {
    call(JunosVnfRoutes.FILE_COPY_URI, deviceId, copy, Object.class, onFailure);
  }

  public void put(String deviceId, FilePut put, OnFailure onFailure) {
    call(JunosVnfRoutes.FILE_PUT_URI, deviceId, put, Object.class, onFailure);
  }

  public void restart(String deviceId, String name, OnFailure onFailure) {
    call(JunosVnfRoutes.RESTART_VNF_URI, deviceId, name, Object.class, onFailure);
  }

  public void delete(String deviceId, String path, OnFailure onFailure) {
    call(JunosVnfRoutes.FILE_DELETE_URI, deviceId, path, Object.class, onFailure);
  }

  public String sha256(String deviceId, String path, OnFailure onFailure) {
    return call(JunosVnfRoutes.FILE_SHA256_URI, deviceId, path, String.class, onFailure);
  }

  public String committedSet(String deviceId, OnFailure onFailure) {
    return call(JunosVnfRoutes.GET_CONFIGURATION_SET_URI, deviceId, null, String.class, onFailure);
  }

  private <T> T call(String uri, String deviceId, Object body, Class<T> type, OnFailure onFailure) {
    try {
      return routes.requestBodyAndHeader(uri, body, NetconfConstants.DEVICE_ID, deviceId, type);
    } catch (CamelExecutionException e) {
      RuntimeException cause = e.getCause() instanceof RuntimeException c ? c : e;
      throw DeviceFailures.toProcessError(cause, onFailure);
    } catch (RuntimeException e) {
      throw DeviceFailures.toProcessError(e, onFailure);
    }
  }
}
