package io.switchboard.engine.usertask;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.engine.processor.EngineException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Camunda's filter operators applied to one value in memory. A plain value means {@code $eq}; an
 * operator this field cannot take is refused by name.
 */
final class Match {
  private Match() {}

  static boolean string(String field, JsonNode condition, String value) {
    if (condition == null || condition.isNull()) {
      return true;
    }
    if (!condition.isObject()) {
      return condition.asText().equals(value);
    }
    Iterator<Map.Entry<String, JsonNode>> operators = condition.fields();
    while (operators.hasNext()) {
      Map.Entry<String, JsonNode> op = operators.next();
      JsonNode operand = op.getValue();
      if (operand == null || operand.isNull()) {
        continue;
      }
      boolean ok =
          switch (op.getKey()) {
            case "$eq" -> operand.asText().equals(value);
            case "$neq" -> !operand.asText().equals(value);
            case "$exists" -> operand.asBoolean() == (value != null);
            case "$in" -> operand.isEmpty() || texts(operand).contains(value);
            case "$notIn" -> !texts(operand).contains(value);
            case "$like" -> value != null && like(operand.asText()).matcher(value).matches();
            default ->
                throw EngineException.invalidArgument(
                    "Unsupported operator '" + op.getKey() + "' for filter field '" + field + "'");
          };
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  /** A list-valued field (candidate groups or users) matches when one of its entries does. */
  static boolean anyOf(String field, JsonNode condition, List<String> values) {
    if (condition != null && condition.isObject() && condition.has("$exists")) {
      return condition.get("$exists").asBoolean() == !values.isEmpty();
    }
    for (String value : values) {
      if (string(field, condition, value)) {
        return true;
      }
    }
    return condition == null || condition.isNull();
  }

  /** Numbers, and dates as epoch milliseconds (operands as ISO-8601 date-times). */
  static boolean number(String field, JsonNode condition, Long value) {
    if (condition == null || condition.isNull()) {
      return true;
    }
    if (!condition.isObject()) {
      return value != null && value == read(field, condition);
    }
    Iterator<Map.Entry<String, JsonNode>> operators = condition.fields();
    while (operators.hasNext()) {
      Map.Entry<String, JsonNode> op = operators.next();
      JsonNode operand = op.getValue();
      if (operand == null || operand.isNull()) {
        continue;
      }
      boolean ok =
          switch (op.getKey()) {
            case "$exists" -> operand.asBoolean() == (value != null);
            case "$eq" -> value != null && value == read(field, operand);
            case "$neq" -> value == null || value != read(field, operand);
            case "$gt" -> value != null && value > read(field, operand);
            case "$gte" -> value != null && value >= read(field, operand);
            case "$lt" -> value != null && value < read(field, operand);
            case "$lte" -> value != null && value <= read(field, operand);
            case "$in" -> {
              List<Long> options = new ArrayList<>();
              operand.forEach(o -> options.add(read(field, o)));
              yield options.isEmpty() || options.contains(value);
            }
            default ->
                throw EngineException.invalidArgument(
                    "Unsupported operator '" + op.getKey() + "' for filter field '" + field + "'");
          };
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  private static long read(String field, JsonNode operand) {
    if (operand.isNumber()) {
      return operand.asLong();
    }
    try {
      return OffsetDateTime.parse(operand.asText()).toInstant().toEpochMilli();
    } catch (DateTimeParseException e) {
      throw EngineException.invalidArgument(
          "Expected filter field '" + field + "' to be a number or date-time, but was " + operand);
    }
  }

  private static List<String> texts(JsonNode array) {
    List<String> texts = new ArrayList<>();
    array.forEach(v -> texts.add(v.asText()));
    return texts;
  }

  /** Camunda's {@code *} and {@code ?} wildcards, with {@code \} escapes. */
  private static Pattern like(String pattern) {
    StringBuilder regex = new StringBuilder();
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      if (c == '\\' && i + 1 < pattern.length()) {
        regex.append(Pattern.quote(String.valueOf(pattern.charAt(++i))));
      } else if (c == '*') {
        regex.append(".*");
      } else if (c == '?') {
        regex.append('.');
      } else {
        regex.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return Pattern.compile(regex.toString(), Pattern.DOTALL);
  }
}
