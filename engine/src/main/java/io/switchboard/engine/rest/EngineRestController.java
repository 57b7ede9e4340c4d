package io.switchboard.engine.rest;

import io.camunda.client.protocol.rest.BrokerInfo;
import io.camunda.client.protocol.rest.CreateProcessInstanceResult;
import io.camunda.client.protocol.rest.DeploymentResult;
import io.camunda.client.protocol.rest.IncidentResult;
import io.camunda.client.protocol.rest.JobCompletionRequest;
import io.camunda.client.protocol.rest.JobErrorRequest;
import io.camunda.client.protocol.rest.JobFailRequest;
import io.camunda.client.protocol.rest.JobUpdateRequest;
import io.camunda.client.protocol.rest.MessageCorrelationRequest;
import io.camunda.client.protocol.rest.MessageCorrelationResult;
import io.camunda.client.protocol.rest.MessagePublicationRequest;
import io.camunda.client.protocol.rest.MessagePublicationResult;
import io.camunda.client.protocol.rest.Partition;
import io.camunda.client.protocol.rest.ProcessInstanceCreationInstruction;
import io.camunda.client.protocol.rest.SetVariableRequest;
import io.camunda.client.protocol.rest.TopologyResponse;
import io.switchboard.engine.Engine;
import io.switchboard.engine.command.DeploymentCommands;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * The part of the Camunda 8 Orchestration Cluster REST API ({@code /v2}) that the official Java
 * client calls. Every write answers only after the engine made it durable; long polls and awaited
 * results answer asynchronously without holding a servlet thread.
 */
@RestController
@RequestMapping(
    path = "${switchboard.engine.base-path:/v2}",
    produces = MediaType.APPLICATION_JSON_VALUE)
public class EngineRestController {
  private final Engine engine;
  private final String version;

  public EngineRestController(Engine engine) {
    this.engine = engine;
    String v = Engine.class.getPackage().getImplementationVersion();
    this.version = v == null ? "8.8.0" : v;
  }

  @GetMapping("/topology")
  public TopologyResponse topology() {
    Partition partition =
        new Partition()
            .partitionId(1)
            .role(Partition.RoleEnum.LEADER)
            .health(engine.isRunning() ? Partition.HealthEnum.HEALTHY : Partition.HealthEnum.DEAD);
    BrokerInfo broker =
        new BrokerInfo()
            .nodeId(0)
            .host("embedded")
            .port(0)
            .version(version)
            .partitions(new ArrayList<>(List.of(partition)));
    return new TopologyResponse()
        .brokers(new ArrayList<>(List.of(broker)))
        .clusterSize(1)
        .partitionsCount(1)
        .replicationFactor(1)
        .gatewayVersion(version);
  }

  @PostMapping(path = "/deployments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  public CompletableFuture<DeploymentResult> deploy(
      @RequestPart(name = "resources", required = false) List<MultipartFile> resources,
      @RequestParam(name = "tenantId", required = false) String tenantId) {
    List<DeploymentCommands.Resource> files = new ArrayList<>();
    if (resources != null) {
      for (MultipartFile file : resources) {
        try {
          files.add(new DeploymentCommands.Resource(file.getOriginalFilename(), file.getBytes()));
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }
    return engine.deployments().deploy(tenantId, files);
  }

  @PostMapping(path = "/process-instances", consumes = MediaType.APPLICATION_JSON_VALUE)
  public CompletableFuture<CreateProcessInstanceResult> createProcessInstance(
      @RequestBody ProcessInstanceCreationInstruction request) {
    return engine.processInstances().create(request);
  }

  @PostMapping("/process-instances/{key}/cancellation")
  public CompletableFuture<ResponseEntity<Void>> cancel(@PathVariable String key) {
    return noContent(engine.processInstances().cancel(key));
  }

  @PostMapping(path = "/messages/publication", consumes = MediaType.APPLICATION_JSON_VALUE)
  public CompletableFuture<MessagePublicationResult> publish(
      @RequestBody MessagePublicationRequest request) {
    return engine.messages().publish(request);
  }

  @PostMapping(path = "/messages/correlation", consumes = MediaType.APPLICATION_JSON_VALUE)
  public CompletableFuture<MessageCorrelationResult> correlate(
      @RequestBody MessageCorrelationRequest request) {
    return engine.messages().correlate(request);
  }

  @PostMapping(path = "/signals/broadcast", consumes = MediaType.APPLICATION_JSON_VALUE)
  public CompletableFuture<io.camunda.client.protocol.rest.SignalBroadcastResult> broadcastSignal(
      @RequestBody io.camunda.client.protocol.rest.SignalBroadcastRequest request) {
    return engine.signals().broadcast(request);
  }

  @PostMapping("/jobs/{key}/completion")
  public CompletableFuture<ResponseEntity<Void>> complete(
      @PathVariable String key, @RequestBody(required = false) JobCompletionRequest request) {
    return noContent(engine.jobs().complete(key, request));
  }

  @PostMapping("/jobs/{key}/failure")
  public CompletableFuture<ResponseEntity<Void>> fail(
      @PathVariable String key, @RequestBody(required = false) JobFailRequest request) {
    return noContent(engine.jobs().fail(key, request == null ? new JobFailRequest() : request));
  }

  @PostMapping("/jobs/{key}/error")
  public CompletableFuture<ResponseEntity<Void>> error(
      @PathVariable String key, @RequestBody JobErrorRequest request) {
    return noContent(engine.jobs().throwError(key, request));
  }

  @PatchMapping("/jobs/{key}")
  public CompletableFuture<ResponseEntity<Void>> update(
      @PathVariable String key, @RequestBody JobUpdateRequest request) {
    return noContent(engine.jobs().update(key, request.getChangeset()));
  }

  @PutMapping("/element-instances/{key}/variables")
  public CompletableFuture<ResponseEntity<Void>> setVariables(
      @PathVariable String key, @RequestBody SetVariableRequest request) {
    return noContent(engine.variables().set(key, request));
  }

  @GetMapping("/incidents/{key}")
  public CompletableFuture<IncidentResult> incident(@PathVariable String key) {
    return engine.incidents().get(key);
  }

  @PostMapping("/incidents/{key}/resolution")
  public CompletableFuture<ResponseEntity<Void>> resolveIncident(@PathVariable String key) {
    return noContent(engine.incidents().resolve(key));
  }

  private static CompletableFuture<ResponseEntity<Void>> noContent(CompletableFuture<Void> done) {
    return done.thenApply(v -> ResponseEntity.status(HttpStatus.NO_CONTENT).build());
  }
}
