package io.switchboard.engine.query;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.engine.processor.EngineException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * A search request body as the Camunda client sends it: {@code filter}, {@code sort} (a list of
 * {@code {field, order}}) and {@code page} ({@code from}, {@code limit}, {@code after}, {@code
 * before}).
 */
record SearchRequest(
    JsonNode filter, List<Sort> sort, int from, int limit, String after, String before) {
  static final int DEFAULT_LIMIT = 100;
  static final int MAX_LIMIT = 10_000;

  /** One sort criterion. */
  record Sort(String field, boolean ascending) {}

  static SearchRequest parse(JsonNode body) {
    if (body == null || body.isNull() || body.isMissingNode()) {
      return new SearchRequest(null, List.of(), 0, DEFAULT_LIMIT, null, null);
    }
    if (!body.isObject()) {
      throw EngineException.invalidArgument("Expected a search query object, but was " + body);
    }
    onlyFields(body, Set.of("filter", "sort", "page"), "search query");
    JsonNode page = body.path("page");
    if (!page.isMissingNode() && !page.isNull()) {
      onlyFields(page, Set.of("from", "limit", "after", "before"), "page");
    }
    int from = integer(page.path("from"), "page.from", 0);
    int limit = integer(page.path("limit"), "page.limit", DEFAULT_LIMIT);
    if (from < 0 || limit < 0 || limit > MAX_LIMIT) {
      throw EngineException.invalidArgument(
          "Expected page.from >= 0 and 0 <= page.limit <= "
              + MAX_LIMIT
              + ", but got from "
              + from
              + " and limit "
              + limit);
    }
    String after = text(page.path("after"));
    String before = text(page.path("before"));
    if (after != null && before != null) {
      throw EngineException.invalidArgument("Expected at most one of page.after and page.before");
    }
    JsonNode filter = body.path("filter");
    if (!filter.isMissingNode() && !filter.isNull() && !filter.isObject()) {
      throw EngineException.invalidArgument(
          "Expected the filter to be an object, but was " + filter);
    }
    return new SearchRequest(
        filter.isObject() ? filter : null, sorts(body.path("sort")), from, limit, after, before);
  }

  private static List<Sort> sorts(JsonNode sort) {
    List<Sort> sorts = new ArrayList<>();
    if (sort.isMissingNode() || sort.isNull()) {
      return sorts;
    }
    if (!sort.isArray()) {
      throw EngineException.invalidArgument("Expected sort to be a list, but was " + sort);
    }
    for (JsonNode criterion : sort) {
      onlyFields(criterion, Set.of("field", "order"), "sort");
      String field = text(criterion.path("field"));
      if (field == null) {
        throw EngineException.invalidArgument("Expected a field in every sort criterion");
      }
      String order = text(criterion.path("order"));
      if (order != null && !order.equalsIgnoreCase("ASC") && !order.equalsIgnoreCase("DESC")) {
        throw EngineException.invalidArgument(
            "Expected sort order ASC or DESC, but was '" + order + "'");
      }
      sorts.add(new Sort(field, order == null || order.equalsIgnoreCase("ASC")));
    }
    return sorts;
  }

  private static void onlyFields(JsonNode node, Set<String> known, String what) {
    if (!node.isObject()) {
      throw EngineException.invalidArgument(
          "Expected " + what + " to be an object, but was " + node);
    }
    Iterator<String> names = node.fieldNames();
    while (names.hasNext()) {
      String name = names.next();
      if (!known.contains(name)) {
        throw EngineException.invalidArgument("Unknown field '" + name + "' in the " + what);
      }
    }
  }

  private static int integer(JsonNode node, String name, int otherwise) {
    if (node.isMissingNode() || node.isNull()) {
      return otherwise;
    }
    if (!node.canConvertToInt()) {
      throw EngineException.invalidArgument(
          "Expected " + name + " to be an integer, but was " + node);
    }
    return node.asInt();
  }

  private static String text(JsonNode node) {
    return node.isMissingNode() || node.isNull() ? null : node.asText();
  }
}
