package io.switchboard.console.overlay;

import io.switchboard.inventory.sdwan.OverlayMember;
import io.switchboard.inventory.sdwan.Tunnel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Where an overlay's sites and tunnels go in its picture, drawn as inline SVG by the page: hubs in
 * the middle (two side by side), spokes (or every site of a full mesh) on a circle around them, one
 * line per tunnel coloured by its state; tunnels between the same two sites (one per WAN path) bend
 * apart so each stays visible.
 */
public final class TopologyPicture {
  static final int SIZE = 560;
  private static final double CENTRE = SIZE / 2.0;
  private static final double RING = SIZE / 2.0 - 60;
  private static final double BEND = 26;

  /** A site: centre, name, hub or not, and its state in the overlay. */
  public record Node(String siteId, String name, boolean hub, String state, double x, double y) {}

  /** A tunnel: an SVG path from one site to the other, its label and state (the CSS class). */
  public record Edge(
      int number, String path, String label, String state, double labelX, double labelY) {}

  private final List<Node> nodes;
  private final List<Edge> edges;

  private TopologyPicture(List<Node> nodes, List<Edge> edges) {
    this.nodes = nodes;
    this.edges = edges;
  }

  public List<Node> getNodes() {
    return nodes;
  }

  public List<Edge> getEdges() {
    return edges;
  }

  public int getSize() {
    return SIZE;
  }

  /** Members that left the overlay are not drawn; tunnels to a site not drawn are left out. */
  public static TopologyPicture of(
      List<OverlayMember> members, List<Tunnel> tunnels, Map<String, String> siteNames) {
    List<OverlayMember> hubs = new ArrayList<>();
    List<OverlayMember> others = new ArrayList<>();
    for (OverlayMember m : members) {
      if ("LEFT".equals(m.getState())) {
        continue;
      }
      (m.isHub() ? hubs : others).add(m);
    }
    Map<String, Node> placed = new LinkedHashMap<>();
    for (int i = 0; i < hubs.size(); i++) {
      double offset = hubs.size() == 1 ? 0 : (i == 0 ? -70 : 70);
      placed.put(hubs.get(i).getSiteId(), node(hubs.get(i), siteNames, CENTRE + offset, CENTRE));
    }
    for (int i = 0; i < others.size(); i++) {
      double angle = -Math.PI / 2 + 2 * Math.PI * i / others.size();
      placed.put(
          others.get(i).getSiteId(),
          node(
              others.get(i),
              siteNames,
              CENTRE + RING * Math.cos(angle),
              CENTRE + RING * Math.sin(angle)));
    }
    Map<String, Integer> perPair = new HashMap<>();
    Map<String, Integer> seen = new HashMap<>();
    for (Tunnel t : tunnels) {
      perPair.merge(pair(t), 1, Integer::sum);
    }
    List<Edge> edges = new ArrayList<>();
    for (Tunnel t : tunnels) {
      Node a = placed.get(t.getASiteId());
      Node b = placed.get(t.getBSiteId());
      if (a == null || b == null) {
        continue;
      }
      int count = perPair.get(pair(t));
      int index = seen.merge(pair(t), 1, Integer::sum) - 1;
      edges.add(edge(t, a, b, (index - (count - 1) / 2.0) * BEND));
    }
    return new TopologyPicture(List.copyOf(placed.values()), edges);
  }

  private static Node node(OverlayMember m, Map<String, String> names, double x, double y) {
    return new Node(
        m.getSiteId(),
        names.getOrDefault(m.getSiteId(), m.getSiteId()),
        m.isHub(),
        m.getState(),
        round(x),
        round(y));
  }

  /** A straight line, or a quadratic curve bent sideways by {@code bend} pixels. */
  private static Edge edge(Tunnel t, Node a, Node b, double bend) {
    double mx = (a.x() + b.x()) / 2;
    double my = (a.y() + b.y()) / 2;
    double dx = b.x() - a.x();
    double dy = b.y() - a.y();
    double length = Math.max(1, Math.hypot(dx, dy));
    double cx = mx - dy / length * bend * 2;
    double cy = my + dx / length * bend * 2;
    String path =
        bend == 0
            ? String.format(Locale.ROOT, "M%.1f %.1f L%.1f %.1f", a.x(), a.y(), b.x(), b.y())
            : String.format(
                Locale.ROOT, "M%.1f %.1f Q%.1f %.1f %.1f %.1f", a.x(), a.y(), cx, cy, b.x(), b.y());
    // the curve passes halfway between the chord's middle and its control point
    double lx = bend == 0 ? mx : (mx + cx) / 2;
    double ly = bend == 0 ? my : (my + cy) / 2;
    return new Edge(
        t.getNumber(),
        path,
        "st0." + t.getSt0Unit() + " " + t.getPathLabel() + " — " + t.getState(),
        t.getState().name(),
        round(lx),
        round(ly));
  }

  private static String pair(Tunnel t) {
    return t.getASiteId().compareTo(t.getBSiteId()) < 0
        ? t.getASiteId() + "|" + t.getBSiteId()
        : t.getBSiteId() + "|" + t.getASiteId();
  }

  private static double round(double v) {
    return Math.round(v * 10) / 10.0;
  }
}
