package io.switchboard.engine.dmn;

import java.util.List;

/** Builds small DMN 1.3 resources for the DMN suite: decision tables over one number input. */
final class Dmn {
  private Dmn() {}

  /** A rule: an input entry over {@code size} and the output entries, in FEEL. */
  record Rule(String input, String... outputs) {}

  /** One decision table. */
  record Table(
      String id,
      String hitPolicy,
      String aggregation,
      List<String> outputs,
      String outputValues,
      List<Rule> rules) {
    Table(String id, String hitPolicy, List<Rule> rules) {
      this(id, hitPolicy, null, List.of("result"), null, rules);
    }
  }

  static String definitions(String id, List<Table> tables) {
    StringBuilder xml =
        new StringBuilder(
            """
            <?xml version="1.0" encoding="UTF-8"?>
            <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/"
                xmlns:zeebe="http://camunda.org/schema/zeebe/1.0"
                id="%s" name="Graph %s" namespace="http://switchboard.io/dmn">
            """
                .formatted(id, id));
    for (Table t : tables) {
      xml.append(decision(t, null));
    }
    return xml.append("</definitions>\n").toString();
  }

  static String decision(Table t, String versionTag) {
    StringBuilder xml = new StringBuilder();
    xml.append("  <decision id=\"%s\" name=\"Decision %s\">\n".formatted(t.id(), t.id()));
    if (versionTag != null) {
      xml.append(
          "    <extensionElements><zeebe:versionTag value=\"%s\" /></extensionElements>\n"
              .formatted(versionTag));
    }
    xml.append(
        "    <decisionTable id=\"%s_table\" hitPolicy=\"%s\"%s>\n"
            .formatted(
                t.id(),
                t.hitPolicy(),
                t.aggregation() == null ? "" : " aggregation=\"" + t.aggregation() + "\""));
    xml.append(
        "      <input id=\"%s_size\" label=\"size\"><inputExpression typeRef=\"number\">"
                .formatted(t.id())
            + "<text>size</text></inputExpression></input>\n");
    for (String output : t.outputs()) {
      xml.append("      <output id=\"%s_%s\" name=\"%s\"".formatted(t.id(), output, output));
      if (t.outputValues() != null) {
        xml.append(
            "><outputValues><text>%s</text></outputValues></output>\n".formatted(t.outputValues()));
      } else {
        xml.append(" />\n");
      }
    }
    int n = 0;
    for (Rule rule : t.rules()) {
      n++;
      xml.append("      <rule id=\"%s_r%d\">".formatted(t.id(), n));
      xml.append("<inputEntry><text>%s</text></inputEntry>".formatted(escape(rule.input())));
      for (String output : rule.outputs()) {
        xml.append("<outputEntry><text>%s</text></outputEntry>".formatted(escape(output)));
      }
      xml.append("</rule>\n");
    }
    return xml.append("    </decisionTable>\n  </decision>\n").toString();
  }

  private static String escape(String feel) {
    return feel.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
