package io.switchboard.api.error;

import org.springframework.http.HttpStatus;

/** A request the API refuses, with the field at fault when there is one. */
public class ApiException extends RuntimeException {
  private final HttpStatus status;
  private final String field;

  public ApiException(HttpStatus status, String field, String message) {
    super(message);
    this.status = status;
    this.field = field;
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
}
