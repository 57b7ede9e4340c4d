package io.switchboard.workers.device;

import io.switchboard.camel.junos.CommitConfiguration;
import io.switchboard.camel.junos.CommitHistoryEntry;
import io.switchboard.camel.junos.CommitResult;
import io.switchboard.camel.junos.ConfigurationPush;
import io.switchboard.camel.junos.InterfaceStatus;
import io.switchboard.camel.junos.JunosRouteIds;
import io.switchboard.camel.junos.JunosVnfRoutes;
import io.switchboard.camel.junos.LoadConfiguration;
import io.switchboard.camel.junos.PackageAdd;
import io.switchboard.camel.junos.PackageResult;
import io.switchboard.camel.junos.RebootStatus;
import io.switchboard.camel.junos.Rollback;
import io.switchboard.camel.junos.SoftwareInformation;
import io.switchboard.camel.netconf.NetconfConstants;
import io.switchboard.camel.netconf.NetconfSessionDroppedException;
import io.switchboard.netconf.junos.JunosSecret;
import java.util.List;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.ProducerTemplate;
import org.springframework.stereotype.Component;

/**
 * The Junos driver routes as the job workers call them: one method per route, for one device, and
 * the one place where a route's failure becomes what the process sees ({@link DeviceFailures}), so
 * no worker catches a device exception itself.
 */
@Component
public class DeviceDriver {
  private final ProducerTemplate routes;

  public DeviceDriver(ProducerTemplate routes) {
    this.routes = routes;
  }

  public SoftwareInformation softwareInformation(String deviceId, OnFailure onFailure) {
    return call(
        JunosRouteIds.GET_SOFTWARE_INFORMATION_URI,
        deviceId,
        null,
        SoftwareInformation.class,
        onFailure);
  }

  public CommitResult push(
      String deviceId, String setCommands, CommitConfiguration commit, OnFailure onFailure) {
    return call(
        JunosRouteIds.PUSH_CONFIGURATION_URI,
        deviceId,
        new ConfigurationPush(LoadConfiguration.setCommands(setCommands), commit),
        CommitResult.class,
        onFailure);
  }

  /** Like {@link #push}, with a {@code commit check} under the same lock before the commit. */
  public CommitResult checkedPush(
      String deviceId, String setCommands, CommitConfiguration commit, OnFailure onFailure) {
    return call(
        JunosRouteIds.CHECKED_PUSH_CONFIGURATION_URI,
        deviceId,
        new ConfigurationPush(LoadConfiguration.setCommands(setCommands), commit),
        CommitResult.class,
        onFailure);
  }

  public CommitResult commit(String deviceId, CommitConfiguration commit, OnFailure onFailure) {
    return call(
        JunosRouteIds.COMMIT_CONFIGURATION_URI, deviceId, commit, CommitResult.class, onFailure);
  }

  public CommitResult rollback(String deviceId, int index, String comment, OnFailure onFailure) {
    return call(
        JunosRouteIds.ROLLBACK_URI,
        deviceId,
        new Rollback(index, comment),
        CommitResult.class,
        onFailure);
  }

  /**
   * The committed configuration in {@code set} form ({@code show configuration | display set}),
   * with the secrets the device shows in {@code $9$} form in the clear, as Switchboard sent them:
   * so that comparing it with the intended configuration compares the secrets themselves. It stays
   * inside the worker that asked (never a process variable, never a log line).
   */
  public String runningConfiguration(String deviceId, OnFailure onFailure) {
    return JunosSecret.revealed(
        call(JunosVnfRoutes.GET_CONFIGURATION_SET_URI, deviceId, null, String.class, onFailure));
  }

  /** The device's commit history ({@code get-commit-information}), newest first. */
  @SuppressWarnings("unchecked")
  public List<CommitHistoryEntry> commitHistory(String deviceId, OnFailure onFailure) {
    return call(JunosRouteIds.GET_COMMIT_INFORMATION_URI, deviceId, null, List.class, onFailure);
  }

  @SuppressWarnings("unchecked")
  public List<InterfaceStatus> interfaces(String deviceId, OnFailure onFailure) {
    return call(JunosRouteIds.GET_INTERFACE_INFORMATION_URI, deviceId, null, List.class, onFailure);
  }

  public PackageResult addPackage(String deviceId, PackageAdd request, OnFailure onFailure) {
    return call(
        JunosRouteIds.REQUEST_PACKAGE_ADD_URI, deviceId, request, PackageResult.class, onFailure);
  }

  /** Stages the previous image; a non-zero result means there was none to go back to. */
  public PackageResult rollbackPackage(String deviceId, OnFailure onFailure) {
    return call(
        JunosRouteIds.REQUEST_PACKAGE_ROLLBACK_URI, deviceId, null, PackageResult.class, onFailure);
  }

  /**
   * A device that reboots may drop the session before its answer arrives: that is the reboot
   * happening, not a failure (the process then waits for the device to phone home). Retrying would
   * ask a rebooting device to reboot again.
   */
  public RebootStatus reboot(String deviceId, OnFailure onFailure) {
    try {
      return routes.requestBodyAndHeader(
          JunosRouteIds.REQUEST_REBOOT_URI,
          null,
          NetconfConstants.DEVICE_ID,
          deviceId,
          RebootStatus.class);
    } catch (RuntimeException e) {
      RuntimeException cause =
          e instanceof CamelExecutionException && e.getCause() instanceof RuntimeException c
              ? c
              : e;
      if (cause instanceof NetconfSessionDroppedException) {
        return new RebootStatus("session dropped under request-reboot: the device is rebooting");
      }
      throw DeviceFailures.toProcessError(cause, onFailure);
    }
  }

  /**
   * Any Junos route of the driver for one device ({@code uri} its {@code direct:} endpoint), its
   * failure turned into what the process sees like every other call here.
   */
  public <T> T call(String uri, String deviceId, Object body, Class<T> type, OnFailure onFailure) {
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
