package io.switchboard.camel.netconf;

/**
 * One {@code <rpc-error>} of an {@code <rpc-reply>} (RFC 6241 section 4.3).
 *
 * @param type error-type: transport, rpc, protocol or application
 * @param tag error-tag, e.g. {@code invalid-value}, {@code lock-denied}, {@code operation-failed}
 * @param severity error-severity: error or warning
 * @param appTag error-app-tag, or {@code null}
 * @param path error-path (an XPath to the offending node), or {@code null}
 * @param message error-message, the device's own words, or {@code null}
 * @param info the error-info element serialized as XML, or {@code null}
 */
public record RpcError(
    String type,
    String tag,
    String severity,
    String appTag,
    String path,
    String message,
    String info) {

  public boolean isError() {
    return !"warning".equals(severity);
  }

  /** One line for logs and exception messages. */
  public String describe() {
    StringBuilder text = new StringBuilder();
    text.append(severity == null ? "error" : severity).append(' ');
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
