package io.switchboard.api.common;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.switchboard.api.error.ApiException;
import io.switchboard.api.error.ApiException.FieldProblem;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Reads the bodies of {@code PUT} (full replacement) and {@code PATCH} (RFC 7396 JSON Merge Patch)
 * into the same validated request record that a create uses, so all three answer the same
 * problem+json for the same bad field. Both are read as a tree first because a record cannot tell
 * an absent field from a {@code null} one, and that difference is the whole point of both verbs.
 */
@Component
public class RequestBodies {
  /** The media type of RFC 7396 JSON Merge Patch. */
  public static final String MERGE_PATCH = "application/merge-patch+json";

  private final ObjectMapper mapper;
  private final Validator validator;

  public RequestBodies(ObjectMapper mapper, Validator validator) {
    this.mapper = mapper;
    this.validator = validator;
  }

  /**
   * A full replacement: every field of {@code type} must be present (a clearable one as an explicit
   * {@code null}), except the {@code writeOnly} ones, which a client cannot read back and so may
   * leave out to keep them; unknown fields, a missing field and an invalid value answer 400 naming
   * the fields.
   */
  public <T extends Record> T replacement(JsonNode body, Class<T> type, Set<String> writeOnly) {
    ObjectNode object = requireObject(body, type);
    requireNoNullWriteOnly(object, writeOnly);
    List<FieldProblem> missing = new ArrayList<>();
    for (String name : fieldNames(type)) {
      if (!object.has(name) && !writeOnly.contains(name)) {
        missing.add(
            new FieldProblem(
                name, "is required: PUT replaces the whole object (send null to clear it)"));
      }
    }
    if (!missing.isEmpty()) {
      throw ApiException.invalidFields(missing);
    }
    return read(object, type);
  }

  /**
   * {@code current} with the merge patch applied: an absent field stays, {@code null} clears, an
   * object merges into the object it replaces; the result is validated like a create.
   */
  public <T extends Record> T merge(T current, JsonNode patch, Class<T> type) {
    return merge(current, patch, type, Set.of());
  }

  /**
   * As {@link #merge(Record, JsonNode, Class)}, where {@code writeOnly} fields (never read back, so
   * {@code current} holds them as null) are replaced as a whole when present and cannot be cleared
   * with null.
   */
  public <T extends Record> T merge(
      T current, JsonNode patch, Class<T> type, Set<String> writeOnly) {
    ObjectNode object = requireObject(patch, type);
    requireNoNullWriteOnly(object, writeOnly);
    JsonNode merged = merge((JsonNode) mapper.valueToTree(current), object);
    return read(merged, type);
  }

  /** RFC 7396 section 2, MergePatch(Target, Patch). */
  static JsonNode merge(JsonNode target, JsonNode patch) {
    if (!patch.isObject()) {
      return patch;
    }
    ObjectNode result =
        target != null && target.isObject()
            ? ((ObjectNode) target).deepCopy()
            : JsonNodeFactory.instance.objectNode();
    for (Iterator<Map.Entry<String, JsonNode>> it = patch.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      if (field.getValue().isNull()) {
        result.remove(field.getKey());
      } else {
        result.set(field.getKey(), merge(result.get(field.getKey()), field.getValue()));
      }
    }
    return result;
  }

  private static void requireNoNullWriteOnly(ObjectNode body, Set<String> writeOnly) {
    for (String name : writeOnly) {
      if (body.has(name) && body.get(name).isNull()) {
        throw ApiException.invalid(
            name,
            "is write-only and cannot be cleared; send a new value, or leave it out to keep it");
      }
    }
  }

  private ObjectNode requireObject(JsonNode body, Class<? extends Record> type) {
    if (body == null || !body.isObject()) {
      throw ApiException.invalid(null, "the body must be a JSON object");
    }
    Set<String> known = Set.copyOf(fieldNames(type));
    List<FieldProblem> unknown = new ArrayList<>();
    body.fieldNames()
        .forEachRemaining(
            name -> {
              if (!known.contains(name)) {
                unknown.add(new FieldProblem(name, "unknown field"));
              }
            });
    if (!unknown.isEmpty()) {
      throw ApiException.invalidFields(unknown);
    }
    return (ObjectNode) body;
  }

  private <T> T read(JsonNode tree, Class<T> type) {
    T value;
    try {
      value = mapper.readerFor(type).readValue(mapper.treeAsTokens(tree));
    } catch (JsonMappingException e) {
      throw unreadable(e);
    } catch (IOException e) {
      throw ApiException.invalid(null, "the request body is not valid JSON");
    }
    Set<ConstraintViolation<T>> violations = validator.validate(value);
    if (!violations.isEmpty()) {
      throw ApiException.invalidFields(
          violations.stream()
              .map(v -> new FieldProblem(v.getPropertyPath().toString(), v.getMessage()))
              .toList());
    }
    return value;
  }

  private static ApiException unreadable(JsonMappingException e) {
    String field =
        e.getPath().stream()
            .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
            .collect(Collectors.joining("."));
    String message =
        e instanceof UnrecognizedPropertyException
            ? "unknown field"
            : e instanceof InvalidFormatException format
                ? "invalid value '" + format.getValue() + "'" + allowed(format.getTargetType())
                : "invalid value";
    return ApiException.invalid(field.isEmpty() ? null : field, message);
  }

  private static String allowed(Class<?> type) {
    return type != null && type.isEnum()
        ? ", expected one of " + List.of(type.getEnumConstants())
        : "";
  }

  private static List<String> fieldNames(Class<? extends Record> type) {
    return Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName).toList();
  }
}
