package io.switchboard.devices.firewall;

import io.switchboard.devices.config.ConfigTree;
import io.switchboard.devices.config.Xml;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.w3c.dom.Element;

/**
 * {@code show | compare}: the difference between two configurations as Junos prints it, one {@code
 * [edit ...]} header per changed hierarchy, then its statements with {@code -} (only in the old
 * one) and {@code +} (only in the new one). A statement that changed place in an ordered list (an
 * inserted policy) shows as removed where it was and added where it is.
 */
public final class ConfigCompare {
  private static final Map<String, String> PLURALS =
      Map.of("interfaces", "interface", "routing-instances", "instance", "vlans", "vlan");

  private ConfigCompare() {}

  /** Empty when the configurations are the same. */
  public static String compare(Element before, Element after) {
    StringBuilder out = new StringBuilder();
    diff(before, after, "", out);
    return out.toString();
  }

  private static void diff(Element before, Element after, String path, StringBuilder out) {
    List<Element> old = statements(before);
    List<Element> now = statements(after);
    List<String> oldIds = old.stream().map(e -> identity(e, before)).toList();
    List<String> newIds = now.stream().map(e -> identity(e, after)).toList();
    int[][] lcs = new int[old.size() + 1][now.size() + 1];
    for (int i = old.size() - 1; i >= 0; i--) {
      for (int j = now.size() - 1; j >= 0; j--) {
        lcs[i][j] =
            oldIds.get(i).equals(newIds.get(j))
                ? lcs[i + 1][j + 1] + 1
                : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
      }
    }
    StringBuilder lines = new StringBuilder();
    List<Element[]> nested = new ArrayList<>();
    int i = 0;
    int j = 0;
    while (i < old.size() || j < now.size()) {
      if (i < old.size() && j < now.size() && oldIds.get(i).equals(newIds.get(j))) {
        Element o = old.get(i);
        Element n = now.get(j);
        if (!text(o, before, 0).equals(text(n, after, 0))) {
          if (isLeaf(o) || isLeaf(n)) {
            render(o, Xml.name(before), 1, "-", lines);
            render(n, Xml.name(after), 1, "+", lines);
          } else {
            nested.add(new Element[] {o, n});
          }
        }
        i++;
        j++;
      } else if (j < now.size() && (i == old.size() || lcs[i][j + 1] >= lcs[i + 1][j])) {
        render(now.get(j++), Xml.name(after), 1, "+", lines);
      } else {
        render(old.get(i++), Xml.name(before), 1, "-", lines);
      }
    }
    if (!lines.isEmpty()) {
      out.append("[edit").append(path).append("]\n").append(lines);
    }
    for (Element[] pair : nested) {
      diff(pair[0], pair[1], path + " " + header(pair[1], Xml.name(after)), out);
    }
  }

  private static List<Element> statements(Element e) {
    List<Element> children = Xml.children(e);
    if (key(e) != null) {
      children.removeIf(c -> Xml.name(c).equals(ConfigTree.KEY));
    }
    return children;
  }

  private static String key(Element e) {
    return Xml.hasElementChildren(e) ? Xml.childText(e, ConfigTree.KEY) : null;
  }

  private static boolean isLeaf(Element e) {
    return statements(e).isEmpty();
  }

  private static String identity(Element e, Element parent) {
    return isLeaf(e) && key(e) == null ? Xml.name(e) : header(e, Xml.name(parent));
  }

  private static String header(Element e, String parentName) {
    String key = key(e);
    if (key == null) {
      return Xml.name(e);
    }
    return Xml.name(e).equals(PLURALS.get(parentName)) ? key : Xml.name(e) + " " + key;
  }

  private static String text(Element e, Element parent, int depth) {
    StringBuilder out = new StringBuilder();
    render(e, Xml.name(parent), depth, "", out);
    return out.toString();
  }

  private static void render(
      Element e, String parentName, int depth, String sign, StringBuilder out) {
    String indent = sign + "    ".repeat(depth);
    List<Element> children = statements(e);
    String header = header(e, parentName);
    if (children.isEmpty()) {
      String value = key(e) == null && !Xml.hasElementChildren(e) ? e.getTextContent().trim() : "";
      out.append(indent).append(header).append(value.isEmpty() ? "" : " " + value).append(";\n");
      return;
    }
    out.append(indent).append(header).append(" {\n");
    for (Element c : children) {
      render(c, Xml.name(e), depth + 1, sign, out);
    }
    out.append(indent).append("}\n");
  }
}
