package io.switchboard.inventory.sdwan.plan;

/**
 * A WAN link as the planner sees it: the local interface, the path label tunnels pair on, the
 * underlay address peers reach it at (null when unknown), and its priority (lower first).
 */
public record PlanLink(String interfaceName, String pathLabel, String underlay, int priority) {}
