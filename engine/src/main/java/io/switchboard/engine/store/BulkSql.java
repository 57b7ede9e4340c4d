package io.switchboard.engine.store;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Many rows in few statements, the same on H2 and MySQL/MariaDB: multi-row INSERTs and IN-list
 * DELETEs and UPDATEs. A JDBC batch costs one round trip per row on MySQL Connector/J (unless the
 * URL sets {@code rewriteBatchedStatements}); these cost one per chunk of rows.
 */
final class BulkSql {
  /** Rows per statement; keeps bind parameters far below MySQL's limit of 65,535. */
  static final int CHUNK = 500;

  private final JdbcTemplate jdbc;

  BulkSql(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Adds an insert of {@code rows} to {@code writes}.
   *
   * @param insert {@code INSERT INTO t (a, b, c) VALUES}
   * @param values one row's values, e.g. {@code (?, ?, FALSE)}; its {@code ?} take a row's args
   */
  void insert(List<Runnable> writes, String insert, String values, List<Object[]> rows) {
    for (List<Object[]> chunk : chunks(rows)) {
      StringBuilder sql = new StringBuilder(insert.length() + chunk.size() * (values.length() + 2));
      sql.append(insert)
          .append(' ')
          .append(String.join(", ", Collections.nCopies(chunk.size(), values)));
      List<Object> args = new ArrayList<>();
      chunk.forEach(row -> Collections.addAll(args, row));
      writes.add(() -> jdbc.update(sql.toString(), args.toArray()));
    }
  }

  /**
   * Adds a statement per chunk of {@code keys} to {@code writes}.
   *
   * @param statement a DELETE or UPDATE ending in {@code ... IN}, e.g. {@code DELETE FROM t WHERE
   *     key_ IN}
   * @param leading values for the statement's own {@code ?} before the IN list
   */
  void in(List<Runnable> writes, String statement, List<?> keys, Object... leading) {
    for (List<?> chunk : chunks(keys)) {
      String sql =
          statement + " (" + String.join(", ", Collections.nCopies(chunk.size(), "?")) + ")";
      List<Object> args = new ArrayList<>(leading.length + chunk.size());
      Collections.addAll(args, leading);
      args.addAll(chunk);
      writes.add(() -> jdbc.update(sql, args.toArray()));
    }
  }

  /** Adds a JDBC batch (one round trip per row on MySQL): for rows that differ in what they set. */
  void batch(List<Runnable> writes, String sql, List<Object[]> rows) {
    if (!rows.isEmpty()) {
      writes.add(() -> jdbc.batchUpdate(sql, rows));
    }
  }

  private static <T> List<List<T>> chunks(List<T> items) {
    List<List<T>> chunks = new ArrayList<>();
    for (int from = 0; from < items.size(); from += CHUNK) {
      chunks.add(items.subList(from, Math.min(items.size(), from + CHUNK)));
    }
    return chunks;
  }
}
