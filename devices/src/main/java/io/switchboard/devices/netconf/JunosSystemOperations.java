package io.switchboard.devices.netconf;

import static io.switchboard.devices.netconf.BaseOperations.done;

import io.switchboard.devices.fault.Fault;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import org.w3c.dom.Element;

/** Junos system RPCs: request-package-add, request-package-rollback, request-reboot. */
final class JunosSystemOperations {

  private JunosSystemOperations() {}

  static void register(Map<String, RpcHandler> table) {
    table.put("request-package-add", JunosSystemOperations::packageAdd);
    table.put("request-package-rollback", JunosSystemOperations::packageRollback);
    table.put("request-reboot", JunosSystemOperations::reboot);
  }

  private static CompletionStage<RpcReply> packageAdd(RpcRequest request) throws RpcException {
    String packageName = request.parameter("package-name");
    if (packageName == null || packageName.isEmpty()) {
      throw RpcException.missingElement("package-name", "missing <package-name>");
    }
    boolean reboot = request.flag("reboot");
    NetconfDevice device = request.device();
    boolean corrupt = device.faults().strikes(Fault.CORRUPT_IMAGE);
    return device
        .imageInstaller()
        .install(packageName, device.software(), corrupt)
        .thenApply(
            result -> {
              String output = result.output();
              if (result.succeeded() && reboot) {
                output += "\nRebooting ...";
              }
              RpcReply reply =
                  RpcReply.of(
                      request.element("output", output),
                      request.element("package-result", String.valueOf(result.packageResult())));
              return result.succeeded() && reboot ? reply.then(device::reboot) : reply;
            });
  }

  private static CompletionStage<RpcReply> packageRollback(RpcRequest request) {
    String version = request.device().software().rollback();
    String output =
        version == null
            ? "ERROR: There is no previous software to roll back to"
            : "Junos version '"
                + version
                + "' will become active at next reboot\n"
                + "WARNING: A reboot is required to load this software correctly";
    return done(
        RpcReply.of(
            request.element("output", output),
            request.element("package-result", version == null ? "1" : "0")));
  }

  private static CompletionStage<RpcReply> reboot(RpcRequest request) {
    Element status = request.element("request-reboot-status", "Shutdown NOW!");
    status.setAttributeNS(null, "reboot-time", String.valueOf(Instant.now().getEpochSecond()));
    return done(RpcReply.of(status).then(request.device()::reboot));
  }
}
