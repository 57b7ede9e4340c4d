package io.switchboard.api.error;

import java.util.List;
import org.springframework.http.HttpStatus;

/** A request the API refuses, with the field at fault when there is one. */
public class ApiException extends RuntimeException {
  private final HttpStatus status;
  private final String field;
  private final List<FieldProblem> problems;

  /** One field at fault and what is wrong with it. */
  public record FieldProblem(String field, String message) {}

  public ApiException(HttpStatus status, String field, String message) {
    this(
        status,
        field,
        message,
        field == null ? List.of() : List.of(new FieldProblem(field, message)));
  }

  private ApiException(
      HttpStatus status, String field, String message, List<FieldProblem> problems) {
    super(message);
    this.status = status;
    this.field = field;
    this.problems = List.copyOf(problems);
  }

  /**
   * 400 naming every field at fault (sorted by field), as bean validation of a request body does.
   *
   * @param problems at least one
   */
  public static ApiException invalidFields(List<FieldProblem> problems) {
    List<FieldProblem> sorted =
        problems.stream().sorted((a, b) -> a.field().compareTo(b.field())).toList();
    if (sorted.size() == 1) {
      return invalid(sorted.get(0).field(), sorted.get(0).message());
    }
    String detail =
        String.join("; ", sorted.stream().map(p -> p.field() + ": " + p.message()).toList());
    return new ApiException(HttpStatus.BAD_REQUEST, sorted.get(0).field(), detail, sorted);
  }

  public static ApiException notFound(String what, String id) {
    return new ApiException(HttpStatus.NOT_FOUND, null, what + " '" + id + "' not found");
  }

  public static ApiException conflict(String field, String message) {
    return new ApiException(HttpStatus.CONFLICT, field, message);
  }

  public static ApiException invalid(String field, String message) {
    return new ApiException(HttpStatus.BAD_REQUEST, field, message);
  }

  public static ApiException unprocessable(String field, String message) {
    return new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, field, message);
  }

  /**
   * A uniqueness clash, answered without telling the caller about objects it cannot see: when the
   * caller can see the existing object, 409 with {@code message}; when it cannot, the same 422 that
   * any unusable value of the field gets ({@link #notAvailable}), which confirms nothing about
   * objects in other scopes.
   *
   * @param visibleToCaller whether the clashing object is inside the caller's scope
   */
  public static ApiException clash(String field, boolean visibleToCaller, String message) {
    return visibleToCaller ? conflict(field, message) : notAvailable(field);
  }

  /**
   * 422 "is not available": the answer for a value that cannot be used for a reason the caller may
   * not learn (taken in another scope, reserved).
   */
  public static ApiException notAvailable(String field) {
    return unprocessable(field, NOT_AVAILABLE);
  }

  /** The message of {@link #notAvailable}. */
  public static final String NOT_AVAILABLE = "is not available; choose another value";

  /** 401: credentials are missing (the answer carries a Basic challenge). */
  public static ApiException unauthorized(String message) {
    return new ApiException(HttpStatus.UNAUTHORIZED, null, message);
  }

  public static ApiException forbidden(String message) {
    return new ApiException(HttpStatus.FORBIDDEN, null, message);
  }

  public HttpStatus status() {
    return status;
  }

  public String field() {
    return field;
  }

  /** The fields at fault, empty when the refusal names none. */
  public List<FieldProblem> problems() {
    return problems;
  }
}
