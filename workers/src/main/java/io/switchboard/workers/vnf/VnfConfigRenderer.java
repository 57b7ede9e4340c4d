package io.switchboard.workers.vnf;

import io.switchboard.inventory.vnf.Day0Template;
import io.switchboard.inventory.vnf.Vnfd;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Junos-on-NFX configuration of one VNF as set commands, and its removal computed against the
 * device's committed configuration, so that removing it leaves the configuration exactly as it was
 * before it was added (no empty containers left behind, nothing else touched).
 *
 * <p>The chain's host side (docs/vnf.md, "Service chain"): the VNF's WAN interface reaches the host
 * on {@code irb.<wanVlan>}, a /30 transit link of its own in a security zone of its own ({@code
 * vnf-<name>}) that may send to the host's WAN zone; the host routes the LAN's prefix back through
 * the VNF. So LAN traffic enters the VNF on the LAN VLAN and leaves it towards the WAN through the
 * host, both ways.
 */
public final class VnfConfigRenderer {
  /**
   * What one VNF's configuration needs.
   *
   * @param lanPrefix the LAN segment's prefix routed back through the VNF; null for none
   * @param wanZone the host's security zone of the WAN (it must exist on the device)
   * @param day0Path the file on the device holding the VNF's day-0 configuration, attached as its
   *     config drive; null when the package has none
   */
  public record Chain(
      String name,
      Vnfd.Flavour flavour,
      String imagePath,
      int lanVlan,
      int wanVlan,
      String lanPrefix,
      String wanZone,
      String day0Path) {}

  /** The CD-ROM drive a VNF's day-0 configuration is attached as. */
  static final String DAY0_DRIVE = "hdc";

  /** The /30 between the host ({@code host}) and the VNF's WAN side ({@code vnf}). */
  public record Transit(String host, String vnf) {}

  private static final Pattern ROUTE_VIA =
      Pattern.compile("routing-options static route \\S+ next-hop (\\S+)");

  private VnfConfigRenderer() {}

  /**
   * The transit link of a WAN VLAN: a /30 in 169.254.0.0/16 numbered by the VLAN, so every VNF of a
   * device (one per WAN VLAN) has its own and none needs an address plan.
   */
  public static Transit transit(int wanVlan) {
    String net = "169.254." + (wanVlan >> 6) + ".";
    int base = (wanVlan & 63) << 2;
    return new Transit(net + (base + 1), net + (base + 2));
  }

  public static String zone(String name) {
    return "vnf-" + name;
  }

  public static String imagePath(String instanceName) {
    return "/var/public/" + instanceName + ".qcow2";
  }

  /** Where an instance's config drive (an ISO 9660 image of its day-0 files) is put. */
  public static String day0Path(String instanceName) {
    return "/var/public/" + instanceName + "-day0.iso";
  }

  /**
   * The values of the day-0 placeholders ({@link Day0Template}) for this chain: the VNF's name and
   * its addresses on the transit link and the LAN.
   */
  public static Map<String, String> day0Values(Chain c) {
    Transit transit = transit(c.wanVlan());
    Map<String, String> values = new HashMap<>();
    values.put(Day0Template.VNF_NAME, c.name());
    values.put(Day0Template.WAN_ADDRESS, transit.vnf());
    values.put(Day0Template.WAN_GATEWAY, transit.host());
    values.put(Day0Template.WAN_PREFIX_LENGTH, "30");
    values.put(Day0Template.WAN_VLAN, String.valueOf(c.wanVlan()));
    values.put(Day0Template.LAN_VLAN, String.valueOf(c.lanVlan()));
    if (c.lanPrefix() != null) {
      values.put(Day0Template.LAN_PREFIX, c.lanPrefix());
    }
    return values;
  }

  /**
   * The statements a VNF owns in {@code committedSet}: removing these roots removes all of it. The
   * route back to the LAN is found by its next hop (the VNF), so a LAN prefix changed since the
   * instantiation is still removed.
   */
  public static List<String> ownedRoots(String name, int wanVlan, String committedSet) {
    List<String> roots = new ArrayList<>();
    roots.add("virtual-network-functions " + name);
    roots.add("vmhost vlans " + name + "-lan");
    roots.add("vmhost vlans " + name + "-wan");
    roots.add("interfaces irb unit " + wanVlan);
    roots.add("security zones security-zone " + zone(name));
    roots.add("security policies from-zone " + zone(name));
    String vnf = transit(wanVlan).vnf();
    for (String line : setPaths(committedSet)) {
      Matcher m = ROUTE_VIA.matcher(line);
      if (m.matches() && m.group(1).equals(vnf)) {
        roots.add(line);
      }
    }
    return roots;
  }

