package io.switchboard.engine.query;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Reading read model columns into the wire format: keys as strings, dates as ISO-8601. */
final class Rows {
  private Rows() {}

  static String key(ResultSet rs, String column) throws SQLException {
    long value = rs.getLong(column);
    return rs.wasNull() ? null : String.valueOf(value);
  }

  static String date(ResultSet rs, String column) throws SQLException {
    long value = rs.getLong(column);
    return rs.wasNull() ? null : Instant.ofEpochMilli(value).toString();
  }

  static Integer integer(ResultSet rs, String column) throws SQLException {
    int value = rs.getInt(column);
    return rs.wasNull() ? null : value;
  }

  /** The wire values of a generated enum, without its "unknown" placeholder. */
  static <E extends Enum<E>> Set<String> values(Class<E> type, Function<E, String> value) {
    return Arrays.stream(type.getEnumConstants())
        .filter(e -> !e.name().equals("UNKNOWN_DEFAULT_OPEN_API"))
        .map(value)
        .collect(Collectors.toUnmodifiableSet());
  }
}
