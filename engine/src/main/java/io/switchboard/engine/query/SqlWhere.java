package io.switchboard.engine.query;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A conjunction of SQL conditions with their bind values, built from a search filter. Conditions on
 * related rows (for example "has an element instance with ...") gather in one {@code EXISTS} per
 * related table, so that they hold for the same related row.
 */
public final class SqlWhere {
  private record Clause(String sql, List<Object> args) {}

  private final List<Clause> clauses = new ArrayList<>();
  private final Map<String, SqlWhere> related = new LinkedHashMap<>();

  /** Adds a condition; {@code ?} in it bind to {@code args} in order. */
  public SqlWhere add(String sql, Object... args) {
    List<Object> values = new ArrayList<>(args.length);
    Collections.addAll(values, args);
    clauses.add(new Clause(sql, values));
    return this;
  }

  /** Adds a condition with bind values given as a list. */
  public SqlWhere add(String sql, List<?> args) {
    clauses.add(new Clause(sql, new ArrayList<>(args)));
    return this;
  }

  /**
   * The conditions on one related row, rendered as {@code EXISTS (<select> AND ...)}.
   *
   * @param select a correlated query ending in a WHERE clause, e.g. {@code SELECT 1 FROM t x WHERE
   *     x.parent = p.key_}
   */
  public SqlWhere related(String select) {
    return related.computeIfAbsent(select, s -> new SqlWhere());
  }

  /** Adds {@code (a) OR (b) ...} of complete alternatives. */
  public SqlWhere anyOf(List<SqlWhere> alternatives) {
    if (alternatives.isEmpty()) {
      return this;
    }
    StringBuilder sql = new StringBuilder("(");
    List<Object> args = new ArrayList<>();
    for (int i = 0; i < alternatives.size(); i++) {
      sql.append(i == 0 ? "(" : " OR (").append(alternatives.get(i).sql()).append(')');
      args.addAll(alternatives.get(i).args());
    }
    return add(sql.append(')').toString(), args);
  }

  public boolean isEmpty() {
    return clauses.isEmpty() && related.isEmpty();
  }

  public String sql() {
    List<String> parts = new ArrayList<>();
    clauses.forEach(c -> parts.add(c.sql()));
    related.forEach(
        (select, where) ->
            parts.add("EXISTS (" + select + (where.isEmpty() ? "" : " AND " + where.sql()) + ")"));
    return parts.isEmpty() ? "1 = 1" : String.join(" AND ", parts);
  }

  public List<Object> args() {
    List<Object> args = new ArrayList<>();
    clauses.forEach(c -> args.addAll(c.args()));
    related.values().forEach(where -> args.addAll(where.args()));
    return args;
  }
}
