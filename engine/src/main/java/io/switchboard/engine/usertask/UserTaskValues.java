package io.switchboard.engine.usertask;

import io.switchboard.engine.feel.FeelEvaluationException;
import io.switchboard.engine.feel.FeelExpressions;
import io.switchboard.engine.model.usertask.UserTaskDefinition;
import io.switchboard.engine.state.UserTask;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Evaluates a user task's attributes as Zeebe does: each may be a static value or a FEEL
 * expression; candidate lists are comma-separated or a list of strings; dates must be ISO-8601
 * date-times; priority an integer from 0 to 100. A value of the wrong kind is an evaluation failure
 * (incident).
 */
final class UserTaskValues {
  private final FeelExpressions feel;

  UserTaskValues(FeelExpressions feel) {
    this.feel = feel;
  }

  void evaluate(UserTaskDefinition definition, Map<String, Object> variables, UserTask task) {
    task.assignee = optionalString(definition.assignee(), variables, "assignee");
    task.candidateGroups = list(definition.candidateGroups(), variables, "candidateGroups");
    task.candidateUsers = list(definition.candidateUsers(), variables, "candidateUsers");
    task.dueDate = date(definition.dueDate(), variables, "dueDate");
    task.followUpDate = date(definition.followUpDate(), variables, "followUpDate");
    task.priority = definition.priority() == null ? 50 : priority(definition.priority(), variables);
    // a Camunda user task's custom form key is an external reference, as in Zeebe: the REST
    // API's formKey is the key of a linked (deployed) form, which this engine does not store
    task.externalFormReference =
        definition.externalReference() != null
            ? optionalString(definition.externalReference(), variables, "externalReference")
            : optionalString(definition.formKey(), variables, "formKey");
  }

  private String optionalString(String value, Map<String, Object> variables, String what) {
    if (value == null) {
      return null;
    }
    Object result = feel.evaluateAttribute(value, variables);
    if (result == null) {
      return null; // an expression yielding null leaves the attribute unset, as in Zeebe
    }
    if (result instanceof String s) {
      return s.isBlank() ? null : s;
    }
    throw new FeelEvaluationException(
        "expected " + what + " '" + value + "' to be a string, but it was " + result);
  }

  private List<String> list(String value, Map<String, Object> variables, String what) {
    if (value == null) {
      return new ArrayList<>();
    }
    if (!value.startsWith("=")) {
      return new ArrayList<>(
          Arrays.stream(value.split(",")).map(String::trim).filter(v -> !v.isEmpty()).toList());
    }
    Object result = feel.evaluateFeel(value, variables);
    if (result == null) {
      return new ArrayList<>();
    }
    if (result instanceof List<?> items && items.stream().allMatch(i -> i instanceof String)) {
      return new ArrayList<>(items.stream().map(String.class::cast).toList());
    }
    throw new FeelEvaluationException(
        "expected " + what + " '" + value + "' to be a list of strings, but it was " + result);
  }

  private String date(String value, Map<String, Object> variables, String what) {
    String text = optionalString(value, variables, what);
    if (text == null) {
      return null;
    }
    return normalizeDate(text, what);
  }

  /** ISO-8601 date-time with offset, as Camunda answers it. */
  static String normalizeDate(String text, String what) {
    try {
      return ZonedDateTime.parse(text)
          .toOffsetDateTime()
          .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    } catch (DateTimeParseException e) {
      try {
        return OffsetDateTime.parse(text).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
      } catch (DateTimeParseException again) {
        throw new FeelEvaluationException(
            "expected " + what + " '" + text + "' to be an ISO-8601 date-time with offset");
      }
    }
  }

  private int priority(String value, Map<String, Object> variables) {
    Object result = feel.evaluateAttribute(value, variables);
    int priority;
    try {
      priority =
          result instanceof Number n
              ? n.intValue()
              : Integer.parseInt(String.valueOf(result).trim());
    } catch (NumberFormatException e) {
      throw new FeelEvaluationException(
          "expected priority '"
              + value
              + "' to be a number between 0 and 100, but it was "
              + result);
    }
    if (priority < 0 || priority > 100) {
      throw new FeelEvaluationException(
          "expected priority '"
              + value
              + "' to be a number between 0 and 100, but it was "
              + result);
    }
    return priority;
  }
}
