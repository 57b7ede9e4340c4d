package io.switchboard.devices.netconf;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One {@code rpc-error} (RFC 6241 4.3): type (transport, rpc, protocol, application), tag,
 * severity, optional Junos-style path, message, and {@code error-info} children such as {@code
 * bad-element} or {@code session-id}.
 */
public record RpcError(
    String type,
    String tag,
    String severity,
    String path,
    String message,
    Map<String, String> info) {

  public RpcError {
    info = info == null ? Map.of() : Map.copyOf(new LinkedHashMap<>(info));
  }

  public static RpcError error(String type, String tag, String message) {
    return new RpcError(type, tag, "error", null, message, Map.of());
  }

  public RpcError withPath(String errorPath) {
    return new RpcError(type, tag, severity, errorPath, message, info);
  }

  public RpcError withInfo(String name, String value) {
    Map<String, String> more = new LinkedHashMap<>(info);
    more.put(name, value);
    return new RpcError(type, tag, severity, path, message, more);
  }
}
