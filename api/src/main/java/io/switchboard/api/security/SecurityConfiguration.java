package io.switchboard.api.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.switchboard.inventory.user.UserAccountChanges;
import java.time.Clock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.security.oauth2.resource.OAuth2ResourceServerProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.authentication.builders.AuthenticationManagerBuilder;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Who may call what. Nothing is anonymous but health, the API documentation, the error page and the
 * device phone-home endpoint (devices authenticate there with their serial and activation secret).
 * Users authenticate with HTTP Basic (local users) or, when an issuer is configured, with an OIDC
 * JWT. The embedded engine's Camunda API ({@code /v2}) is for provider administrators and the
 * application's own system account. Every request is authenticated on its own (no session), so a
 * change of an account takes effect on its next request.
 */
@Configuration
public class SecurityConfiguration {

  /**
   * No Spring Security observations: with an observation registry (actuator) Spring Security wraps
   * every filter of every request, every authentication and every authorization in an observation
   * with its timers, about a tenth of the CPU of a {@code /v2} call in {@code
   * ops/bench/throughput.sh}, and nothing reads them. The HTTP server's own request metrics stay.
   */
  @Bean
  static SecurityObservationSettings securityObservations() {
    return SecurityObservationSettings.noObservations();
  }

  @Bean
  PasswordEncoder passwordEncoder() {
    return new BCryptPasswordEncoder();
  }

  /**
   * Devices authenticate themselves in the phone-home controller (serial and activation secret in
   * an HTTP Basic header), so no user authentication may run on these paths.
   */
  @Bean
  @Order(1)
  SecurityFilterChain phoneHomeSecurity(HttpSecurity http) throws Exception {
    return http.securityMatcher("/restconf/**", "/device-images/**", "/vnf-images/**")
        .csrf(csrf -> csrf.disable())
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
        .build();
  }

  /**
   * Local passwords: the system account on its in-memory fast path, everyone else through the
   * version-checked cache; both behind the sign-in throttle. Not a bean, so Spring Security's
   * global authentication manager stays as it is (and says nothing about it). Public for the
   * console's sign-in form, which checks the same passwords behind the same throttle.
   */
  public static ThrottledAuthentication passwordChecks(
      LocalUserDetailsService users,
      PasswordEncoder passwordEncoder,
      SignInThrottle throttle,
      String systemUsername,
      String systemPassword) {
    SystemAccountAuthentication system =
        new SystemAccountAuthentication(
            systemUsername,
            systemPassword,
            new CachingPasswordAuthentication(
                users::currentAccount,
                passwordEncoder,
                Clock.systemUTC(),
                UserAccountChanges::generation));
    return new ThrottledAuthentication(system, throttle, passwordEncoder, system::isSystem);
  }

  @Bean
  @Order(2)
  SecurityFilterChain apiSecurity(
      HttpSecurity http,
      LocalUserDetailsService users,
      PasswordEncoder passwordEncoder,
      SignInThrottle throttle,
      @Value("${switchboard.security.system.username:switchboard-system}") String systemUsername,
      @Value("${switchboard.security.system.password:}") String systemPassword,
      ObjectMapper json,
      OAuth2ResourceServerProperties resourceServer,
      @Value("${switchboard.security.jwt.role-claim:switchboard_role}") String roleClaim,
      @Value("${switchboard.security.jwt.opco-claim:opco_id}") String opcoClaim,
      @Value("${switchboard.security.jwt.tenant-claim:tenant_id}") String tenantClaim,
      MetricsScrapeAccess metricsScrapeAccess)
      throws Exception {
    boolean jwtConfigured =
        resourceServer.getJwt().getIssuerUri() != null
            || resourceServer.getJwt().getJwkSetUri() != null
            || resourceServer.getJwt().getPublicKeyLocation() != null;
    ProblemSecurityHandlers problems =
        new ProblemSecurityHandlers(
            json, jwtConfigured ? new BearerTokenAuthenticationEntryPoint() : null);
    http.authenticationProvider(
        passwordChecks(users, passwordEncoder, throttle, systemUsername, systemPassword));
    // no parent manager: after a refused check (wrong, locked, disabled) Spring would otherwise ask
    // the global one, a plain bcrypt check without throttle, which would let a locked user in
    http.getSharedObject(AuthenticationManagerBuilder.class).parentAuthenticationManager(null);
    http.csrf(csrf -> csrf.disable())
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .authorizeHttpRequests(
            auth ->
                auth.requestMatchers("/error")
                    .permitAll()
                    .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info")
                    .permitAll()
                    .requestMatchers(
                        "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**")
                    .permitAll()
                    // a provider admin, or a scraper with the configured token
                    .requestMatchers("/actuator/prometheus")
                    .access(metricsScrapeAccess)
                    .requestMatchers("/v2/**", "/actuator/**")
                    .hasRole("SP_ADMIN")
                    // anything else needs a signed-in user; an address nothing serves is then a
                    // 404 problem, not a 403 that would hide the mistake
                    .anyRequest()
                    .authenticated())
        .httpBasic(basic -> basic.authenticationEntryPoint(problems))
        .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems));
    if (jwtConfigured) {
      http.oauth2ResourceServer(
          oauth ->
              oauth
                  .authenticationEntryPoint(problems)
                  .accessDeniedHandler(problems)
                  .jwt(
                      jwt ->
                          jwt.jwtAuthenticationConverter(
                              new JwtScopeConverter(roleClaim, opcoClaim, tenantClaim))));
    }
    return http.build();
  }
}
