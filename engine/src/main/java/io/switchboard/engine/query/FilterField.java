package io.switchboard.engine.query;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Set;

/** Turns one field of a search filter into SQL conditions. */
@FunctionalInterface
public interface FilterField {

  /**
   * Adds the conditions for {@code value} (a plain value or an operator object such as {@code
   * {"$in": [...]}}) to {@code where}; rejects invalid values with a 400 naming {@code field}.
   */
  void apply(String field, JsonNode value, SqlWhere where);

  /** A column compared with the operators its type supports. */
  static FilterField column(String column, FieldType type) {
    return new ColumnFilter(column, type, null);
  }

  /** A text column whose values are one of {@code allowed} (states, types). */
  static FilterField enumeration(String column, Set<String> allowed) {
    return new ColumnFilter(column, FieldType.STRING, allowed);
  }

  /** A filter on a related row; all such filters with the same {@code select} share the row. */
  static FilterField related(String select, FilterField inner) {
    return (field, value, where) -> inner.apply(field, value, where.related(select));
  }
}
