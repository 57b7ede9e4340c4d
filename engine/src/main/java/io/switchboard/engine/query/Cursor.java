package io.switchboard.engine.query;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.switchboard.engine.processor.EngineException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Opaque page cursors: the sort values (and key) of a page's first or last row, as base64 of a JSON
 * array. A page {@code after} a cursor starts right behind that row in the sort order.
 */
final class Cursor {
  private static final ObjectMapper JSON = new ObjectMapper();

  private Cursor() {}

  static String encode(List<Object> values) {
    try {
      return Base64.getUrlEncoder().withoutPadding().encodeToString(JSON.writeValueAsBytes(values));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The values of a cursor made for a sort of {@code size} columns, or a 400. */
  static List<Object> decode(String cursor, int size) {
    JsonNode values;
    try {
      values =
          JSON.readTree(new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8));
    } catch (IllegalArgumentException | JsonProcessingException e) {
      throw invalid(cursor);
    }
    if (values == null || !values.isArray() || values.size() != size) {
      throw invalid(cursor);
    }
    List<Object> result = new ArrayList<>(size);
    for (JsonNode value : values) {
      if (value.isNull()) {
        result.add(null);
      } else if (value.isBoolean()) {
        result.add(value.booleanValue());
      } else if (value.isIntegralNumber()) {
        result.add(value.longValue());
      } else if (value.isTextual()) {
        result.add(value.textValue());
      } else {
        throw invalid(cursor);
      }
    }
    return result;
  }

  /** A database value as a cursor keeps it. */
  static Object normalize(Object value) {
    if (value instanceof Number number) {
      return number.longValue();
    }
    return value;
  }

  private static EngineException invalid(String cursor) {
    return EngineException.invalidArgument(
        "The page cursor '" + cursor + "' is not valid for this search (sort)");
  }
}
