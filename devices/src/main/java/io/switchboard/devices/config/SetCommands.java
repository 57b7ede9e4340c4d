package io.switchboard.devices.config;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.w3c.dom.Element;

/**
 * Junos {@code set}/{@code delete} commands on an XML configuration, for {@code load-configuration
 * action="set"}. Statement words map to elements with the help of {@link ConfigSchema}: {@code set
 * interfaces ge-0/0/1 unit 0 family inet address 10.0.0.1/24} becomes
 * interface[name=ge-0/0/1]/unit[name=0]/family/inet/address[name=10.0.0.1/24].
 */
public final class SetCommands {

  private static final Pattern STATEMENT = Pattern.compile("[A-Za-z_][A-Za-z0-9_.-]*");

  private SetCommands() {}

  /** One step of a statement path. */
  record Step(String name, String key, String value, boolean last) {}

  /** Applies each non-blank line ({@code set ...}, {@code delete ...}; {@code #} comments). */
  public static void apply(Element configuration, String commands) throws ConfigException {
    int lineNo = 0;
    for (String raw : commands.split("\\R")) {
      lineNo++;
      String line = raw.strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      List<String> words = ConfigText.tokenize(line);
      String verb = words.get(0);
      List<String> path = words.subList(1, words.size());
      if (path.isEmpty()) {
        throw syntax(line, lineNo);
      }
      switch (verb) {
        case "set" -> set(configuration, path);
        case "delete" -> delete(configuration, path);
        case "insert" -> insert(configuration, path, line);
        default -> throw syntax(line, lineNo);
      }
    }
  }

  private static ConfigException syntax(String line, int lineNo) {
    return new ConfigException(
        "invalid-value",
        "syntax error, expecting <command>: line " + lineNo + ": " + line,
        "[edit]",
        line);
  }

  /** Creates or updates the statement that a path of words names. */
  static void set(Element configuration, List<String> words) throws ConfigException {
    Element current = configuration;
    for (Step step : steps(words)) {
      if (!STATEMENT.matcher(step.name()).matches()) {
        throw new ConfigException(
            "invalid-value",
            "syntax error: '" + step.name() + "' is not a statement",
            "[edit]",
            String.join(" ", words));
      }
      Element next = find(current, step);
      if (next == null) {
        next = Xml.append(current, step.name());
        if (step.key() != null) {
          Xml.append(next, ConfigTree.KEY, step.key());
        }
      }
      if (step.value() != null) {
        next.setTextContent(step.value());
      }
      current = next;
    }
  }

  /** Removes the statement that a path of words names; silent when it is not there (as Junos). */
  static void delete(Element configuration, List<String> words) {
    Element current = configuration;
    for (Step step : steps(words)) {
      Element next =
          find(current, step.value() == null ? step : new Step(step.name(), null, null, true));
      if (next == null) {
        return;
      }
      if (step.last()) {
        current.removeChild(next);
        return;
      }
      current = next;
    }
  }

  /**
   * {@code insert <path> before|after <name> <key>}: moves an existing list entry next to a sibling
   * of the same list, as Junos does for ordered statements such as security policies.
   */
  static void insert(Element configuration, List<String> words, String line)
      throws ConfigException {
    int at = Math.max(words.lastIndexOf("before"), words.lastIndexOf("after"));
    if (at < 2 || words.size() != at + 3) {
      throw new ConfigException(
          "invalid-value", "syntax error, expecting 'before' or 'after': " + line, "[edit]", line);
    }
    boolean before = "before".equals(words.get(at));
    Element target = locate(configuration, words.subList(0, at));
    String reference = words.get(at + 2);
    if (target == null) {
      throw new ConfigException(
          "data-missing",
          "statement not found: " + String.join(" ", words.subList(0, at)),
          "[edit]",
          line);
    }
    Element parent = (Element) target.getParentNode();
    Element sibling = null;
    for (Element child : Xml.children(parent, Xml.name(target))) {
      if (reference.equals(Xml.childText(child, ConfigTree.KEY))) {
        sibling = child;
      }
    }
    if (sibling == null || !words.get(at + 1).equals(Xml.name(target))) {
      throw new ConfigException(
          "data-missing",
          "statement not found: " + words.get(at + 1) + " " + reference,
          "[edit]",
          line);
    }
    if (sibling == target) {
      return;
    }
    parent.removeChild(target);
    parent.insertBefore(target, before ? sibling : sibling.getNextSibling());
  }

