package io.switchboard.workers.device;

import io.switchboard.camel.junos.CommitConfiguration;
import io.switchboard.camel.junos.CommitResult;
import io.switchboard.camel.junos.ConfigurationPush;
import io.switchboard.camel.junos.InterfaceStatus;
import io.switchboard.camel.junos.JunosRouteIds;
import io.switchboard.camel.junos.LoadConfiguration;
import io.switchboard.camel.junos.PackageAdd;
import io.switchboard.camel.junos.PackageResult;
import io.switchboard.camel.junos.RebootStatus;
import io.switchboard.camel.junos.Rollback;
import io.switchboard.camel.junos.SoftwareInformation;
import io.switchboard.camel.netconf.NetconfConstants;
import java.util.List;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.ProducerTemplate;
import org.springframework.stereotype.Component;

/** Calls the Junos driver routes for one device; route failures surface as their own exceptions. */
@Component
public class DeviceDriver {
  private final ProducerTemplate routes;

  public DeviceDriver(ProducerTemplate routes) {
    this.routes = routes;
  }

  public SoftwareInformation softwareInformation(String deviceId) {
    return call(
        JunosRouteIds.GET_SOFTWARE_INFORMATION_URI, deviceId, null, SoftwareInformation.class);
  }

  public CommitResult push(String deviceId, String setCommands, CommitConfiguration commit) {
    return call(
        JunosRouteIds.PUSH_CONFIGURATION_URI,
        deviceId,
        new ConfigurationPush(LoadConfiguration.setCommands(setCommands), commit),
        CommitResult.class);
  }

  public CommitResult commit(String deviceId, CommitConfiguration commit) {
    return call(JunosRouteIds.COMMIT_CONFIGURATION_URI, deviceId, commit, CommitResult.class);
  }

  public CommitResult rollback(String deviceId, int index, String comment) {
    return call(
        JunosRouteIds.ROLLBACK_URI, deviceId, new Rollback(index, comment), CommitResult.class);
  }

  @SuppressWarnings("unchecked")
  public List<InterfaceStatus> interfaces(String deviceId) {
    return call(JunosRouteIds.GET_INTERFACE_INFORMATION_URI, deviceId, null, List.class);
  }

  public PackageResult addPackage(String deviceId, PackageAdd request) {
    return call(JunosRouteIds.REQUEST_PACKAGE_ADD_URI, deviceId, request, PackageResult.class);
  }

  public RebootStatus reboot(String deviceId) {
    return call(JunosRouteIds.REQUEST_REBOOT_URI, deviceId, null, RebootStatus.class);
  }

  private <T> T call(String uri, String deviceId, Object body, Class<T> type) {
    try {
      return routes.requestBodyAndHeader(uri, body, NetconfConstants.DEVICE_ID, deviceId, type);
    } catch (CamelExecutionException e) {
      throw e.getCause() instanceof RuntimeException cause ? cause : e;
    }
  }
}
