package io.switchboard.console.web;

import io.switchboard.api.error.ApiException;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * Refusals of the API's services as console pages: another tenant's object is "not found" exactly
 * like a missing one, a forbidden action "not allowed"; the status code is the API's.
 */
@ControllerAdvice(basePackages = "io.switchboard.console")
public class ConsoleErrors {
  private static final Logger LOG = LoggerFactory.getLogger(ConsoleErrors.class);

  @ExceptionHandler(ApiException.class)
  public String refused(ApiException e, HttpServletResponse response, Model model) {
    return page(e.status(), e.getMessage(), response, model);
  }

  @ExceptionHandler({
    MethodArgumentTypeMismatchException.class,
    MissingServletRequestParameterException.class
  })
  public String badParameter(Exception e, HttpServletResponse response, Model model) {
    return page(HttpStatus.BAD_REQUEST, "A parameter of this page is not valid", response, model);
  }

  private static String page(
      HttpStatus status, String message, HttpServletResponse response, Model model) {
    response.setStatus(status.value());
    model.addAttribute("status", status.value());
    model.addAttribute(
        "title",
        switch (status) {
          case NOT_FOUND -> "Not found";
          case FORBIDDEN -> "Not allowed";
          case BAD_GATEWAY -> "The workflow engine did not answer";
          default -> "Refused";
        });
    model.addAttribute("message", message);
    if (status.is5xxServerError()) {
      LOG.warn("Console: {} {}", status.value(), message);
    }
    return "console/error";
  }
}
