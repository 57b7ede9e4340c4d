package io.switchboard.api.common;

import io.switchboard.api.error.ApiException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Collections;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.springframework.core.MethodParameter;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Refuses a query (or form) parameter the endpoint does not know, with a 400 naming it: a misspelt
 * filter ({@code ?lifecycleState=} for {@code ?state=}) would otherwise be ignored and answer
 * everything.
 */
@Component
public class KnownParameters implements HandlerInterceptor {
  private static final Set<String> PAGING = Set.of("page", "size", "sort");
  private final ConcurrentMap<HandlerMethod, Set<String>> known = new ConcurrentHashMap<>();

  @Override
  public boolean preHandle(
      HttpServletRequest request, HttpServletResponse response, Object handler) {
    if (!(handler instanceof HandlerMethod method)) {
      return true;
    }
    Set<String> allowed = known.computeIfAbsent(method, KnownParameters::namesOf);
    for (String name : Collections.list(request.getParameterNames())) {
      if (!allowed.contains(name)) {
        throw ApiException.invalid(
            name,
            "is not a parameter of this endpoint"
                + (allowed.isEmpty() ? "" : "; it takes " + String.join(", ", sorted(allowed))));
      }
    }
    return true;
  }

  private static Set<String> namesOf(HandlerMethod method) {
    Set<String> names = new HashSet<>();
    for (MethodParameter parameter : method.getMethodParameters()) {
      RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
      RequestPart part = parameter.getParameterAnnotation(RequestPart.class);
      if (param != null) {
        names.add(!param.name().isEmpty() ? param.name() : nameOf(parameter));
      } else if (part != null) {
        names.add(!part.name().isEmpty() ? part.name() : nameOf(parameter));
      } else if (Pageable.class.isAssignableFrom(parameter.getParameterType())) {
        names.addAll(PAGING);
      }
    }
    return names;
  }

  private static String nameOf(MethodParameter parameter) {
    parameter.initParameterNameDiscovery(
        new org.springframework.core.DefaultParameterNameDiscoverer());
    return parameter.getParameterName();
  }

  private static java.util.List<String> sorted(Set<String> names) {
    return names.stream().sorted().toList();
  }
}
