package io.switchboard.devices.config;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.w3c.dom.Element;

/**
 * Junos curly-brace configuration text ({@code load-configuration format="text"}): parsing into the
 * XML tree through the same word mapping as {@link SetCommands}, and rendering for {@code
 * get-configuration format="text"}. Supports statements, blocks, quoted strings, {@code /* *}{@code
 * /} and {@code #} comments and the {@code replace:} tag.
 */
public final class ConfigText {

  private ConfigText() {}

  /** Applies configuration text; {@code replace:}-tagged statements replace what they name. */
  public static void apply(Element configuration, String text) throws ConfigException {
    List<String> tokens = tokenize(text);
    Deque<List<String>> blocks = new ArrayDeque<>();
    List<String> prefix = new ArrayList<>();
    List<String> statement = new ArrayList<>();
    boolean replaceNext = false;
    for (String token : tokens) {
      switch (token) {
        case "{" -> {
          if (statement.isEmpty()) {
            throw syntax("unexpected '{'");
          }
          List<String> path = concat(prefix, statement);
          if (replaceNext) {
            SetCommands.delete(configuration, path);
            replaceNext = false;
          }
          SetCommands.set(configuration, path);
          blocks.push(new ArrayList<>(statement));
          prefix.addAll(statement);
          statement.clear();
        }
        case "}" -> {
          if (!statement.isEmpty() || blocks.isEmpty()) {
            throw syntax("unexpected '}'");
          }
          List<String> closed = blocks.pop();
          prefix.subList(prefix.size() - closed.size(), prefix.size()).clear();
        }
        case ";" -> {
          if (statement.isEmpty()) {
            continue;
          }
          List<String> path = concat(prefix, statement);
          if (replaceNext) {
            SetCommands.delete(configuration, path);
            replaceNext = false;
          }
          SetCommands.set(configuration, path);
          statement.clear();
        }
        case "replace:" -> replaceNext = true;
        default -> statement.add(token);
      }
    }
    if (!blocks.isEmpty() || !statement.isEmpty()) {
      throw syntax("unexpected end of input, missing '}' or ';'");
    }
  }

  private static ConfigException syntax(String message) {
    return new ConfigException("invalid-value", "syntax error: " + message, "[edit]", null);
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> result = new ArrayList<>(a);
    result.addAll(b);
    return result;
  }

  /** Splits into words, quoted strings (unquoted), and the punctuation {@code { } ;}. */
  static List<String> tokenize(String text) {
    List<String> tokens = new ArrayList<>();
    int i = 0;
    int n = text.length();
    while (i < n) {
      char c = text.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
      } else if (c == '#') {
        while (i < n && text.charAt(i) != '\n') {
          i++;
        }
      } else if (c == '/' && i + 1 < n && text.charAt(i + 1) == '*') {
        int end = text.indexOf("*/", i + 2);
        i = end < 0 ? n : end + 2;
      } else if (c == '{' || c == '}' || c == ';') {
        tokens.add(String.valueOf(c));
        i++;
      } else if (c == '"') {
        StringBuilder word = new StringBuilder();
        i++;
        while (i < n && text.charAt(i) != '"') {
          if (text.charAt(i) == '\\' && i + 1 < n) {
            i++;
          }
          word.append(text.charAt(i++));
        }
        i++;
        tokens.add(word.toString());
      } else {
        int start = i;
        while (i < n
            && !Character.isWhitespace(text.charAt(i))
            && "{};\"".indexOf(text.charAt(i)) < 0) {
          i++;
        }
        tokens.add(text.substring(start, i));
      }
    }
    return tokens;
  }

  /** Quotes a value that contains spaces or punctuation. */
  static String quote(String value) {
    if (value.isEmpty()
        || value.chars().anyMatch(ch -> Character.isWhitespace(ch) || "{};#\"".indexOf(ch) >= 0)) {
      return '"' + value.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
    return value;
  }

  /** Renders a configuration in Junos curly-brace form. */
  public static String render(Element configuration) {
    StringBuilder out = new StringBuilder();
    for (Element child : Xml.children(configuration)) {
      render(child, Xml.name(configuration), 0, out);
    }
    return out.toString();
  }

  private static void render(Element element, String parentName, int depth, StringBuilder out) {
    String indent = "    ".repeat(depth);
    String name = Xml.name(element);
    String key = Xml.hasElementChildren(element) ? Xml.childText(element, ConfigTree.KEY) : null;
    String header;
    if (key != null && name.equals(ConfigSchema.PLURALS.get(parentName))) {
      header = quote(key);
    } else if (key != null) {
      header = name + " " + quote(key);
    } else {
      header = name;
    }
    List<Element> children = Xml.children(element);
    children.removeIf(c -> key != null && Xml.name(c).equals(ConfigTree.KEY));
    if (children.isEmpty()) {
      String text = Xml.hasElementChildren(element) ? "" : element.getTextContent().trim();
      out.append(indent).append(header);
      if (key == null && !text.isEmpty()) {
        out.append(' ').append(quote(text));
      }
      out.append(";\n");
      return;
    }
    out.append(indent).append(header).append(" {\n");
    for (Element child : children) {
      render(child, name, depth + 1, out);
    }
    out.append(indent).append("}\n");
  }
}
