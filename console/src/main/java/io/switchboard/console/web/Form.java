package io.switchboard.console.web;

import io.switchboard.api.error.ApiException;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.math.BigDecimal;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;

/**
 * One submitted console form, checked the way the API checks a JSON body: values that do not parse
 * get the API's own words ({@code invalid value 'x', expected one of [...]}), then the request
 * record's constraints, then the service's refusal, each kept by field so the page shows it beside
 * the field. What was typed is echoed back, except fields {@link #forget forgotten} (passwords).
 */
public final class Form {
  private static final String TARGET = "target";
  private final Map<String, String> values = new LinkedHashMap<>();
  private final Map<String, String> errors = new LinkedHashMap<>();
  private final Map<String, List<String>> lists = new LinkedHashMap<>();

  private Form(Map<String, String> submitted) {
    submitted.forEach(
        (name, value) -> {
          if (!name.startsWith("_")) {
            values.put(name, value);
          }
        });
  }

  /** An empty form, as a page shows it before anything was submitted. */
  public static Form empty() {
    return new Form(Map.of());
  }

  public static Form of(Map<String, String> submitted) {
    return new Form(submitted);
  }

  /** A form with fields given more than once (a multiple choice): {@link #list} reads them all. */
  public static Form of(org.springframework.util.MultiValueMap<String, String> submitted) {
    Form form = new Form(submitted.toSingleValueMap());
    submitted.forEach(
        (name, given) -> {
          if (!name.startsWith("_")) {
            form.lists.put(name, given.stream().map(Form::trimmed).filter(v -> v != null).toList());
          }
        });
    return form;
  }

  /** Every non-blank value given for {@code field}, in order; empty when none. */
  public List<String> list(String field) {
    return lists.getOrDefault(field, List.of());
  }

  /** Whether {@code value} is among those given for {@code field} (a multiple choice's options). */
  public boolean has(String field, String value) {
    return list(field).contains(value);
  }

  public Map<String, String> getValues() {
    return values;
  }

  public Map<String, String> getErrors() {
    return errors;
  }

  public boolean ok() {
    return errors.isEmpty();
  }

  /**
   * The trimmed text of {@code field}; null when blank or absent (as a JSON body leaves it out).
   */
  public String text(String field) {
    return trimmed(values.get(field));
  }

  /** A query parameter or field as the API would take it: null when blank. */
  public static String trimmed(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }

  /** A checkbox: present and not "false". */
  public boolean flag(String field) {
    String value = text(field);
    return value != null && !value.equalsIgnoreCase("false");
  }

  public <E extends Enum<E>> E choice(String field, Class<E> type) {
    String value = text(field);
    if (value == null) {
      return null;
    }
    try {
      return Enum.valueOf(type, value);
    } catch (IllegalArgumentException e) {
      reject(
          field,
          "invalid value '" + value + "', expected one of " + List.of(type.getEnumConstants()));
      return null;
    }
  }

  public Integer integer(String field) {
    String value = text(field);
    if (value == null) {
      return null;
    }
    try {
      return Integer.valueOf(value);
    } catch (NumberFormatException e) {
      reject(field, "invalid value '" + value + "'");
      return null;
    }
  }

  public Double number(String field) {
    BigDecimal value = decimal(field);
    return value == null ? null : value.doubleValue();
  }

  /** "trust, dmz" or "23.4R1.9 22.4R3" as a list of words; empty for null. */
  public static List<String> words(String text) {
    List<String> words = new java.util.ArrayList<>();
    if (text != null) {
      for (String part : text.split("[,\\s]+")) {
        if (!part.isEmpty()) {
          words.add(part);
        }
      }
    }
    return words;
  }

  /** A {@code datetime-local} field, read as UTC. */
  public java.time.Instant instant(String field) {
    String value = text(field);
    if (value == null) {
      return null;
    }
    try {
      return java.time.LocalDateTime.parse(value).toInstant(java.time.ZoneOffset.UTC);
    } catch (java.time.format.DateTimeParseException e) {
      reject(field, "invalid value '" + value + "', expected a date and time");
      return null;
    }
  }

