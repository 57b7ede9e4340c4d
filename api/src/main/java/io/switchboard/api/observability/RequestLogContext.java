package io.switchboard.api.observability;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.switchboard.api.security.CurrentScope;
import io.switchboard.inventory.scope.AccessScope;
import io.switchboard.workflows.observability.LogFields;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.MDC;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.AuthenticationException;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Puts the request's log fields into the MDC for every line it writes (after authentication, so the
 * tenant is known): the device serial of a phone-home request, the operation id of an operation
 * request, the tenant of a tenant user; and counts phone-home requests per request and status
 * ({@code switchboard.phonehome.requests}). Services add what they learn later (the operation a
 * phone-home wakes); everything is cleared when the request ends.
 */
@Component
public class RequestLogContext extends OncePerRequestFilter {
  private static final Pattern PHONE_HOME =
      Pattern.compile("^/restconf/data/[^/]+:devices/device=([^/]+)/([a-z-]+)$");
  private static final Pattern OPERATION = Pattern.compile("^/api/v1/operations/([^/]+)(/.*)?$");
  private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

  private final ObjectProvider<MeterRegistry> meters;
  private final Map<String, Counter> counters = new ConcurrentHashMap<>();

  public RequestLogContext(ObjectProvider<MeterRegistry> meters) {
    this.meters = meters;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    Matcher phoneHome = PHONE_HOME.matcher(path);
    boolean isPhoneHome = phoneHome.matches();
    try {
      if (isPhoneHome) {
        putSafe(LogFields.DEVICE_SERIAL, phoneHome.group(1));
      }
      Matcher operation = OPERATION.matcher(path);
      if (operation.matches()) {
        putSafe(LogFields.OPERATION, operation.group(1));
      }
      tenant();
      chain.doFilter(request, response);
    } finally {
      if (isPhoneHome) {
        count(phoneHome.group(2), response.getStatus());
      }
      for (String key : LogFields.ALL) {
        MDC.remove(key);
      }
    }
  }

  private static void tenant() {
    try {
      AccessScope scope = CurrentScope.get();
      if (scope.tenantId() != null) {
        MDC.put(LogFields.TENANT, scope.tenantId());
      }
    } catch (AuthenticationException | IllegalStateException anonymous) {
      // devices, health probes and the API documentation carry no user
    }
  }

  /** Only values that cannot forge a log line (the path is the caller's). */
  private static void putSafe(String key, String value) {
    if (SAFE.matcher(value).matches()) {
      MDC.put(key, value);
    }
  }

  private void count(String request, int status) {
    MeterRegistry registry = meters.getIfAvailable();
    if (registry == null) {
      return;
    }
    String kind = request.length() <= 32 ? request : "other";
    String statusClass = (status / 100) + "xx";
    counters
        .computeIfAbsent(
            kind + '/' + statusClass,
            k ->
                Counter.builder("switchboard.phonehome.requests")
                    .description("Phone-home requests from devices, per request and status class")
                    .tag("request", kind)
                    .tag("status", statusClass)
                    .register(registry))
        .increment();
  }
}
