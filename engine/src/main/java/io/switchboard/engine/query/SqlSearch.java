package io.switchboard.engine.query;

import com.fasterxml.jackson.databind.JsonNode;
import io.camunda.client.protocol.rest.SearchQueryPageResponse;
import io.switchboard.engine.processor.EngineException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs searches against the read model: the filter as WHERE, the sort as ORDER BY with the key as
 * the last criterion, {@code page.from}/{@code limit} as OFFSET/LIMIT and the {@code after}/{@code
 * before} cursors as keyset conditions; {@code totalItems} counts all matches. Count and page are
 * read in one read-only transaction, on the caller's thread.
 */
final class SqlSearch {
  private static final Logger LOG = LoggerFactory.getLogger(SqlSearch.class);

  private record Order(String column, boolean ascending) {}

  private record Row<R>(R item, List<Object> sortValues) {}

  private final JdbcTemplate jdbc;
  private final TransactionTemplate readOnly;

  SqlSearch(JdbcTemplate jdbc, TransactionTemplate readOnly) {
    this.jdbc = jdbc;
    this.readOnly = readOnly;
  }

  /** The row with the given key, if any. */
  <R> java.util.Optional<R> get(SearchSpec<R> spec, long key) {
    List<R> rows =
        jdbc.query(
            "SELECT " + spec.columns() + " FROM " + spec.from() + " WHERE " + spec.key() + " = ?",
            spec.mapper(),
            key);
    return rows.stream().findFirst();
  }

  <R> SearchPage<R> search(SearchSpec<R> spec, JsonNode body) {
    return search(spec, body, where -> {});
  }

  /** Searches with extra conditions, e.g. the process instance of a nested resource path. */
  <R> SearchPage<R> search(SearchSpec<R> spec, JsonNode body, Consumer<SqlWhere> scope) {
    SearchRequest request = SearchRequest.parse(body);
    SqlWhere where = spec.where(request.filter());
    scope.accept(where);
    List<Order> order = order(spec, request.sort());
    String cursor = request.after() != null ? request.after() : request.before();
    List<Object> cursorValues = cursor == null ? null : Cursor.decode(cursor, order.size());
    boolean backwards = request.before() != null;
    return readOnly.execute(
        status -> {
          Long total =
              jdbc.queryForObject(
                  "SELECT COUNT(*) FROM " + spec.from() + " WHERE " + where.sql(),
                  Long.class,
                  where.args().toArray());
          List<Row<R>> rows =
              request.limit() == 0
                  ? List.of()
                  : page(
                      spec,
                      where,
                      order,
                      cursorValues,
                      backwards,
                      cursor == null ? request.from() : 0,
                      request.limit());
          SearchQueryPageResponse page =
              new SearchQueryPageResponse().totalItems(total).hasMoreTotalItems(false);
          if (!rows.isEmpty()) {
            page.startCursor(Cursor.encode(rows.get(0).sortValues()))
                .endCursor(Cursor.encode(rows.get(rows.size() - 1).sortValues()));
          }
          return new SearchPage<>(rows.stream().map(Row::item).toList(), page);
        });
  }

  private <R> List<Row<R>> page(
      SearchSpec<R> spec,
      SqlWhere filter,
      List<Order> order,
      List<Object> cursor,
      boolean backwards,
      int from,
      int limit) {
    SqlWhere where = new SqlWhere().add(filter.sql(), filter.args());
    if (cursor != null) {
      keyset(where, order, cursor, !backwards);
    }
    StringBuilder sql = new StringBuilder("SELECT ").append(spec.columns());
    List<String> orderBy = new ArrayList<>();
    for (int i = 0; i < order.size(); i++) {
      Order o = order.get(i);
      sql.append(", ").append(o.column()).append(" AS sort_").append(i);
      orderBy.add(o.column() + (o.ascending() != backwards ? " ASC" : " DESC"));
    }
    sql.append(" FROM ")
        .append(spec.from())
        .append(" WHERE ")
        .append(where.sql())
        .append(" ORDER BY ")
        .append(String.join(", ", orderBy))
        .append(" LIMIT ")
        .append(limit)
        .append(" OFFSET ")
        .append(from);
    LOG.debug("{} search: {} with {}", spec.entity(), sql, where.args());
    List<Row<R>> rows =
        jdbc.query(
            sql.toString(),
            (rs, i) -> new Row<>(spec.mapper().mapRow(rs, i), sortValues(rs, order.size())),
            where.args().toArray());
    if (backwards) {
      rows = new ArrayList<>(rows);
      Collections.reverse(rows);
    }
    return rows;
  }

  private static List<Object> sortValues(ResultSet rs, int size) throws SQLException {
    List<Object> values = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      values.add(Cursor.normalize(rs.getObject("sort_" + i)));
    }
    return values;
  }

  /**
   * The ORDER BY criteria: the requested ones, each with empty values last in either direction (as
   * Camunda sorts), then the key.
   */
  private static List<Order> order(SearchSpec<?> spec, List<SearchRequest.Sort> sorts) {
    List<Order> order = new ArrayList<>();
    for (SearchRequest.Sort sort : sorts) {
      String column = spec.sorts().get(sort.field());
      if (column == null) {
        throw EngineException.invalidArgument(
            "Unknown sort field '" + sort.field() + "' in the " + spec.entity() + " search");
      }
      if (!column.equals(spec.key())) {
        order.add(new Order("CASE WHEN " + column + " IS NULL THEN 1 ELSE 0 END", true));
      }
      order.add(new Order(column, sort.ascending()));
    }
    if (order.stream().noneMatch(o -> o.column().equals(spec.key()))) {
      order.add(new Order(spec.key(), true));
    }
    return order;
  }

  /**
   * Rows strictly beyond the cursor row in the sort order ({@code forward}) or before it: (c1, c2,
   * ...) > (v1, v2, ...) expands to c1 > v1 OR (c1 = v1 AND c2 > v2) OR .... A column compared here
   * is NULL only where the null flag before it says so, so NULL needs no order.
   */
  private static void keyset(
      SqlWhere where, List<Order> order, List<Object> values, boolean forward) {
    List<String> alternatives = new ArrayList<>();
    List<Object> args = new ArrayList<>();
    for (int i = 0; i < order.size(); i++) {
      StringBuilder alternative = new StringBuilder();
      List<Object> alternativeArgs = new ArrayList<>();
      for (int j = 0; j < i; j++) {
        String column = order.get(j).column();
        Object value = values.get(j);
        if (value == null) {
          alternative.append(column).append(" IS NULL AND ");
        } else {
          alternative.append(column).append(" = ? AND ");
          alternativeArgs.add(value);
        }
      }
      String column = order.get(i).column();
      Object value = values.get(i);
      boolean upwards = order.get(i).ascending() == forward;
      if (upwards) {
        if (value == null) {
          alternative.append(column).append(" IS NOT NULL");
        } else {
          alternative.append(column).append(" > ?");
          alternativeArgs.add(value);
        }
      } else if (value == null) {
        continue; // nothing sorts below NULL
      } else {
        alternative
            .append('(')
            .append(column)
            .append(" < ? OR ")
            .append(column)
            .append(" IS NULL)");
        alternativeArgs.add(value);
      }
      alternatives.add("(" + alternative + ")");
      args.addAll(alternativeArgs);
    }
    where.add(
        alternatives.isEmpty() ? "1 = 0" : "(" + String.join(" OR ", alternatives) + ")", args);
  }
}
