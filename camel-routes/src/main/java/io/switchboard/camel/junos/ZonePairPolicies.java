package io.switchboard.camel.junos;

import java.util.List;

/** The policies of one zone pair in the order the device evaluates them. */
public record ZonePairPolicies(String fromZone, String toZone, List<String> policies) {
  public ZonePairPolicies {
    policies = List.copyOf(policies);
  }
}
