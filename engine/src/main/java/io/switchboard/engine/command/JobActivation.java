package io.switchboard.engine.command;

import io.camunda.client.protocol.rest.ActivatedJobResult;
import io.camunda.client.protocol.rest.JobActivationRequest;
import io.camunda.client.protocol.rest.JobActivationResult;
import io.camunda.client.protocol.rest.JobKindEnum;
import io.camunda.client.protocol.rest.JobListenerEventTypeEnum;
import io.switchboard.engine.execution.WaitStates;
import io.switchboard.engine.processor.CommandProcessor;
import io.switchboard.engine.processor.EngineException;
import io.switchboard.engine.state.EngineState;
import io.switchboard.engine.state.Job;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Job activation ({@code /v2/jobs/activation}) with long polling: a request that finds no job is
 * parked until a job of its type becomes activatable or its hold time ends.
 */
public final class JobActivation {
  private static final long DEFAULT_LONG_POLL_MS = 10_000;

  private final CommandProcessor processor;
  private final EngineState state;
  private final JobTimeouts timeouts;
  private final JobActivationWaiters waiters = new JobActivationWaiters();

  JobActivation(CommandProcessor processor, WaitStates waitStates, JobTimeouts timeouts) {
    this.processor = processor;
    this.state = processor.state();
    this.timeouts = timeouts;
    waitStates.setJobAvailableListener(this::serveWaiters);
  }

  public CompletableFuture<JobActivationResult> activate(JobActivationRequest request) {
    if (request.getType() == null || request.getType().isBlank()) {
      throw EngineException.invalidArgument("Expected a job type to activate, but none was given");
    }
    if (request.getMaxJobsToActivate() == null || request.getMaxJobsToActivate() < 1) {
      throw EngineException.invalidArgument(
          "Expected maxJobsToActivate to be greater than zero, but it was "
              + request.getMaxJobsToActivate());
    }
    if (request.getTimeout() == null || request.getTimeout() < 1) {
      throw EngineException.invalidArgument(
          "Expected timeout to be greater than zero, but it was " + request.getTimeout());
    }
    List<String> tenants =
        request.getTenantIds() == null || request.getTenantIds().isEmpty()
            ? List.of(Keys.DEFAULT_TENANT)
            : request.getTenantIds();
    JobActivationWaiters.Waiter waiter =
        new JobActivationWaiters.Waiter(
            request.getType(),
            request.getWorker() == null ? "" : request.getWorker(),
            request.getTimeout(),
            request.getMaxJobsToActivate(),
            request.getFetchVariable(),
            tenants,
            new CompletableFuture<>());
    Long requestTimeout = request.getRequestTimeout();
    long longPoll = holdTime(requestTimeout);
    return processor.submit(
        reply -> {
          List<ActivatedJobResult> jobs = activateFor(waiter);
          if (!jobs.isEmpty() || longPoll < 0) {
            processor.reply(reply, new JobActivationResult().jobs(jobs));
            return;
          }
          JobActivationWaiters.Waiter parked =
              new JobActivationWaiters.Waiter(
                  waiter.type(),
                  waiter.worker(),
                  waiter.timeout(),
                  waiter.maxJobs(),
                  waiter.fetchVariables(),
                  waiter.tenantIds(),
                  reply);
          waiters.park(parked);
          processor.scheduleRequestTimeout(
              longPoll,
              () -> {
                if (waiters.remove(parked)) {
                  processor.reply(reply, new JobActivationResult().jobs(new ArrayList<>()));
                }
              });
        });
  }

  /**
   * How long an activation request waits for jobs. The client gives up on the HTTP request shortly
   * after its request timeout; a job handed to a request the client has just abandoned would sit
   * activated until its job timeout. Answering at half the request timeout keeps the answer well
   * inside the client's patience even on a busy machine.
   */
  static long holdTime(Long requestTimeout) {
    long requested =
        requestTimeout == null || requestTimeout == 0 ? DEFAULT_LONG_POLL_MS : requestTimeout;
    return requested > 2_000 ? requested / 2 : requested;
  }

  /**
   * Jobs whose activation answer never reached the worker (it had hung up) go back to the queue at
   * once, instead of waiting out their job timeout.
   */
  public CompletableFuture<Void> giveBack(JobActivationResult undelivered) {
    List<Long> keys = new ArrayList<>();
    if (undelivered != null && undelivered.getJobs() != null) {
      undelivered.getJobs().forEach(j -> keys.add(Long.parseLong(j.getJobKey())));
    }
    return processor.submit(
        reply -> {
          for (Long key : keys) {
            Job job = state.jobs.get(key);
            if (job != null && job.state == Job.State.ACTIVATED) {
              timeouts.makeActivatable(job);
            }
          }
          processor.reply(reply, null);
        });
  }

  private List<ActivatedJobResult> activateFor(JobActivationWaiters.Waiter waiter) {
    // pick first, then change: activating removes the job from the queue being walked
    List<Job> picked = new ArrayList<>();
    for (Long key : state.activatableJobs(waiter.type())) {
      if (picked.size() >= waiter.maxJobs()) {
        break;
      }
      Job job = state.jobs.get(key);
      if (waiter.tenantIds().contains(job.tenantId)) {
        picked.add(job);
      }
    }
    List<ActivatedJobResult> activated = new ArrayList<>(picked.size());
    for (Job job : picked) {
      job.state = Job.State.ACTIVATED;
      job.worker = waiter.worker();
      job.deadline = processor.now() + waiter.timeout();
      state.putJob(job);
      timeouts.scheduleDeadline(job);
      activated.add(toResult(job, waiter.fetchVariables()));
    }
    return activated;
  }

  private void serveWaiters(String type) {
    Iterator<JobActivationWaiters.Waiter> it = waiters.waiting(type);
    while (it.hasNext() && !state.activatableJobs(type).isEmpty()) {
      JobActivationWaiters.Waiter waiter = it.next();
      List<ActivatedJobResult> jobs = activateFor(waiter);
      if (!jobs.isEmpty()) {
        it.remove();
        processor.reply(waiter.reply(), new JobActivationResult().jobs(jobs));
      }
    }
  }

  private ActivatedJobResult toResult(Job job, List<String> fetchVariables) {
    Map<String, Object> visible = state.visibleVariables(job.elementInstanceKey);
    Map<String, Object> variables = new LinkedHashMap<>();
    visible.forEach(
        (name, value) -> {
          if (fetchVariables == null || fetchVariables.isEmpty() || fetchVariables.contains(name)) {
            variables.put(name, value);
          }
        });
    return new ActivatedJobResult()
        .jobKey(String.valueOf(job.key))
        .type(job.type)
        .processDefinitionId(job.bpmnProcessId)
        .processDefinitionVersion(job.version)
        .processDefinitionKey(String.valueOf(job.processDefinitionKey))
        .processInstanceKey(String.valueOf(job.processInstanceKey))
        .elementId(job.elementId)
        .elementInstanceKey(String.valueOf(job.elementInstanceKey))
        .customHeaders(new LinkedHashMap<>(job.customHeaders))
        .worker(job.worker)
        .retries(job.retries)
        .deadline(job.deadline)
        .variables(variables)
        .tenantId(job.tenantId)
        .kind(
            job.listenerEventType == null
                ? JobKindEnum.BPMN_ELEMENT
                : JobKindEnum.EXECUTION_LISTENER)
        .listenerEventType(
            job.listenerEventType == null
                ? JobListenerEventTypeEnum.UNSPECIFIED
                : JobListenerEventTypeEnum.fromValue(job.listenerEventType))
        .tags(new HashSet<>());
  }
}
