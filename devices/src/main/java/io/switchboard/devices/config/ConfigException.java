package io.switchboard.devices.config;

import java.util.List;

/**
 * A refused configuration operation. Carries the NETCONF error tag and, where it applies, the
 * Junos-style path ({@code [edit interfaces ge-0/0/0]}) and the offending element, so the NETCONF
 * layer can answer a realistic {@code rpc-error}. Junos answers a failed commit with the specific
 * error followed by "configuration check-out failed": {@link #followUps()} holds such messages.
 */
public class ConfigException extends Exception {

  private final String errorTag;
  private final String errorPath;
  private final String badElement;
  private final List<String> followUps;
  private Integer lockOwner;

  public ConfigException(String errorTag, String message, String errorPath, String badElement) {
    this(errorTag, message, errorPath, badElement, List.of());
  }

  public ConfigException(
      String errorTag,
      String message,
      String errorPath,
      String badElement,
      List<String> followUps) {
    super(message);
    this.errorTag = errorTag;
    this.errorPath = errorPath;
    this.badElement = badElement;
    this.followUps = List.copyOf(followUps);
  }

  public static ConfigException operationFailed(String message) {
    return new ConfigException("operation-failed", message, null, null);
  }

  /** {@code lock-denied}: the datastore is locked by another session. */
  public static ConfigException lockDenied(String message, int ownerSession) {
    ConfigException e = new ConfigException("lock-denied", message, null, null);
    e.lockOwner = ownerSession;
    return e;
  }

  /** {@code in-use}: the datastore is locked by another session, so it cannot be written. */
  public static ConfigException inUse(String message, int ownerSession) {
    ConfigException e = new ConfigException("in-use", message, null, null);
    e.lockOwner = ownerSession;
    return e;
  }

  /** The session holding the lock, for {@code lock-denied} and {@code in-use}. */
  public Integer lockOwner() {
    return lockOwner;
  }

  public String errorTag() {
    return errorTag;
  }

  public String errorPath() {
    return errorPath;
  }

  public String badElement() {
    return badElement;
  }

  public List<String> followUps() {
    return followUps;
  }
}
