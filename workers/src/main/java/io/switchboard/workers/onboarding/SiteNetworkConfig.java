package io.switchboard.workers.onboarding;

import io.switchboard.inventory.sdwan.Addressing;
import io.switchboard.inventory.sdwan.LanSegment;
import io.switchboard.inventory.sdwan.WanLink;
import io.switchboard.inventory.sdwan.plan.Ipv4;
import io.switchboard.workers.device.ConfigTemplates;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * A site's WAN links and LAN segments as the blocks {@code ${wan}} and {@code ${lan}} of its site
 * template (issue 13: ZTP renders them), each from a template of {@code templates/site/network/}.
 * WAN: each link's addressing (DHCP, or the static address with its gateway as the default route,
 * the first static link by priority as next-hop and the others as qualified next-hops of a lower
 * preference). LAN: the segments as units of the LAN port ({@value #LAN_PORT}; unit 0 untagged, the
 * VLAN id otherwise) with the first address of their prefix, and a DHCP server where it is on.
 */
@Component
public class SiteNetworkConfig {
  /** The port a site's LAN segments are on (the site template's LAN port). */
  static final String LAN_PORT = "ge-0/0/1";

  /** The preference of the first backup default route (Junos' static default is 5). */
  private static final int BACKUP_PREFERENCE = 6;

  private final ConfigTemplates templates;

  public SiteNetworkConfig(ConfigTemplates templates) {
    this.templates = templates;
  }

  /** The WAN block: the links in priority order, or the template's default uplink without any. */
  public String wan(List<WanLink> links, Map<String, String> site) {
    if (links.isEmpty()) {
      return templates.siteNetwork("wan-default", site);
    }
    List<WanLink> ordered =
        links.stream()
            .sorted(
                Comparator.comparingInt(WanLink::getPriority)
                    .thenComparing(WanLink::getInterfaceName))
            .toList();
    List<String> blocks = new ArrayList<>();
    int backups = 0;
    for (WanLink link : ordered) {
      Map<String, String> values = new HashMap<>(site);
      values.put("interface", link.getInterfaceName());
      values.put("label", word(label(link)));
      if (link.getAddressing() == Addressing.STATIC) {
        values.put("address", link.getAddress());
        values.put(
            "route",
            backups == 0
                ? "next-hop " + link.getGateway()
                : "qualified-next-hop "
                    + link.getGateway()
                    + " preference "
                    + (BACKUP_PREFERENCE + backups - 1));
        backups++;
        blocks.add(templates.siteNetwork("wan-static", values));
      } else {
        blocks.add(templates.siteNetwork("wan-dhcp", values));
      }
    }
    return String.join("\n", blocks);
  }

  /** The LAN block: the segments on the LAN port, or the template's default LAN without any. */
  public String lan(List<LanSegment> segments, Map<String, String> site) {
    if (segments.isEmpty()) {
      return templates.siteNetwork("lan-default", site);
    }
    boolean tagged = segments.stream().anyMatch(s -> s.getVlanId() != null);
    boolean untagged = segments.stream().anyMatch(s -> s.getVlanId() == null);
    Map<String, String> port = new HashMap<>(site);
    port.put("interface", LAN_PORT);
    port.put("tagging", !tagged ? "" : untagged ? "flexible-vlan-tagging" : "vlan-tagging");
    port.put("nativeVlan", tagged && untagged ? "native-vlan-id 1" : "");
    List<String> blocks = new ArrayList<>();
    blocks.add(templates.siteNetwork("lan-port", port));
    List<LanSegment> ordered =
        segments.stream()
            .sorted(
                Comparator.comparing(
                        (LanSegment s) -> s.getVlanId() == null ? 0 : s.getVlanId().intValue())
                    .thenComparing(LanSegment::getName))
            .toList();
    for (LanSegment segment : ordered) {
      Ipv4.Prefix prefix = Ipv4.prefix(segment.getPrefix());
      String unit = segment.getVlanId() == null ? "0" : segment.getVlanId().toString();
      Map<String, String> values = new HashMap<>(site);
      values.put("interface", LAN_PORT);
      values.put("unit", unit);
      values.put("name", word(segment.getName()));
      values.put(
          "vlan",
          segment.getVlanId() != null
              ? "vlan-id " + segment.getVlanId()
              : tagged ? "vlan-id 1" : "");
      values.put("gatewayAddress", prefix.address(1) + "/" + prefix.length());
      blocks.add(templates.siteNetwork("lan-segment", values));
      // a DHCP pool needs an address beside the gateway and the last one
      if (segment.isDhcp() && prefix.size() >= 4) {
        values.put("pool", "lan-" + word(segment.getName()));
        values.put("prefix", prefix.toString());
        values.put("gateway", prefix.address(1));
        values.put("low", prefix.address(2));
        values.put("high", prefix.address(prefix.size() - 2));
        blocks.add(templates.siteNetwork("lan-dhcp", values));
      }
    }
    return String.join("\n", blocks);
  }

  private static String label(WanLink link) {
    if (link.getPathLabel() != null && !link.getPathLabel().isBlank()) {
      return link.getPathLabel();
    }
    return link.getAccessType() == null ? "uplink" : link.getAccessType().name().toLowerCase();
  }

  /** A Junos identifier or description word: letters, digits, '-' and '_' only. */
  private static String word(String text) {
    return text.replaceAll("[^A-Za-z0-9_-]", "-");
  }
}
