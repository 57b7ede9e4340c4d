package io.switchboard.api;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import io.switchboard.inventory.InventoryConfiguration;
import org.springdoc.core.models.GroupedOpenApi;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** The admin REST API under /api/v1, documented at /v3/api-docs and /swagger-ui.html. */
@Configuration
@ComponentScan
@Import(InventoryConfiguration.class)
@OpenAPIDefinition(
    info =
        @Info(
            title = "Switchboard API",
            version = "v1",
            description = "Tenancy, sites, devices, catalogue and operations"),
    security = {@SecurityRequirement(name = "basic"), @SecurityRequirement(name = "bearer")})
@SecurityScheme(name = "basic", type = SecuritySchemeType.HTTP, scheme = "basic")
@SecurityScheme(
    name = "bearer",
    type = SecuritySchemeType.HTTP,
    scheme = "bearer",
    bearerFormat = "JWT")
public class ApiConfiguration {
  /** The admin API, the resource the console and scripts use. */
  @Bean
  public GroupedOpenApi adminApi() {
    return GroupedOpenApi.builder().group("admin").pathsToMatch("/api/v1/**").build();
  }

  /** What devices call: phone-home and signed image links. */
  @Bean
  public GroupedOpenApi deviceApi() {
    return GroupedOpenApi.builder()
        .group("devices")
        .pathsToMatch("/restconf/**", "/device-images/**", "/vnf-images/**")
        .build();
  }

  /** The embedded engine's Camunda 8 REST API, apart from Switchboard's own. */
  @Bean
  public GroupedOpenApi engineApi() {
    return GroupedOpenApi.builder().group("camunda-engine").pathsToMatch("/v2/**").build();
  }
}
