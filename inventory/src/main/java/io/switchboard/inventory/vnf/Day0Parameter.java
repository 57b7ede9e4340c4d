package io.switchboard.inventory.vnf;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A per-instance day-0 parameter a VNFD declares (its {@code day0.parameters}): the value an
 * instantiation's SOL003 {@code additionalParams} gives it fills the template's {@code {{name}}}. A
 * secret one is sealed in the inventory and shown nowhere (docs/vnf.md). Pure.
 *
 * @param defaultValue the value when the request gives none (its text form), null when none
 * @param pattern a regular expression the whole text form must match, null when any
 */
public record Day0Parameter(
    String name, Type type, boolean secret, boolean required, String defaultValue, String pattern) {

  /** What a parameter's value may be, as JSON has it. */
  public enum Type {
    STRING,
    INTEGER,
    BOOLEAN
  }

  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0,39}");

  /** A value that does not fit its parameter; the message says why (not the value). */
  public static final class InvalidValueException extends RuntimeException {
    public InvalidValueException(String message) {
      super(message);
    }
  }

  /** A request's parameter that does not fit; {@code name} is the parameter's. */
  public static final class InvalidParameterException extends RuntimeException {
    private final String name;

    public InvalidParameterException(String name, String message) {
      super(message);
      this.name = name;
    }

    public String name() {
      return name;
    }
  }

  /** An instantiation's values in text form, plain and secret apart. */
  public record Values(Map<String, String> plain, Map<String, String> secret) {}

  /**
   * An instantiation's {@code additionalParams} checked against the declarations: every given
   * parameter declared and of its type and pattern, every required one given (or defaulted).
   * Optional ones neither given nor defaulted have no value (they render empty).
   *
   * @throws InvalidParameterException naming the first parameter at fault
   */
  public static Values resolve(List<Day0Parameter> declared, Map<String, ?> given) {
    Map<String, ?> request = given == null ? Map.of() : given;
    for (String name : request.keySet()) {
      if (declared.stream().noneMatch(p -> p.name().equals(name))) {
        throw new InvalidParameterException(
            name,
            "is not a day-0 parameter of the package"
                + (declared.isEmpty()
                    ? " (it declares none)"
                    : "; it declares "
                        + String.join(", ", declared.stream().map(Day0Parameter::name).toList())));
      }
    }
    Map<String, String> plain = new LinkedHashMap<>();
    Map<String, String> secret = new LinkedHashMap<>();
    for (Day0Parameter p : declared) {
      Object value = request.get(p.name());
      String text;
      if (value != null) {
        try {
          text = p.textOf(value);
        } catch (InvalidValueException e) {
          throw new InvalidParameterException(p.name(), e.getMessage());
        }
      } else if (p.defaultValue() != null) {
        text = p.defaultValue();
      } else if (p.required()) {
        throw new InvalidParameterException(p.name(), "is required by the package");
      } else {
        continue;
      }
      (p.secret() ? secret : plain).put(p.name(), text);
    }
    return new Values(plain, secret);
  }

  /**
   * The value's text form as the template gets it.
   *
   * @throws InvalidValueException when it is not of the type or does not match the pattern
   */
  public String textOf(Object value) {
    String text =
        switch (type) {
          case STRING -> {
            if (!(value instanceof String s)) {
              throw new InvalidValueException("must be a string");
            }
            yield s;
          }
          case INTEGER -> {
            if (!(value instanceof Integer
                || value instanceof Long
                || value instanceof BigInteger)) {
              throw new InvalidValueException("must be an integer");
            }
            yield value.toString();
          }
          case BOOLEAN -> {
            if (!(value instanceof Boolean)) {
              throw new InvalidValueException("must be true or false");
            }
            yield value.toString();
          }
        };
    if (text.length() > 4096) {
      throw new InvalidValueException("must be at most 4096 characters");
    }
    if (pattern != null && !Pattern.compile(pattern).matcher(text).matches()) {
      throw new InvalidValueException("must match " + pattern);
    }
    return text;
  }

  /**
   * Reads the declarations of a VNFD's {@code day0.parameters} (a list of mappings).
   *
   * @throws Vnfd.InvalidVnfdException naming the parameter and field at fault
   */
  static List<Day0Parameter> parseAll(Object node) {
    if (node == null) {
      return List.of();
    }
    if (!(node instanceof List<?> list)) {
      throw new Vnfd.InvalidVnfdException("day0.parameters must be a list");
    }
    List<Day0Parameter> parameters = new ArrayList<>();
    for (Object item : list) {
      Day0Parameter p = parse(item);
      if (parameters.stream().anyMatch(q -> q.name().equals(p.name()))) {
        throw new Vnfd.InvalidVnfdException("day0.parameters declares " + p.name() + " twice");
      }
      parameters.add(p);
    }
    return List.copyOf(parameters);
  }

  private static Day0Parameter parse(Object item) {
    if (!(item instanceof Map<?, ?> m)) {
      throw new Vnfd.InvalidVnfdException("day0.parameters[] must be a mapping");
    }
    Object rawName = m.get("name");
    String name = rawName == null ? "" : String.valueOf(rawName).trim();
    String at = "day0.parameters[" + name + "]";
    if (!NAME.matcher(name).matches()) {
      throw new Vnfd.InvalidVnfdException(
          at + ".name must be 1-40 lower-case letters, digits and _, starting with a letter");
    }
    if (Day0Template.PLACEHOLDERS.contains(name)) {
      throw new Vnfd.InvalidVnfdException(
          at + ".name is a placeholder Switchboard fills itself; choose another name");
    }
    Type type;
    try {
      type = Type.valueOf(String.valueOf(m.get("type")).trim().toUpperCase());
    } catch (IllegalArgumentException e) {
      throw new Vnfd.InvalidVnfdException(at + ".type must be string, integer or boolean");
    }
    boolean secret = flag(m, "secret", at);
    boolean required = flag(m, "required", at);
    String pattern = m.get("pattern") == null ? null : String.valueOf(m.get("pattern"));
    if (pattern != null) {
      if (pattern.length() > 200) {
        throw new Vnfd.InvalidVnfdException(at + ".pattern must be at most 200 characters");
      }
      try {
        Pattern.compile(pattern);
      } catch (PatternSyntaxException e) {
        throw new Vnfd.InvalidVnfdException(
            at + ".pattern is not a regular expression: " + e.getDescription());
      }
    }
    Day0Parameter declared = new Day0Parameter(name, type, secret, required, null, pattern);
    Object rawDefault = m.get("default");
    if (rawDefault == null) {
      return declared;
    }
    if (secret) {
      // a default would be a secret everyone who reads the package knows
      throw new Vnfd.InvalidVnfdException(at + ".default is not allowed for a secret parameter");
    }
    try {
      return new Day0Parameter(name, type, false, required, declared.textOf(rawDefault), pattern);
    } catch (InvalidValueException e) {
      throw new Vnfd.InvalidVnfdException(at + ".default " + e.getMessage());
    }
  }

  private static boolean flag(Map<?, ?> m, String key, String at) {
    Object value = m.get(key);
    if (value == null) {
      return false;
    }
    if (!(value instanceof Boolean b)) {
      throw new Vnfd.InvalidVnfdException(at + "." + key + " must be true or false");
    }
    return b;
  }

  /** The declarations as plain mappings, the form the inventory keeps them in (YAML). */
  static List<Map<String, Object>> toMaps(List<Day0Parameter> parameters) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (Day0Parameter p : parameters) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("name", p.name());
      m.put("type", p.type().name().toLowerCase());
      m.put("secret", p.secret());
      m.put("required", p.required());
      if (p.defaultValue() != null) {
        // typed again, so that reading the kept form checks it as the VNFD's was
        m.put(
            "default",
            switch (p.type()) {
              case STRING -> p.defaultValue();
              case INTEGER -> new BigInteger(p.defaultValue());
              case BOOLEAN -> Boolean.valueOf(p.defaultValue());
            });
      }
      if (p.pattern() != null) {
        m.put("pattern", p.pattern());
      }
      out.add(m);
    }
    return out;
  }
}
