package io.switchboard.ops.benchmark;

import io.camunda.client.CamundaClient;
import io.camunda.client.CredentialsProvider;
import io.camunda.client.api.response.PartitionBrokerHealth;
import io.camunda.client.api.response.Topology;
import io.camunda.client.impl.NoopCredentialsProvider;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** Builds the official client for the engine's REST API and waits for the engine to be up. */
final class Clients {
  private Clients() {}

  /**
   * A REST client for {@code --address} (default http://localhost:8080). With a password ({@code
   * --password}, else the environment's SWITCHBOARD_ADMIN_PASSWORD) it authenticates with HTTP
   * Basic as {@code --username} (default admin), as Switchboard's /v2 API requires.
   */
  static CamundaClient rest(Args args, int maxHttpConnections, int workerThreads) {
    URI uri = URI.create(args.string("address", "http://localhost:8080"));
    String password =
        args.string("password", System.getenv().getOrDefault("SWITCHBOARD_ADMIN_PASSWORD", ""));
    CredentialsProvider credentials =
        password.isEmpty()
            ? new NoopCredentialsProvider()
            : CredentialsProvider.newBasicAuthCredentialsProviderBuilder()
                .username(args.string("username", "admin"))
                .password(password)
                .applyEnvironmentOverrides(false)
                .build();
    return CamundaClient.newClientBuilder()
        .restAddress(uri)
        .credentialsProvider(credentials)
        // never dialled: REST is preferred and job streaming (gRPC only) stays off
        .grpcAddress(uri)
        .preferRestOverGrpc(true)
        .defaultJobWorkerStreamEnabled(false)
        .maxHttpConnections(maxHttpConnections)
        .numJobWorkerExecutionThreads(workerThreads)
        .defaultRequestTimeout(Duration.ofSeconds(30))
        .build();
  }

  /** Polls the topology until the one partition reports healthy, or fails after {@code timeout}. */
  static void awaitHealthy(CamundaClient client, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    String last = "no answer yet";
    while (System.nanoTime() < deadline) {
      try {
        Topology topology = client.newTopologyRequest().send().join(5, TimeUnit.SECONDS);
        boolean healthy =
            topology.getBrokers().stream()
                .flatMap(b -> b.getPartitions().stream())
                .anyMatch(p -> p.getHealth() == PartitionBrokerHealth.HEALTHY);
        if (healthy) {
          return;
        }
        last = "partition not healthy";
      } catch (RuntimeException e) {
        last = e.getMessage();
      }
      Thread.sleep(250);
    }
    throw new IllegalStateException(
        "The engine did not become healthy within " + timeout + ": " + last);
  }

  /** The innermost cause's class and message: what an operator needs from a failed call. */
  static String rootMessage(Throwable failure) {
    Throwable cause = failure;
    while (cause.getCause() != null && cause.getCause() != cause) {
      cause = cause.getCause();
    }
    String message = cause.getMessage() == null ? "" : cause.getMessage();
    int newline = message.indexOf('\n');
    return cause.getClass().getSimpleName()
        + ": "
        + (newline > 0 ? message.substring(0, newline) : message);
  }
}
