package io.switchboard.workflows.compliance;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sets the interval of the compliance timer start event before the process is deployed. A timer
 * start event cannot read variables or properties (there is no instance yet), so the deployer puts
 * the configured interval ({@code switchboard.compliance.interval}, an ISO-8601 duration) into the
 * BPMN as the cycle {@code R/<interval>}.
 */
public final class ComplianceSchedule {
  private static final Pattern TIMER_CYCLE =
      Pattern.compile(
          "(<startEvent[^>]*id=\""
              + ConfigCompliance.TIMER_START_ID
              + "\".*?<timeCycle[^>]*>)([^<]*)(</timeCycle>)",
          Pattern.DOTALL);

  private ComplianceSchedule() {}

  /** {@code bpmn} with the timer's cycle set to every {@code interval}; other files unchanged. */
  public static byte[] apply(String fileName, byte[] bpmn, String interval) {
    if (!ConfigCompliance.RESOURCE.endsWith("/" + fileName) || interval == null) {
      return bpmn;
    }
    String text = new String(bpmn, StandardCharsets.UTF_8);
    Matcher matcher = TIMER_CYCLE.matcher(text);
    if (!matcher.find()) {
      throw new IllegalStateException(
          fileName + " has no timer cycle on " + ConfigCompliance.TIMER_START_ID);
    }
    String cycle = "R/" + validated(interval);
    return (text.substring(0, matcher.start(2)) + cycle + text.substring(matcher.end(2)))
        .getBytes(StandardCharsets.UTF_8);
  }

  /** The interval, refused unless it is a positive ISO-8601 duration such as {@code PT15M}. */
  public static String validated(String interval) {
    try {
      Duration duration = Duration.parse(interval.strip());
      if (duration.isNegative() || duration.isZero()) {
        throw new IllegalArgumentException(
            "switchboard.compliance.interval must be positive: " + interval);
      }
      return duration.toString();
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          "switchboard.compliance.interval is not an ISO-8601 duration (e.g. PT15M): " + interval,
          e);
    }
  }
}