  /**
   * The VNF, its two vmhost VLANs and the service chain: the LAN-role interface on the LAN VLAN,
   * the WAN-role interface on the WAN VLAN (LAN segment → VNF → WAN), and the host's transit
   * interface, zone, policy and route that send the traffic through it.
   */
  public static String render(Chain c) {
    String vnf = "set virtual-network-functions " + c.name() + " ";
    StringBuilder out = new StringBuilder();
    out.append("set vmhost vlans ").append(c.name()).append("-lan vlan-id ").append(c.lanVlan());
    out.append('\n');
    out.append("set vmhost vlans ").append(c.name()).append("-wan vlan-id ").append(c.wanVlan());
    out.append('\n');
    out.append(vnf).append("image ").append(c.imagePath()).append(" image-type qcow2\n");
    out.append(vnf).append("virtual-cpu count ").append(c.flavour().vcpus()).append('\n');
    int mib = c.flavour().hugepagesMib() > 0 ? c.flavour().hugepagesMib() : c.flavour().memoryMib();
    out.append(vnf).append("memory size ").append(mib * 1024L).append('\n');
    if (c.flavour().hugepagesMib() > 0) {
      out.append(vnf).append("memory features hugepages\n");
    }
    if (c.day0Path() != null) {
      out.append(vnf)
          .append("storage ")
          .append(DAY0_DRIVE)
          .append(" type cdrom source file ")
          .append(c.day0Path())
          .append('\n');
    }
    for (Vnfd.VirtualInterface i : c.flavour().interfaces()) {
      String vlan =
          switch (i.role()) {
            case LAN -> c.name() + "-lan";
            case WAN -> c.name() + "-wan";
            case MGMT -> null;
          };
      if (vlan != null) {
        out.append(vnf)
            .append("interfaces ")
            .append(i.name())
            .append(" mapping vlan members ")
            .append(vlan)
            .append('\n');
      }
    }
    Transit transit = transit(c.wanVlan());
    String zone = zone(c.name());
    out.append("set interfaces irb unit ")
        .append(c.wanVlan())
        .append(" family inet address ")
        .append(transit.host())
        .append("/30\n");
    out.append("set security zones security-zone ")
        .append(zone)
        .append(" interfaces irb.")
        .append(c.wanVlan())
        .append(" host-inbound-traffic system-services ping\n");
    String policy =
        "set security policies from-zone "
            + zone
            + " to-zone "
            + c.wanZone()
            + " policy "
            + zone
            + "-out ";
    out.append(policy).append("match source-address any\n");
    out.append(policy).append("match destination-address any\n");
    out.append(policy).append("match application any\n");
    out.append(policy).append("then permit\n");
    if (c.lanPrefix() != null) {
      out.append("set routing-options static route ")
          .append(c.lanPrefix())
          .append(" next-hop ")
          .append(transit.vnf())
          .append('\n');
    }
    return out.toString();
  }

  /**
   * Whether every part the VNF owns is in {@code committedSet}: its definition, both vmhost VLANs,
   * the transit interface, its zone, its policy and the route back to the LAN (what a heal puts
   * back when one is gone).
   */
  public static boolean isWhole(String committedSet, Chain c) {
    List<String> lines = setPaths(committedSet);
    List<String> parts = new ArrayList<>(ownedRoots(c.name(), c.wanVlan(), ""));
    if (c.lanPrefix() != null) {
      parts.add(
          "routing-options static route "
              + c.lanPrefix()
              + " next-hop "
              + transit(c.wanVlan()).vnf());
    }
    return parts.stream().allMatch(root -> lines.stream().anyMatch(l -> under(l, root)));
  }

  /**
   * The statements of {@code commands} (set commands) that {@code committedSet} does not have, as
   * {@code set} lines: what committing them adds.
   */
  public static List<String> absentFrom(String committedSet, String commands) {
    List<String> present = setPaths(committedSet);
    return setPaths(commands).stream()
        .filter(path -> !present.contains(path))
        .map(path -> "set " + path)
        .toList();
  }

  /**
   * Delete commands that remove {@code roots} from {@code committedSet} (the device's configuration
   * as set commands): for each root, the shortest prefix of it that nothing else in the
   * configuration shares, so a container the VNF brought is removed with it. Empty when none of it
   * is there (removing twice changes nothing).
   */
  public static String removal(String committedSet, List<String> roots) {
    List<String> lines = setPaths(committedSet);
    List<String> others = new ArrayList<>();
    List<String> present = new ArrayList<>();
    for (String line : lines) {
      String root = roots.stream().filter(r -> under(line, r)).findFirst().orElse(null);
      if (root == null) {
        others.add(line);
      } else if (!present.contains(root)) {
        present.add(root);
      }
    }
    List<String> deletes = new ArrayList<>();
    for (String root : present) {
      String[] words = root.split(" ");
      String target = root;
      for (int n = 1; n < words.length; n++) {
        String prefix = String.join(" ", Arrays.copyOf(words, n));
        if (others.stream().noneMatch(l -> under(l, prefix))) {
          target = prefix;
          break;
        }
      }
      String delete = "delete " + target;
      if (!deletes.contains(delete)) {
        deletes.add(delete);
      }
    }
    return deletes.isEmpty() ? "" : String.join("\n", deletes) + "\n";
  }

  /** The statements of set commands, without their {@code set}. */
  private static List<String> setPaths(String setCommands) {
    List<String> lines = new ArrayList<>();
    for (String raw : setCommands.split("\\R")) {
      String line = raw.strip();
      if (line.startsWith("set ")) {
        lines.add(line.substring(4));
      }
    }
    return lines;
  }

  private static boolean under(String line, String prefix) {
    return line.equals(prefix) || line.startsWith(prefix + " ");
  }
}
