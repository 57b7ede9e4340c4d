package io.switchboard.devices.config;

import java.util.List;
import java.util.regex.Pattern;
import org.w3c.dom.Element;

/**
 * The commit checks a simulated device runs: a few rules that real Junos also enforces, enough to
 * give validate, commit check and failed commits realistic errors.
 */
public final class ConfigValidator {

  private static final Pattern INTERFACE_NAME =
      Pattern.compile(
          "^((ge|xe|et|fe|gr|ip|lt|vt)-\\d+/\\d+/\\d+|(st|lo|fxp|em|ae|reth|me)\\d+|irb|vlan)$");
  private static final Pattern IPV4_PREFIX =
      Pattern.compile("^(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})(/(\\d{1,2}))?$");
  private static final String CHECK_OUT_FAILED = "configuration check-out failed";

  /** Checks contributed by feature packages (security policies, ...). */
  private static final List<ConfigCheck> CHECKS =
      java.util.ServiceLoader.load(ConfigCheck.class, ConfigValidator.class.getClassLoader())
          .stream()
          .map(java.util.ServiceLoader.Provider::get)
          .toList();

  private ConfigValidator() {}

  /** Checks a whole configuration; the first violation is thrown. */
  public static void validate(Element configuration) throws ConfigException {
    Element interfaces = Xml.child(configuration, "interfaces");
    if (interfaces != null) {
      for (Element itf : Xml.children(interfaces, "interface")) {
        String name = Xml.childText(itf, ConfigTree.KEY);
        if (name == null || !INTERFACE_NAME.matcher(name).matches()) {
          throw failure(
              "[edit interfaces]", "interface " + name, "invalid interface type in '" + name + "'");
        }
        for (Element unit : Xml.children(itf, "unit")) {
          Element inet = Xml.path(unit, "family", "inet");
          if (inet == null) {
            continue;
          }
          for (Element address : Xml.children(inet, "address")) {
            String prefix =
                Xml.hasElementChildren(address)
                    ? Xml.childText(address, ConfigTree.KEY)
                    : Xml.text(address);
            if (prefix == null || !validIpv4(prefix)) {
              throw failure(
                  "[edit interfaces "
                      + name
                      + " unit "
                      + Xml.childText(unit, ConfigTree.KEY)
                      + " family inet]",
                  "address " + prefix,
                  "invalid ip address or hostname: " + prefix);
            }
          }
        }
      }
    }
    Element ipsec = Xml.path(configuration, "security", "ipsec");
    if (ipsec != null) {
      for (Element vpn : Xml.children(ipsec, "vpn")) {
        String vpnName = Xml.childText(vpn, ConfigTree.KEY);
        String bind = Xml.childText(vpn, "bind-interface");
        if (bind != null && !OperationalState.unitConfigured(configuration, bind)) {
          throw failure(
              "[edit security ipsec vpn " + vpnName + "]",
              "bind-interface " + bind,
              "Interface " + bind + " must be configured under [edit interfaces]");
        }
        String gateway =
            Xml.childText(Xml.child(vpn, "ike") == null ? vpn : Xml.child(vpn, "ike"), "gateway");
        if (gateway != null && OperationalState.ikeGateway(configuration, gateway) == null) {
          throw failure(
              "[edit security ipsec vpn " + vpnName + " ike]",
              "gateway " + gateway,
              "Referenced IKE gateway '" + gateway + "' is not defined");
        }
      }
    }
    for (ConfigCheck check : CHECKS) {
      check.check(configuration);
    }
  }

  private static ConfigException failure(String path, String bad, String message) {
    return new ConfigException("invalid-value", message, path, bad, List.of(CHECK_OUT_FAILED));
  }

  static boolean validIpv4(String prefix) {
    var m = IPV4_PREFIX.matcher(prefix);
    if (!m.matches()) {
      return false;
    }
    for (int g = 1; g <= 4; g++) {
      if (Integer.parseInt(m.group(g)) > 255) {
        return false;
      }
    }
    return m.group(6) == null || Integer.parseInt(m.group(6)) <= 32;
  }
}
