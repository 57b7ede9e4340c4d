package io.switchboard.engine.dmn;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.engine.processor.EngineException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Camunda's search request ({@code filter} by equality, {@code sort}, {@code page.from}/{@code
 * limit}) over a small in-memory list: deployed decisions are few, so they need no SQL read model.
 * Unknown filter or sort fields are refused naming the field.
 */
final class MemorySearch {
  private static final int DEFAULT_LIMIT = 100;

  private MemorySearch() {}

  record Page<T>(List<T> items, long total) {}

  static <T> Page<T> search(
      List<T> all, JsonNode body, Map<String, Function<T, Object>> fields, String what) {
    List<T> matching = new ArrayList<>();
    JsonNode filter = body == null ? null : body.get("filter");
    for (T item : all) {
      if (matches(item, filter, fields, what)) {
        matching.add(item);
      }
    }
    Comparator<T> order = order(body == null ? null : body.get("sort"), fields, what);
    if (order != null) {
      matching.sort(order);
    }
    JsonNode page = body == null ? null : body.get("page");
    int from = page != null && page.has("from") ? page.get("from").asInt() : 0;
    int limit = page != null && page.has("limit") ? page.get("limit").asInt() : DEFAULT_LIMIT;
    if (page != null && (page.has("after") || page.has("before"))) {
      throw EngineException.invalidArgument(
          "The " + what + " search pages with page.from and page.limit, not with cursors");
    }
    List<T> items =
        matching.subList(Math.min(from, matching.size()), Math.min(from + limit, matching.size()));
    return new Page<>(new ArrayList<>(items), matching.size());
  }

  private static <T> boolean matches(
      T item, JsonNode filter, Map<String, Function<T, Object>> fields, String what) {
    if (filter == null || filter.isNull()) {
      return true;
    }
    Iterator<Map.Entry<String, JsonNode>> entries = filter.fields();
    while (entries.hasNext()) {
      Map.Entry<String, JsonNode> entry = entries.next();
      Function<T, Object> field = fields.get(entry.getKey());
      if (field == null) {
        throw EngineException.invalidArgument(
            "The " + what + " search cannot filter by '" + entry.getKey() + "'");
      }
      if (entry.getValue().isNull()) {
        continue;
      }
      Object value = field.apply(item);
      if (!Objects.equals(
          value == null ? null : String.valueOf(value), entry.getValue().asText())) {
        return false;
      }
    }
    return true;
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static <T> Comparator<T> order(
      JsonNode sort, Map<String, Function<T, Object>> fields, String what) {
    if (sort == null || !sort.isArray()) {
      return null;
    }
    Comparator<T> order = null;
    for (JsonNode criterion : sort) {
      String name = criterion.path("field").asText();
      Function<T, Object> field = fields.get(name);
      if (field == null) {
        throw EngineException.invalidArgument(
            "The " + what + " search cannot sort by '" + name + "'");
      }
      Comparator<T> next =
          Comparator.comparing(
              t -> (Comparable) field.apply(t), Comparator.nullsLast(Comparator.naturalOrder()));
      if ("DESC".equalsIgnoreCase(criterion.path("order").asText("ASC"))) {
        next = next.reversed();
      }
      order = order == null ? next : order.thenComparing(next);
    }
    return order;
  }
}
