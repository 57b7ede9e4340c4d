package io.switchboard.workers.vnf;

import io.switchboard.inventory.vnf.Vnfd;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The Junos-on-NFX configuration of one VNF as set commands, and its removal computed against the
 * device's committed configuration, so that removing it leaves the configuration exactly as it was
 * before it was added (no empty containers left behind, nothing else touched).
 */
public final class VnfConfigRenderer {
  /** What one VNF's configuration needs. */
  public record Chain(
      String name, Vnfd.Flavour flavour, String imagePath, int lanVlan, int wanVlan) {}

  private VnfConfigRenderer() {}

  public static String imagePath(String instanceName) {
    return "/var/public/" + instanceName + ".qcow2";
  }

  /** The statements a VNF owns: removing these roots removes all of it. */
  public static List<String> ownedRoots(String name) {
    return List.of(
        "virtual-network-functions " + name,
        "vmhost vlans " + name + "-lan",
        "vmhost vlans " + name + "-wan");
  }

  /**
   * The VNF, its two vmhost VLANs and the service chain: the LAN-role interface on the LAN VLAN,
   * the WAN-role interface on the WAN VLAN (LAN segment → VNF → WAN).
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
    return out.toString();
  }

  /**
   * Delete commands that remove {@code roots} from {@code committedSet} (the device's configuration
   * as set commands): for each root, the shortest prefix of it that nothing else in the
   * configuration shares, so a container the VNF brought is removed with it. Empty when none of it
   * is there (removing twice changes nothing).
   */
  public static String removal(String committedSet, List<String> roots) {
    List<String> lines = new ArrayList<>();
    for (String raw : committedSet.split("\\R")) {
      String line = raw.strip();
      if (line.startsWith("set ")) {
        lines.add(line.substring(4));
      }
    }
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

  private static boolean under(String line, String prefix) {
    return line.equals(prefix) || line.startsWith(prefix + " ");
  }
}
