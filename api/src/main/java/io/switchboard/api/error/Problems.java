package io.switchboard.api.error;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

/**
 * Writes problem+json where no controller advice runs (security filters, the error page): the same
 * shape as {@link ApiProblemHandler}, a fixed detail per status and never an exception's text.
 */
public final class Problems {
  private Problems() {}

  /** A generic detail per status, so nothing internal reaches the client. */
  public static String detailFor(int status) {
    return switch (status) {
      case 400 -> "The request is not valid";
      case 401 -> "Authentication is required";
      case 403 -> "Access is denied";
      case 404 -> "No resource at this address";
      case 405 -> "The resource does not support this method";
      case 406 -> "The resource cannot answer in an accepted media type";
      case 413 -> "The request body is too large";
      case 415 -> "The request's content type is not supported here";
      default ->
          status >= 500
              ? "An internal error occurred; it has been logged"
              : "The request could not be processed";
    };
  }

  public static ProblemDetail of(int status, String detail) {
    HttpStatus known = HttpStatus.resolve(status);
    ProblemDetail body =
        known != null
            ? ProblemDetail.forStatusAndDetail(known, detail)
            : ProblemDetail.forStatus(status);
    body.setType(URI.create("about:blank"));
    if (known == null) {
      body.setDetail(detail);
    }
    return body;
  }

  /** Writes {@code problem} as the response, unless the response is committed already. */
  public static void write(HttpServletResponse response, ObjectMapper json, ProblemDetail problem)
      throws IOException {
    if (response.isCommitted()) {
      return;
    }
    response.setStatus(problem.getStatus());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    response.setCharacterEncoding("UTF-8");
    json.writeValue(response.getOutputStream(), problem);
  }
}
