package io.switchboard.inventory.firewall.analysis;

/**
 * A rule that is never matched ({@code SHADOWED}: an earlier rule takes all its sessions with
 * another action) or can go without changing any verdict ({@code REDUNDANT}); {@code by} is the
 * rule responsible.
 */
public record Finding(Kind kind, String rule, String by, String explanation) {
  public enum Kind {
    SHADOWED,
    REDUNDANT
  }
}
