package io.switchboard.api;

import io.camunda.client.CamundaClient;
import io.camunda.client.CredentialsProvider;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Lazy;
import org.springframework.core.env.Environment;

/** The API with the embedded engine, as the application assembles them, for the API suite. */
@SpringBootApplication
public class ApiTestApplication {

  /** The application gets its registry from actuator; the suite reads counters from this one. */
  @Bean
  SimpleMeterRegistry meterRegistry() {
    return new SimpleMeterRegistry();
  }

  /** Created on first use, when the random port is known; talks to /v2 as the admin. */
  @Bean(destroyMethod = "close")
  @Lazy
  CamundaClient camundaClient(
      Environment environment,
      @Value("${switchboard.security.admin.username}") String user,
      @Value("${switchboard.security.admin.password}") String password) {
    String port = environment.getRequiredProperty("local.server.port");
    return CamundaClient.newClientBuilder()
        .restAddress(URI.create("http://localhost:" + port))
        .grpcAddress(URI.create("http://localhost:" + port))
        .preferRestOverGrpc(true)
        .credentialsProvider(
            CredentialsProvider.newBasicAuthCredentialsProviderBuilder()
                .username(user)
                .password(password)
                .build())
        .build();
  }
}
