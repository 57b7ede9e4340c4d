package io.switchboard.devices.sdwan;

import io.switchboard.devices.config.Xml;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.w3c.dom.Element;

/**
 * The underlay address of a simulated WAN port. A port with a static {@code family inet address} on
 * unit 0 has that address. A DHCP port learns one that is deterministic from the serial: port
 * {@code ge-0/0/p} of the device whose serial ends in the number {@code n} gets {@code
 * 100.(64+p).(n / 250).(n % 250 + 1)} (RFC 6598 shared space, so it never collides with a tunnel
 * pool or a documentation prefix a test uses); a serial without a trailing number uses its hash.
 */
public final class UnderlayAddresses {
  private static final Pattern TRAILING_NUMBER = Pattern.compile("(\\d+)$");
  private static final Pattern PORT = Pattern.compile("^[a-z]+-\\d+/\\d+/(\\d+)$");

  private UnderlayAddresses() {}

  /** The DHCP-learned address of {@code port} on the device with {@code serial}. */
  public static String learned(String serial, String port) {
    Matcher p = PORT.matcher(port);
    int portNumber = p.matches() ? Integer.parseInt(p.group(1)) : 0;
    Matcher m = TRAILING_NUMBER.matcher(serial);
    long n = m.find() ? Long.parseLong(m.group(1)) : (serial.hashCode() & 0x7fffffffL);
    n = n % 62500;
    return "100." + (64 + (portNumber % 64)) + "." + (n / 250) + "." + (n % 250 + 1);
  }

  /** The address of {@code port} given the running configuration; null when the port has none. */
  public static String of(String serial, Element configuration, String port) {
    Element unit = unitZero(configuration, port);
    if (unit == null) {
      return null;
    }
    Element inet = Xml.path(unit, "family", "inet");
    if (inet == null) {
      return null;
    }
    for (Element address : Xml.children(inet, "address")) {
      String value =
          Xml.hasElementChildren(address) ? Xml.childText(address, "name") : Xml.text(address);
      if (value != null && !value.isEmpty()) {
        int slash = value.indexOf('/');
        return slash < 0 ? value : value.substring(0, slash);
      }
    }
    return Xml.child(inet, "dhcp") != null ? learned(serial, port) : null;
  }

  static Element unitZero(Element configuration, String port) {
    Element interfaces = Xml.child(configuration, "interfaces");
    if (interfaces == null) {
      return null;
    }
    for (Element itf : Xml.children(interfaces, "interface")) {
      if (port.equals(Xml.childText(itf, "name"))) {
        for (Element unit : Xml.children(itf, "unit")) {
          if ("0".equals(Xml.childText(unit, "name"))) {
            return unit;
          }
        }
      }
    }
    return null;
  }
}
