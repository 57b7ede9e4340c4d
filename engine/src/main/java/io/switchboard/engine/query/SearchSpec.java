package io.switchboard.engine.query;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.engine.processor.EngineException;
import java.util.Iterator;
import java.util.Map;
import org.springframework.jdbc.core.RowMapper;

/**
 * What one search endpoint searches: the table, the filter fields and sort fields it knows, and how
 * a row becomes the client's result type.
 *
 * @param entity what is searched, for error messages ("process instance")
 * @param from the table with its alias, e.g. {@code engine_history_process_instance p}
 * @param columns the selected columns
 * @param key the key column, the last sort criterion of every search
 * @param filters filter fields by their JSON name
 * @param sorts sortable columns by their JSON field name
 * @param mapper makes one result of a row
 */
public record SearchSpec<R>(
    String entity,
    String from,
    String columns,
    String key,
    Map<String, FilterField> filters,
    Map<String, String> sorts,
    RowMapper<R> mapper) {

  /** The conditions of a filter object; unknown fields are a 400 naming the field. */
  public SqlWhere where(JsonNode filter) {
    SqlWhere where = new SqlWhere();
    apply(filter, where);
    return where;
  }

  /** Adds the conditions of a filter object to {@code where}. */
  public void apply(JsonNode filter, SqlWhere where) {
    if (filter == null || filter.isNull()) {
      return;
    }
    if (!filter.isObject()) {
      throw EngineException.invalidArgument(
          "Expected the " + entity + " filter to be an object, but was " + filter);
    }
    Iterator<Map.Entry<String, JsonNode>> fields = filter.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      FilterField handler = filters.get(field.getKey());
      if (handler == null) {
        throw EngineException.invalidArgument(
            "Unknown filter field '" + field.getKey() + "' in the " + entity + " search");
      }
      handler.apply(field.getKey(), field.getValue(), where);
    }
  }
}
