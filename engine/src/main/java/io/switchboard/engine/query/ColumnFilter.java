package io.switchboard.engine.query;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.engine.processor.EngineException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A filter on one column with Camunda's operators: {@code $eq}, {@code $neq}, {@code $exists},
 * {@code $in}, {@code $notIn}, {@code $like} (with {@code *} and {@code ?} wildcards) and the
 * ranges {@code $gt}, {@code $gte}, {@code $lt}, {@code $lte}. A plain value means {@code $eq}.
 */
final class ColumnFilter implements FilterField {
  private static final Map<String, String> RANGES =
      Map.of("$gt", " > ?", "$gte", " >= ?", "$lt", " < ?", "$lte", " <= ?");

  private final String column;
  private final FieldType type;
  private final Set<String> allowed;

  ColumnFilter(String column, FieldType type, Set<String> allowed) {
    this.column = column;
    this.type = type;
    this.allowed = allowed == null ? null : Collections.unmodifiableSet(new TreeSet<>(allowed));
  }

  @Override
  public void apply(String field, JsonNode value, SqlWhere where) {
    if (value == null || value.isNull()) {
      return;
    }
    if (!value.isObject()) {
      where.add(column + " = ?", read(field, value));
      return;
    }
    var operators = value.fields();
    while (operators.hasNext()) {
      var entry = operators.next();
      String operator = entry.getKey();
      JsonNode operand = entry.getValue();
      if (!type.supports(operator)) {
        throw EngineException.invalidArgument(
            "Unsupported operator '" + operator + "' for filter field '" + field + "'");
      }
      if (operand == null || operand.isNull()) {
        continue;
      }
      switch (operator) {
        case "$eq" -> where.add(column + " = ?", read(field, operand));
        case "$neq" ->
            where.add("(" + column + " <> ? OR " + column + " IS NULL)", read(field, operand));
        case "$exists" ->
            where.add(
                column
                    + (FieldType.BOOLEAN.read(field, operand).equals(true)
                        ? " IS NOT NULL"
                        : " IS NULL"));
        case "$in" -> in(field, operand, where, false);
        case "$notIn" -> in(field, operand, where, true);
        case "$like" ->
            where.add(
                column + " LIKE ? ESCAPE '!'",
                like(FieldType.STRING.read(field, operand).toString()));
        default -> where.add(column + RANGES.get(operator), read(field, operand));
      }
    }
  }

  private void in(String field, JsonNode operand, SqlWhere where, boolean negated) {
    if (!operand.isArray()) {
      throw EngineException.invalidArgument(
          "Expected filter field '" + field + "' to be a list for '$in'/'$notIn'");
    }
    List<Object> values = new ArrayList<>();
    operand.forEach(v -> values.add(read(field, v)));
    if (values.isEmpty()) {
      return; // the client sends empty lists for operators it does not use
    }
    String marks = String.join(", ", Collections.nCopies(values.size(), "?"));
    where.add(
        negated
            ? "(" + column + " NOT IN (" + marks + ") OR " + column + " IS NULL)"
            : column + " IN (" + marks + ")",
        values);
  }

  private Object read(String field, JsonNode value) {
    Object read = type.read(field, value);
    if (allowed != null && !allowed.contains(read)) {
      throw EngineException.invalidArgument(
          "Expected filter field '" + field + "' to be one of " + allowed + ", but was " + value);
    }
    return read;
  }

  /**
   * Camunda's pattern ({@code *}, {@code ?}, {@code \} escapes) as SQL LIKE with escape {@code !}.
   */
  static String like(String pattern) {
    StringBuilder sql = new StringBuilder(pattern.length() + 8);
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      if (c == '\\' && i + 1 < pattern.length()) {
        literal(pattern.charAt(++i), sql);
      } else if (c == '*') {
        sql.append('%');
      } else if (c == '?') {
        sql.append('_');
      } else {
        literal(c, sql);
      }
    }
    return sql.toString();
  }

  private static void literal(char c, StringBuilder sql) {
    if (c == '%' || c == '_' || c == '!') {
      sql.append('!');
    }
    sql.append(c);
  }
}
