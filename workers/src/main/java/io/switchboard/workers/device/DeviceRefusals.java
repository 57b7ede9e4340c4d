package io.switchboard.workers.device;

import io.switchboard.camel.netconf.NetconfRpcException;
import io.switchboard.inventory.device.DeviceRefusedException;
import io.switchboard.workers.job.FailureMessages;
import org.apache.camel.CamelExecutionException;

/** A failed route call as the device ports report it: the device's own message. */
public final class DeviceRefusals {
  private DeviceRefusals() {}

  public static DeviceRefusedException of(CamelExecutionException e) {
    Throwable cause = e.getCause() == null ? e : e.getCause();
    return new DeviceRefusedException(
        cause instanceof NetconfRpcException rpc && rpc.getErrorMessage() != null
            ? rpc.getErrorMessage()
            : FailureMessages.message(cause));
  }
}
