package io.switchboard.api.security;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.security.oauth2.resource.OAuth2ResourceServerProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;

/**
 * Who may call what. Nothing is anonymous but health, the API documentation and the device
 * phone-home endpoint (devices authenticate there with their serial and activation secret). Users
 * authenticate with HTTP Basic (local users) or, when an issuer is configured, with an OIDC JWT.
 * The embedded engine's Camunda API ({@code /v2}) is for provider administrators and the
 * application's own system account.
 */
@Configuration
public class SecurityConfiguration {

  @Bean
  PasswordEncoder passwordEncoder() {
    return new BCryptPasswordEncoder();
  }

  /**
   * Devices authenticate themselves in the phone-home controller (serial and activation secret in
   * an HTTP Basic header), so no user authentication may run on these paths.
   */
  @Bean
  @org.springframework.core.annotation.Order(1)
  SecurityFilterChain phoneHomeSecurity(HttpSecurity http) throws Exception {
    return http.securityMatcher("/restconf/**", "/device-images/**")
        .csrf(csrf -> csrf.disable())
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
        .build();
  }

  @Bean
  @org.springframework.core.annotation.Order(2)
  SecurityFilterChain apiSecurity(
      HttpSecurity http,
      LocalUserDetailsService users,
      PasswordEncoder passwordEncoder,
      OAuth2ResourceServerProperties resourceServer,
      @Value("${switchboard.security.jwt.role-claim:switchboard_role}") String roleClaim,
      @Value("${switchboard.security.jwt.opco-claim:opco_id}") String opcoClaim,
      @Value("${switchboard.security.jwt.tenant-claim:tenant_id}") String tenantClaim)
      throws Exception {
    org.springframework.security.authentication.dao.DaoAuthenticationProvider passwords =
        new org.springframework.security.authentication.dao.DaoAuthenticationProvider(users);
    passwords.setPasswordEncoder(passwordEncoder);
    http.authenticationProvider(
        new CachingPasswordAuthentication(passwords, java.time.Clock.systemUTC()));
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
                    .requestMatchers("/v2/**")
                    .hasRole("SP_ADMIN")
                    .requestMatchers("/api/**")
                    .authenticated()
                    .anyRequest()
                    .denyAll())
        .httpBasic(
            basic ->
                basic.authenticationEntryPoint(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED)))
        .exceptionHandling(
            e -> e.authenticationEntryPoint(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED)));
    boolean jwtConfigured =
        resourceServer.getJwt().getIssuerUri() != null
            || resourceServer.getJwt().getJwkSetUri() != null
            || resourceServer.getJwt().getPublicKeyLocation() != null;
    if (jwtConfigured) {
      http.oauth2ResourceServer(
          oauth ->
              oauth.jwt(
                  jwt ->
                      jwt.jwtAuthenticationConverter(
                          new JwtScopeConverter(roleClaim, opcoClaim, tenantClaim))));
    }
    return http.build();
  }
}