  private static Element locate(Element configuration, List<String> words) {
    Element current = configuration;
    for (Step step : steps(words)) {
      current = find(current, step);
      if (current == null) {
        return null;
      }
    }
    return current;
  }

  private static Element find(Element parent, Step step) {
    for (Element child : Xml.children(parent, step.name())) {
      if (step.key() == null || step.key().equals(Xml.childText(child, ConfigTree.KEY))) {
        return child;
      }
    }
    return null;
  }

  /** Splits words into element steps, using {@link ConfigSchema} to spot lists and leaves. */
  static List<Step> steps(List<String> words) {
    List<Step> steps = new ArrayList<>();
    int i = 0;
    int n = words.size();
    while (i < n) {
      String word = words.get(i);
      int remaining = n - i;
      if (ConfigSchema.PLURALS.containsKey(word) && remaining >= 2) {
        steps.add(new Step(word, null, null, false));
        steps.add(new Step(ConfigSchema.PLURALS.get(word), words.get(i + 1), null, remaining == 2));
        i += 2;
      } else if (isList(word, steps.isEmpty() ? null : steps.get(steps.size() - 1).name())
          && remaining >= 2) {
        steps.add(new Step(word, words.get(i + 1), null, remaining == 2));
        i += 2;
      } else if (ConfigSchema.CONTAINERS.contains(word) || remaining > 2) {
        steps.add(new Step(word, null, null, remaining == 1));
        i += 1;
      } else if (remaining == 2) {
        steps.add(new Step(word, null, words.get(i + 1), true));
        i += 2;
      } else if (!steps.isEmpty()
          && "address".equals(steps.get(steps.size() - 1).name())
          && !STATEMENT.matcher(word).matches()) {
        // address-book: "address web 10.0.0.0/24" names the prefix without a keyword.
        steps.add(new Step("ip-prefix", null, word, true));
        i += 1;
      } else {
        steps.add(new Step(word, null, null, true));
        i += 1;
      }
    }
    return steps;
  }

  private static boolean isList(String word, String previous) {
    if ("address".equals(word)) {
      // An interface or address-book address is a keyed list; an IKE gateway address is a leaf.
      return "inet".equals(previous)
          || "inet6".equals(previous)
          || "address-book".equals(previous)
          || "address-set".equals(previous);
    }
    return ConfigSchema.LISTS.contains(word);
  }

  /** Renders a configuration as {@code set} commands, one leaf per line. */
  public static String render(Element configuration) {
    StringBuilder out = new StringBuilder();
    for (Element child : Xml.children(configuration)) {
      render(child, "set", null, out);
    }
    return out.toString();
  }

  private static void render(Element element, String prefix, String parentName, StringBuilder out) {
    String name = Xml.name(element);
    String key = Xml.hasElementChildren(element) ? Xml.childText(element, ConfigTree.KEY) : null;
    String words;
    if (key != null && parentName != null && name.equals(ConfigSchema.PLURALS.get(parentName))) {
      words = ConfigText.quote(key);
    } else if (key != null) {
      words = name + " " + ConfigText.quote(key);
    } else {
      words = name;
    }
    String path = prefix + " " + words;
    List<Element> children = Xml.children(element);
    children.removeIf(c -> key != null && Xml.name(c).equals(ConfigTree.KEY));
    if (children.isEmpty()) {
      String text = Xml.hasElementChildren(element) ? "" : element.getTextContent().trim();
      out.append(path);
      if (key == null && !text.isEmpty()) {
        out.append(' ').append(ConfigText.quote(text));
      }
      out.append('\n');
      return;
    }
    for (Element child : children) {
      render(child, path, name, out);
    }
  }
}
