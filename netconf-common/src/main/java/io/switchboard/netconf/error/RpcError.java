package io.switchboard.netconf.error;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One {@code <rpc-error>} of an {@code <rpc-reply>} (RFC 6241 section 4.3).
 *
 * @param type error-type: transport, rpc, protocol or application
 * @param tag error-tag, e.g. {@code invalid-value}, {@code lock-denied}, {@code operation-failed}
 * @param severity error-severity: error or warning
 * @param appTag error-app-tag, or {@code null}
 * @param path error-path (an XPath to the offending node, or Junos's own path), or {@code null}
 * @param message error-message, the device's own words, or {@code null}
 * @param info the children of error-info ({@code bad-element}, {@code session-id}, ...) by local
 *     name with their text, in document order; empty when there is none
 */
public record RpcError(
    String type,
    String tag,
    String severity,
    String appTag,
    String path,
    String message,
    Map<String, String> info) {

  public static final String SEVERITY_ERROR = "error";
  public static final String SEVERITY_WARNING = "warning";

  public RpcError {
    info =
        info == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(info));
  }

  /** An error of severity error with no path, app-tag or info. */
  public static RpcError error(String type, String tag, String message) {
    return new RpcError(type, tag, SEVERITY_ERROR, null, null, message, Map.of());
  }

  public RpcError withPath(String errorPath) {
    return new RpcError(type, tag, severity, appTag, errorPath, message, info);
  }

  public RpcError withInfo(String name, String value) {
    Map<String, String> more = new LinkedHashMap<>(info);
    more.put(name, value);
    return new RpcError(type, tag, severity, appTag, path, message, more);
  }

  /** Anything but a warning is an error (a missing severity included). */
  public boolean isError() {
    return !SEVERITY_WARNING.equals(severity);
  }

  /** One line for logs and exception messages. */
  public String describe() {
    StringBuilder text = new StringBuilder();
    text.append(severity == null ? SEVERITY_ERROR : severity).append(' ');
    text.append(type == null ? "?" : type).append('/').append(tag == null ? "?" : tag);
    if (path != null) {
      text.append(" at ").append(path);
    }
    if (message != null) {
      text.append(": ").append(message);
    }
    return text.toString();
  }
}
