package io.switchboard.console.security;

import io.switchboard.api.security.LocalUserDetailsService;
import io.switchboard.api.security.SecurityConfiguration;
import io.switchboard.api.security.SignInThrottle;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.authentication.builders.AuthenticationManagerBuilder;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;

/**
 * The console's own filter chain, ahead of the API's: a sign-in form with a session and CSRF
 * protection for the console's paths, the same users, passwords and sign-in throttle as the API
 * (which keeps HTTP Basic and bearer tokens, without a session). Signing out ends the session. With
 * an OIDC client registration configured ({@code spring.security.oauth2.client.registration.*}),
 * the form also offers OIDC sign-in ({@link OidcSignIn}).
 */
@Configuration
public class ConsoleSecurityConfiguration {
  static final String LOGIN = "/console/login";

  /** Where the sign-in form's OIDC link starts: {@code /console/oauth2/authorization/{id}}. */
  static final String OIDC_AUTHORIZATION = "/console/oauth2/authorization";

  @Bean
  @Order(0)
  SecurityFilterChain consoleSecurity(
      HttpSecurity http,
      LocalUserDetailsService users,
      PasswordEncoder passwordEncoder,
      SignInThrottle throttle,
      @Value("${switchboard.security.system.username:switchboard-system}") String systemUsername,
      @Value("${switchboard.security.system.password:}") String systemPassword,
      ObjectProvider<ClientRegistrationRepository> registrations,
      @Value("${switchboard.security.jwt.role-claim:switchboard_role}") String roleClaim,
      @Value("${switchboard.security.jwt.opco-claim:opco_id}") String opcoClaim,
      @Value("${switchboard.security.jwt.tenant-claim:tenant_id}") String tenantClaim)
      throws Exception {
    http.securityMatcher("/", "/console", "/console/**");
    http.authenticationProvider(
        SecurityConfiguration.passwordChecks(
            users, passwordEncoder, throttle, systemUsername, systemPassword));
    // as in the API chain: a refused check must not fall through to an unthrottled manager
    http.getSharedObject(AuthenticationManagerBuilder.class).parentAuthenticationManager(null);
    http.authorizeHttpRequests(
            auth ->
                auth.requestMatchers("/", "/console/assets/**", LOGIN)
                    .permitAll()
                    // the end of a live stream: the stream itself was authorized when it opened
                    .dispatcherTypeMatchers(jakarta.servlet.DispatcherType.ASYNC)
                    .permitAll()
                    .anyRequest()
                    .authenticated())
        .formLogin(
            form ->
                form.loginPage(LOGIN)
                    .loginProcessingUrl(LOGIN)
                    .defaultSuccessUrl("/console", false)
                    .failureUrl(LOGIN + "?error")
                    .permitAll())
        .logout(
            logout ->
                logout
                    .logoutUrl("/console/logout")
                    .logoutSuccessUrl(LOGIN + "?signedOut")
                    .invalidateHttpSession(true)
                    .clearAuthentication(true)
                    .deleteCookies("JSESSIONID"))
        .sessionManagement(
            s ->
                s.sessionCreationPolicy(SessionCreationPolicy.IF_REQUIRED)
                    .sessionFixation(f -> f.changeSessionId()))
        .headers(
            h ->
                h.contentSecurityPolicy(
                    csp ->
                        csp.policyDirectives(
                            "default-src 'self'; img-src 'self' data:; style-src 'self'"
                                + " 'unsafe-inline'; frame-ancestors 'none'; form-action 'self'")))
        .addFilterAfter(new AccountStillValid(users), BasicAuthenticationFilter.class);
    ClientRegistrationRepository oidc = registrations.getIfAvailable();
    if (oidc != null) {
      // an OIDC client registration is configured: its sign-in link is on the form as well
      OidcSignIn signIn = new OidcSignIn(roleClaim, opcoClaim, tenantClaim);
      http.oauth2Login(
          login ->
              login
                  .loginPage(LOGIN)
                  .clientRegistrationRepository(oidc)
                  .authorizationEndpoint(a -> a.baseUri(OIDC_AUTHORIZATION))
                  .redirectionEndpoint(r -> r.baseUri("/console/login/oauth2/code/*"))
                  .userInfoEndpoint(u -> u.oidcUserService(signIn.users()))
                  .successHandler(signIn.onSuccess())
                  .failureUrl(LOGIN + "?error"));
    }
    return http.build();
  }
}
