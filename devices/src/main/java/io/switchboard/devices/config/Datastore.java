package io.switchboard.devices.config;

/** The NETCONF datastores a simulated device has (no startup: Junos commits to disk). */
public enum Datastore {
  RUNNING,
  CANDIDATE;

  /** From a {@code <target>}/{@code <source>} child name, or null when unknown. */
  public static Datastore fromName(String name) {
    return switch (name) {
      case "running" -> RUNNING;
      case "candidate" -> CANDIDATE;
      default -> null;
    };
  }

  public String xmlName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
