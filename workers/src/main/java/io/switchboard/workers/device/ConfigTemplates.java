package io.switchboard.workers.device;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Renders device configuration (Junos set commands) from templates on the classpath: {@code
 * templates/site/<model family>.set}, falling back to {@code default.set}. Placeholders are {@code
 * ${name}}; an unknown placeholder is an error rather than a silent empty value. A value may hold
 * several lines (a block rendered from other templates); a line whose value is empty is left out
 * (an optional statement).
 */
@Component
public class ConfigTemplates {
  private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z0-9]+)}");
  private static final Pattern INTERFACE = Pattern.compile("^set interfaces (\\S+) ");

  public String stage1(Map<String, String> values) {
    return render(read("templates/stage1.set"), values);
  }

  public String site(String family, Map<String, String> values) {
    String template =
        exists("templates/site/" + family + ".set")
            ? read("templates/site/" + family + ".set")
            : read("templates/site/default.set");
    return render(template, values);
  }

  /** One block of a site's network, from {@code templates/site/network/<name>.set}. */
  public String siteNetwork(String name, Map<String, String> values) {
    return render(read("templates/site/network/" + name + ".set"), values);
  }

  /** The physical interfaces a configuration sets up, which must then be up. */
  public static Set<String> interfacesIn(String setCommands) {
    Set<String> names = new LinkedHashSet<>();
    for (String line : setCommands.split("\n")) {
      Matcher m = INTERFACE.matcher(line.trim());
      if (m.find()) {
        names.add(m.group(1));
      }
    }
    return names;
  }

  static String render(String template, Map<String, String> values) {
    List<String> lines = new ArrayList<>();
    for (String line : template.split("\n")) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      Matcher m = PLACEHOLDER.matcher(line);
      StringBuilder out = new StringBuilder();
      boolean empty = false;
      while (m.find()) {
        String value = values.get(m.group(1));
        if (value == null) {
          throw new IllegalArgumentException(
              "template placeholder ${" + m.group(1) + "} has no value");
        }
        empty |= value.isEmpty();
        m.appendReplacement(out, Matcher.quoteReplacement(value));
      }
      m.appendTail(out);
      if (!empty) {
        for (String rendered : out.toString().split("\n")) {
          if (!rendered.isBlank()) {
            lines.add(rendered);
          }
        }
      }
    }
    return String.join("\n", lines);
  }

  private boolean exists(String resource) {
    return getClass().getClassLoader().getResource(resource) != null;
  }

  private String read(String resource) {
    try (InputStream in = getClass().getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("Missing template " + resource);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
