package io.switchboard.engine.feel;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.feel.api.EvaluationResult;
import org.camunda.feel.api.FeelEngineApi;
import org.camunda.feel.api.FeelEngineBuilder;

/**
 * Evaluates Zeebe expressions with the FEEL engine. Following Zeebe, a value that starts with
 * {@code =} is a FEEL expression and anything else is a static string. Results come back as plain
 * JSON-shaped Java values (maps, lists, strings, longs, doubles, booleans, null).
 */
public final class FeelExpressions {
  private final FeelEngineApi engine;

  /** On the system clock. */
  public FeelExpressions() {
    this(Clock.systemUTC());
  }

  /** {@code now()} and {@code today()} read {@code clock} (the engine clock, pinnable). */
  public FeelExpressions(Clock clock) {
    this.engine = FeelEngineBuilder.create().withClock(new FeelClock(clock)).build();
  }

  /** Evaluates an expression that is FEEL whether or not it starts with '='. */
  public Object evaluateFeel(String expression, Map<String, Object> variables) {
    String feel = expression.startsWith("=") ? expression.substring(1) : expression;
    EvaluationResult result = engine.evaluateExpression(feel, variables);
    if (!result.isSuccess()) {
      throw new FeelEvaluationException(
          "failed to evaluate expression '" + feel + "': " + result.failure().message());
    }
    return toJsonValue(result.result());
  }

  /** Evaluates a Zeebe attribute: FEEL when it starts with '=', otherwise the literal text. */
  public Object evaluateAttribute(String value, Map<String, Object> variables) {
    if (value != null && value.startsWith("=")) {
      return evaluateFeel(value, variables);
    }
    return value;
  }

  /** Evaluates a Zeebe attribute that must produce a string (job type, correlation key...). */
  public String evaluateString(String value, Map<String, Object> variables, String what) {
    Object result = evaluateAttribute(value, variables);
    if (result instanceof String s) {
      return s;
    }
    if (result instanceof Number n && what.contains("correlation key")) {
      return String.valueOf(n); // Zeebe accepts numbers as correlation keys
    }
    throw new FeelEvaluationException(
        "expected " + what + " '" + value + "' to be a string, but it was " + describe(result));
  }

  /** Evaluates a condition; anything but a boolean is an error, as in Zeebe. */
  public boolean evaluateCondition(String expression, Map<String, Object> variables) {
    Object result = evaluateFeel(expression, variables);
    if (result instanceof Boolean b) {
      return b;
    }
    throw new FeelEvaluationException(
        "expected condition '" + expression + "' to be a boolean, but it was " + describe(result));
  }

  private static String describe(Object value) {
    return value == null ? "null" : "'" + value + "'";
  }

  @SuppressWarnings("unchecked")
  public static Object toJsonValue(Object value) {
    if (value == null || value instanceof String || value instanceof Boolean) {
      return value;
    }
    if (value instanceof BigDecimal d) {
      return normalizeNumber(d);
    }
    if (value instanceof Double || value instanceof Float) {
      return normalizeNumber(BigDecimal.valueOf(((Number) value).doubleValue()));
    }
    if (value instanceof Number n) {
      return n.longValue();
    }
    if (value instanceof scala.math.BigDecimal d) {
      return normalizeNumber(d.bigDecimal());
    }
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> out = new LinkedHashMap<>();
      map.forEach((k, v) -> out.put(String.valueOf(k), toJsonValue(v)));
      return out;
    }
    if (value instanceof scala.collection.Map<?, ?> map) {
      return toJsonValue(scala.jdk.javaapi.CollectionConverters.asJava(map));
    }
    if (value instanceof Collection<?> list) {
      List<Object> out = new ArrayList<>(list.size());
      list.forEach(v -> out.add(toJsonValue(v)));
      return out;
    }
    if (value instanceof scala.collection.Iterable<?> list) {
      return toJsonValue(scala.jdk.javaapi.CollectionConverters.asJavaCollection(list));
    }
    if (value instanceof TemporalAccessor
        || value instanceof java.time.Duration
        || value instanceof java.time.Period) {
      return value.toString();
    }
    return value.toString();
  }

  private static Object normalizeNumber(BigDecimal d) {
    BigDecimal stripped = d.stripTrailingZeros();
    if (stripped.scale() <= 0 && stripped.toBigInteger().bitLength() < 64) {
      return stripped.longValueExact();
    }
    return d.doubleValue();
  }
}
