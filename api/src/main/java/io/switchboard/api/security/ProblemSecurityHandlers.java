package io.switchboard.api.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.switchboard.api.error.Problems;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * The security filters' answers as problem+json: 401 with a {@code WWW-Authenticate} challenge (one
 * fixed body whatever went wrong: unknown user, wrong password, locked, disabled) and 403. With
 * OIDC configured, the bearer entry point adds its own challenge first.
 */
final class ProblemSecurityHandlers implements AuthenticationEntryPoint, AccessDeniedHandler {
  static final String REALM = "Basic realm=\"Switchboard\"";

  private final ObjectMapper json;
  private final AuthenticationEntryPoint bearer;

  ProblemSecurityHandlers(ObjectMapper json, AuthenticationEntryPoint bearer) {
    this.json = json;
    this.bearer = bearer;
  }

  @Override
  public void commence(
      HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
      throws IOException {
    try {
      if (bearer != null) {
        bearer.commence(request, response, e);
      }
    } catch (jakarta.servlet.ServletException ignored) {
      // only the challenge header matters; the body is ours
    }
    if (!response.containsHeader(HttpHeaders.WWW_AUTHENTICATE)) {
      response.setHeader(HttpHeaders.WWW_AUTHENTICATE, REALM);
    } else {
      response.addHeader(HttpHeaders.WWW_AUTHENTICATE, REALM);
    }
    Problems.write(response, json, Problems.of(401, Problems.detailFor(401)));
  }

  @Override
  public void handle(
      HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
      throws IOException {
    Problems.write(response, json, Problems.of(403, Problems.detailFor(403)));
  }
}
