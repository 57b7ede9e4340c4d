package io.switchboard.devices.firewall;

import io.switchboard.devices.config.ConfigCheck;
import io.switchboard.devices.config.ConfigException;
import java.util.List;
import org.w3c.dom.Element;

/**
 * Commit checks of the security configuration as Junos runs them: every zone, address and
 * application a policy names must be defined (predefined {@code junos-*} applications always are),
 * and so must every member of an address-set or application-set.
 */
public final class SecurityPolicyCheck implements ConfigCheck {
  @Override
  public void check(Element configuration) throws ConfigException {
    SecurityConfig c = SecurityConfig.of(configuration);
    for (var set : c.addressSets().entrySet()) {
      for (SecurityConfig.Member m : set.getValue()) {
        boolean known =
            m.set() ? c.addressSets().containsKey(m.name()) : c.addresses().containsKey(m.name());
        if (!known) {
          throw ConfigCheck.failure(
              "[edit security address-book global address-set " + set.getKey() + "]",
              (m.set() ? "address-set " : "address ") + m.name(),
              "Address " + m.name() + " is not defined in address-book global");
        }
      }
    }
    for (var set : c.applicationSets().entrySet()) {
      for (SecurityConfig.Member m : set.getValue()) {
        if (!knownApplication(c, m.name())) {
          throw ConfigCheck.failure(
              "[edit applications application-set " + set.getKey() + "]",
              "application " + m.name(),
              "application '" + m.name() + "' is not defined");
        }
      }
    }
    for (SecurityConfig.ZonePair pair : c.pairs()) {
      for (String zone : List.of(pair.from(), pair.to())) {
        if (!c.zones().contains(zone)) {
          throw ConfigCheck.failure(
              "[edit security policies]",
              (zone.equals(pair.from()) ? "from-zone " : "to-zone ") + zone,
              "Security zone '" + zone + "' is not defined");
        }
      }
      for (SecurityConfig.Policy p : pair.policies()) {
        String path =
            "[edit security policies from-zone "
                + pair.from()
                + " to-zone "
                + pair.to()
                + " policy "
                + p.name()
                + "]";
        for (String a : concat(p.sources(), p.destinations())) {
          if (!"any".equals(a)
              && !c.addresses().containsKey(a)
              && !c.addressSets().containsKey(a)) {
            throw ConfigCheck.failure(
                path,
                (p.sources().contains(a) ? "match source-address " : "match destination-address ")
                    + a,
                "Policy '" + p.name() + "' references undefined address '" + a + "'");
          }
        }
        for (String app : p.applications()) {
          if (!"any".equals(app) && !knownApplication(c, app)) {
            throw ConfigCheck.failure(
                path,
                "match application " + app,
                "Policy '" + p.name() + "' references undefined application '" + app + "'");
          }
        }
        if (p.sources().isEmpty() || p.destinations().isEmpty() || p.applications().isEmpty()) {
          throw ConfigCheck.failure(
              path,
              "match",
              "Policy '"
                  + p.name()
                  + "' needs source-address, destination-address and application");
        }
        if (p.action() == null) {
          throw ConfigCheck.failure(
              path, "then", "Policy '" + p.name() + "' has no action (permit, deny or reject)");
        }
      }
    }
  }

  static boolean knownApplication(SecurityConfig c, String name) {
    return name.startsWith("junos-")
        || c.applications().containsKey(name)
        || c.applicationSets().containsKey(name);
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> out = new java.util.ArrayList<>(a);
    out.addAll(b);
    return out;
  }
}
