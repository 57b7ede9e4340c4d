package io.switchboard.inventory.firewall.analysis;

/**
 * An example flow whose verdict differs between two versions; a null rule is the default policy
 * (deny).
 */
public record VerdictChange(
    Flow flow, String before, String beforeRule, String after, String afterRule) {}
