package io.switchboard.inventory.firewall.model;

/** What a rule does with a matching session. */
public enum FirewallAction {
  PERMIT,
  DENY,
  REJECT;

  /** The Junos keyword after {@code then}. */
  public String junos() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
