package io.switchboard.engine.execution;

import io.switchboard.engine.feel.FeelEvaluationException;
import io.switchboard.engine.feel.FeelExpressions;
import io.switchboard.engine.model.TimerDefinition;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.Map;

/** Computes when a BPMN timer is due: ISO-8601 durations, date-times and repeating cycles. */
public final class TimerCalculator {

  /** When the timer fires first, how often it repeats (-1 forever) and at what interval. */
  public record Due(long dueAt, int repetitions, String interval) {}

  private final FeelExpressions feel;

  public TimerCalculator(FeelExpressions feel) {
    this.feel = feel;
  }

  public Due evaluate(TimerDefinition timer, Map<String, Object> variables, long now) {
    String text = String.valueOf(feel.evaluateAttribute(timer.expression(), variables)).trim();
    try {
      return switch (timer.kind()) {
        case DURATION -> new Due(plus(now, text), 0, null);
        case DATE -> new Due(parseDate(text), 0, null);
        case CYCLE -> cycle(text, now);
      };
    } catch (DateTimeParseException | IllegalArgumentException e) {
      throw new FeelEvaluationException(
          "invalid timer "
              + timer.kind().name().toLowerCase()
              + " '"
              + text
              + "': "
              + e.getMessage());
    }
  }

  /** Next occurrence of a cycle after {@code previousDue}. */
  public long next(String interval, long previousDue) {
    return plus(previousDue, interval);
  }

  private Due cycle(String text, long now) {
    String[] parts = text.split("/");
    if (parts.length < 2 || !parts[0].startsWith("R")) {
      throw new IllegalArgumentException("expected a repeating interval such as R5/PT10S");
    }
    int repetitions = parts[0].length() == 1 ? -1 : Integer.parseInt(parts[0].substring(1));
    if (parts.length == 3) {
      long start = parseDate(parts[1]);
      return new Due(start, repetitions < 0 ? -1 : repetitions - 1, parts[2]);
    }
    return new Due(plus(now, parts[1]), repetitions < 0 ? -1 : repetitions - 1, parts[1]);
  }

  static long plus(long from, String isoDuration) {
    String upper = isoDuration.toUpperCase();
    int t = upper.indexOf('T');
    String datePart = t < 0 ? upper : upper.substring(0, t);
    boolean calendar = datePart.contains("Y") || datePart.contains("M") || datePart.contains("W");
    if (!calendar) {
      return from + Duration.parse(upper).toMillis();
    }
    Period period = Period.parse(datePart);
    ZonedDateTime start = Instant.ofEpochMilli(from).atZone(ZoneOffset.UTC).plus(period);
    if (t >= 0) {
      start = start.plus(Duration.parse("P" + upper.substring(t)));
    }
    return start.toInstant().toEpochMilli();
  }

  static long parseDate(String text) {
    try {
      return OffsetDateTime.parse(text).toInstant().toEpochMilli();
    } catch (DateTimeParseException e) {
      return ZonedDateTime.parse(text).toInstant().toEpochMilli();
    }
  }
}