  public BigDecimal decimal(String field) {
    String value = text(field);
    if (value == null) {
      return null;
    }
    try {
      return new BigDecimal(value);
    } catch (NumberFormatException e) {
      reject(field, "invalid value '" + value + "'");
      return null;
    }
  }

  /** The request record's constraints, as the API's {@code @Valid} body reports them. */
  public <T> Form validate(Validator validator, T request) {
    validator.validate(request).stream()
        .sorted(Comparator.comparing((ConstraintViolation<T> v) -> v.getPropertyPath().toString()))
        .forEach(v -> reject(v.getPropertyPath().toString(), v.getMessage()));
    return this;
  }

  /**
   * The request checked like the API's body, then handed to the service; null when either refused
   * it (the reasons are then on the form).
   */
  public <R, T> T submit(Validator validator, R request, Function<R, T> service) {
    validate(validator, request);
    return ok() ? attempt(() -> service.apply(request)) : null;
  }

  /** A service call whose refusal lands on the form; null when it refused. */
  public <T> T attempt(java.util.function.Supplier<T> service) {
    try {
      return service.get();
    } catch (ApiException refusal) {
      refused(refusal);
      return null;
    }
  }

  public void reject(String field, String message) {
    errors.putIfAbsent(field, message);
  }

  /**
   * The service's refusal, by field; one without a field is shown above the form. "Not found" and
   * "not allowed" are not a form's business: they answer the whole page, as in the API.
   */
  public void refused(ApiException refusal) {
    if (refusal.status() == HttpStatus.FORBIDDEN || refusal.status() == HttpStatus.NOT_FOUND) {
      throw refusal;
    }
    for (ApiException.FieldProblem p : refusal.problems()) {
      // an operation's target is the page's, never a field anyone typed: a refusal of it (the
      // device is busy with another operation, 409) is shown above the form, not beside nothing
      reject(TARGET.equals(p.field()) ? "form" : p.field(), p.message());
    }
    if (refusal.problems().isEmpty()) {
      reject("form", refusal.getMessage());
    }
  }

  /**
   * The errors of one entry of a list the service checked as a whole ({@code [3].dscp}) under the
   * field names of the form that added the entry ({@code dscp}).
   */
  public void unprefix(String prefix) {
    Map<String, String> renamed = new LinkedHashMap<>();
    errors.forEach(
        (field, message) ->
            renamed.put(
                field.startsWith(prefix) ? field.substring(prefix.length()) : field, message));
    errors.clear();
    errors.putAll(renamed);
  }

  /**
   * The errors of {@code from} and of its parts ({@code from[2]}, {@code from.siteIds}) shown under
   * {@code to}: where the request's structure differs from the form's fields ({@code "form"} puts
   * them above the form).
   */
  public Form moveErrors(String from, String to) {
    Map<String, String> moved = new LinkedHashMap<>();
    errors
        .entrySet()
        .removeIf(
            e -> {
              String field = e.getKey();
              boolean under =
                  field.equals(from)
                      || field.startsWith(from + "[")
                      || field.startsWith(from + ".");
              if (under) {
                moved.putIfAbsent(to, e.getValue());
              }
              return under;
            });
    moved.forEach(errors::putIfAbsent);
    return this;
  }

  /** Not echoed back (a password). */
  public Form forget(String field) {
    values.remove(field);
    return this;
  }

  /** Puts the refused form on the page under {@code name}, answering 400 as the API would. */
  public void show(String name, Model model, HttpServletResponse response) {
    model.addAttribute(name, this);
    response.setStatus(HttpStatus.BAD_REQUEST.value());
  }

  /** An empty form under {@code name} unless a refused one is there already. */
  public static void offer(Model model, String... names) {
    for (String name : names) {
      if (!model.containsAttribute(name)) {
        model.addAttribute(name, empty());
      }
    }
  }
}
