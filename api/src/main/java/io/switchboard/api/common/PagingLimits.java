package io.switchboard.api.common;

import io.switchboard.api.error.ApiException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import org.springframework.data.domain.Pageable;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Checks the raw {@code page} and {@code size} parameters of every list endpoint before Spring Data
 * reads them, because its resolver silently replaces a negative page, a zero size or a non-number
 * with defaults: {@code page} must be a whole number &ge; 0, {@code size} one from 1 to {@link
 * Paging#MAX_SIZE}, and together they must not reach past the largest row offset a query can take
 * (page=2147483647 is a 400, not a 500).
 */
public class PagingLimits implements HandlerInterceptor {

  @Override
  public boolean preHandle(
      HttpServletRequest request, HttpServletResponse response, Object handler) {
    if (!(handler instanceof HandlerMethod method) || !takesPageable(method)) {
      return true;
    }
    long page = parse("page", request.getParameter("page"), 0);
    long size = parse("size", request.getParameter("size"), Paging.DEFAULT_SIZE);
    if (page < 0) {
      throw ApiException.invalid("page", "must be 0 or more");
    }
    if (size < 1 || size > Paging.MAX_SIZE) {
      throw ApiException.invalid("size", "must be from 1 to " + Paging.MAX_SIZE);
    }
    if (page * size > Integer.MAX_VALUE) {
      throw ApiException.invalid("page", "is past the last possible page for this size");
    }
    return true;
  }

  private static boolean takesPageable(HandlerMethod method) {
    return Arrays.stream(method.getMethodParameters())
        .anyMatch(p -> Pageable.class.isAssignableFrom(p.getParameterType()));
  }

  private static long parse(String name, String value, long absent) {
    if (value == null) {
      return absent;
    }
    try {
      return Long.parseLong(value.trim());
    } catch (NumberFormatException e) {
      throw ApiException.invalid(name, "must be a whole number");
    }
  }
}
