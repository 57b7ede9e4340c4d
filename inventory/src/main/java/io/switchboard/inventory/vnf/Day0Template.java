package io.switchboard.inventory.vnf;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A VNF's day-0 configuration template, as its package carries it (the VNFD's {@code day0} file:
 * Junos set lines or any configuration text), with {@code {{name}}} placeholders for what only the
 * instance knows: its name and the addresses of its place in the service chain (docs/vnf.md), and
 * the per-instance parameters the VNFD declares ({@link Day0Parameter}). Package validation refuses
 * a placeholder that is neither; each instantiation renders its own copy. Pure.
 */
public final class Day0Template {
  public static final String VNF_NAME = "vnf_name";

  /** The VNF's WAN-side address on its transit link (the host's {@code .1} is the gateway). */
  public static final String WAN_ADDRESS = "wan_address";

  public static final String WAN_GATEWAY = "wan_gateway";
  public static final String WAN_PREFIX_LENGTH = "wan_prefix_length";
  public static final String WAN_VLAN = "wan_vlan";
  public static final String LAN_VLAN = "lan_vlan";

  /** The site's LAN prefix; only for sites whose LAN segment has one. */
  public static final String LAN_PREFIX = "lan_prefix";

  /** Every placeholder a template may use, in the order messages list them. */
  public static final List<String> PLACEHOLDERS =
      List.of(
          VNF_NAME, WAN_ADDRESS, WAN_GATEWAY, WAN_PREFIX_LENGTH, WAN_VLAN, LAN_VLAN, LAN_PREFIX);

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([^{}]*?)\\s*}}");

  private Day0Template() {}

  /** The placeholders {@code template} uses that are not in {@link #PLACEHOLDERS}, in order. */
  public static List<String> unknownPlaceholders(String template) {
    return unknownPlaceholders(template, List.of());
  }

  /**
   * The placeholders {@code template} uses that are neither in {@link #PLACEHOLDERS} nor among the
   * package's declared parameters, in order.
   */
  public static List<String> unknownPlaceholders(String template, Collection<String> declared) {
    List<String> unknown = new ArrayList<>();
    Matcher m = PLACEHOLDER.matcher(template);
    while (m.find()) {
      if (!PLACEHOLDERS.contains(m.group(1))
          && !declared.contains(m.group(1))
          && !unknown.contains(m.group(1))) {
        unknown.add(m.group(1));
      }
    }
    return unknown;
  }

  /**
   * The template with every placeholder replaced by its value.
   *
   * @throws IllegalArgumentException naming a placeholder that has no value here (a LAN prefix the
   *     site does not have)
   */
  public static String render(String template, Map<String, String> values) {
    Matcher m = PLACEHOLDER.matcher(template);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String value = values.get(m.group(1));
      if (value == null) {
        throw new IllegalArgumentException(
            "the day-0 configuration needs {{" + m.group(1) + "}}, which this instance has not");
      }
      m.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    m.appendTail(out);
    return out.toString();
  }
}
