package io.switchboard.engine.query;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.engine.processor.EngineException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Set;

/** How a filter field's values read from JSON and which operators it takes. */
public enum FieldType {
  /** Entity keys: strings of digits on the wire, BIGINT in the database. */
  KEY(Set.of("$eq", "$neq", "$exists", "$in", "$notIn")),
  STRING(Set.of("$eq", "$neq", "$exists", "$in", "$notIn", "$like")),
  INTEGER(Set.of("$eq", "$neq", "$exists", "$gt", "$gte", "$lt", "$lte", "$in")),
  /** ISO-8601 date-times on the wire, epoch milliseconds in the database. */
  DATE(Set.of("$eq", "$neq", "$exists", "$gt", "$gte", "$lt", "$lte", "$in")),
  BOOLEAN(Set.of("$eq", "$neq", "$exists"));

  private final Set<String> operators;

  FieldType(Set<String> operators) {
    this.operators = operators;
  }

  public boolean supports(String operator) {
    return operators.contains(operator);
  }

  /** The database value of one JSON value, or a 400 naming the field. */
  public Object read(String field, JsonNode value) {
    if (value == null || value.isNull() || value.isContainerNode()) {
      throw invalid(field, value);
    }
    return switch (this) {
      case KEY -> parseLong(field, value, this);
      case STRING -> value.asText();
      case INTEGER -> {
        if (!value.canConvertToInt() && !value.isTextual()) {
          throw invalid(field, value);
        }
        yield value.isTextual() ? (int) parseLong(field, value, this) : value.asInt();
      }
      case DATE -> {
        try {
          yield OffsetDateTime.parse(value.asText()).toInstant().toEpochMilli();
        } catch (DateTimeParseException e) {
          throw invalid(field, value);
        }
      }
      case BOOLEAN -> {
        if (value.isBoolean()) {
          yield value.booleanValue();
        }
        if ("true".equals(value.asText()) || "false".equals(value.asText())) {
          yield Boolean.parseBoolean(value.asText());
        }
        throw invalid(field, value);
      }
    };
  }

  private static long parseLong(String field, JsonNode value, FieldType type) {
    if (value.isIntegralNumber()) {
      return value.asLong();
    }
    try {
      return Long.parseLong(value.asText());
    } catch (NumberFormatException e) {
      throw type.invalid(field, value);
    }
  }

  private EngineException invalid(String field, JsonNode value) {
    String expected =
        switch (this) {
          case KEY -> "a key (a number)";
          case STRING -> "a string";
          case INTEGER -> "an integer";
          case DATE -> "an ISO-8601 date-time";
          case BOOLEAN -> "a boolean";
        };
    return EngineException.invalidArgument(
        "Expected filter field '" + field + "' to be " + expected + ", but was " + value);
  }
}
