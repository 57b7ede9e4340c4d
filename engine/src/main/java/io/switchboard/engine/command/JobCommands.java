package io.switchboard.engine.command;

import io.camunda.client.protocol.rest.ActivatedJobResult;
import io.camunda.client.protocol.rest.JobActivationRequest;
import io.camunda.client.protocol.rest.JobActivationResult;
import io.camunda.client.protocol.rest.JobChangeset;
import io.camunda.client.protocol.rest.JobCompletionRequest;
import io.camunda.client.protocol.rest.JobErrorRequest;
import io.camunda.client.protocol.rest.JobFailRequest;
import io.camunda.client.protocol.rest.JobKindEnum;
import io.camunda.client.protocol.rest.JobListenerEventTypeEnum;
import io.switchboard.engine.execution.IncidentRaiser;
import io.switchboard.engine.execution.ProcessExecutor;
import io.switchboard.engine.execution.WaitStates;
import io.switchboard.engine.model.FlowNode;
import io.switchboard.engine.processor.CommandProcessor;
import io.switchboard.engine.processor.EngineException;
import io.switchboard.engine.state.ElementInstance;
import io.switchboard.engine.state.EngineState;
import io.switchboard.engine.state.Incident;
import io.switchboard.engine.state.Job;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** Job activation with long polling, completion, failure with retries and back-off, BPMN errors. */
public final class JobCommands {
  private static final long DEFAULT_LONG_POLL_MS = 10_000;

  private final CommandProcessor processor;
  private final EngineState state;
  private final ProcessExecutor executor;
  private final WaitStates waitStates;
  private final IncidentRaiser incidents;
  private final JobActivationWaiters waiters = new JobActivationWaiters();

  public JobCommands(
      CommandProcessor processor,
      ProcessExecutor executor,
      WaitStates waitStates,
      IncidentRaiser incidents) {
    this.processor = processor;
    this.state = processor.state();
    this.executor = executor;
    this.waitStates = waitStates;
    this.incidents = incidents;
    waitStates.setJobAvailableListener(this::serveWaiters);
    processor.onLoad(this::rescheduleAfterLoad);
  }

  // ---- activation

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
              makeActivatable(job);
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
      scheduleDeadline(job);
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

  private void scheduleDeadline(Job job) {
    long key = job.key;
    long deadline = job.deadline;
    processor.schedule(
        deadline,
        () -> {
          Job current = state.jobs.get(key);
          if (current != null
              && current.state == Job.State.ACTIVATED
              && current.deadline == deadline) {
            makeActivatable(current);
          }
        });
  }

  private void scheduleRecurrence(Job job) {
    long key = job.key;
    long recurAt = job.recurAt;
    processor.schedule(
        recurAt,
        () -> {
          Job current = state.jobs.get(key);
          if (current != null && current.state == Job.State.FAILED && current.recurAt == recurAt) {
            makeActivatable(current);
          }
        });
  }

  private void makeActivatable(Job job) {
    job.state = Job.State.ACTIVATABLE;
    job.deadline = -1;
    job.recurAt = -1;
    job.worker = null;
    state.putJob(job);
    waitStates.jobAvailable(job.type);
  }

  private void rescheduleAfterLoad() {
    for (Job job : List.copyOf(state.jobs.all())) {
      if (job.state == Job.State.ACTIVATED) {
        scheduleDeadline(job);
      } else if (job.state == Job.State.FAILED && job.retries > 0 && job.recurAt > 0) {
        scheduleRecurrence(job);
      }
    }
  }

  // ---- completion, failure, errors

  public CompletableFuture<Void> complete(String jobKey, JobCompletionRequest request) {
    long key = Keys.parse(jobKey, "jobKey");
    if (request != null && request.getResult() != null) {
      // a job result (task listener corrections or denial, ad-hoc activation) has no listener or
      // ad-hoc subprocess to act on here: refuse it rather than complete as if it were absent
      throw EngineException.invalidArgument(
          "The field 'result' of a job completion is not supported by this engine");
    }
    return processor.submit(
        reply -> {
          Job job = existing(key, "complete");
          requireState(job, "complete", Job.State.ACTIVATABLE, Job.State.ACTIVATED);
          ElementInstance instance = state.elementInstances.get(job.elementInstanceKey);
          FlowNode node = executor.model(instance).node(instance.elementId);
          state.removeJob(job.key, "COMPLETED");
          instance.jobKey = -1;
          Map<String, Object> variables = request == null ? null : request.getVariables();
          if (job.listenerEventType != null) {
            executor.listenerJobCompleted(job, instance, variables);
            executor.drain();
            processor.reply(reply, null);
            return;
          }
          if (variables != null) {
            if (node.hasOutputMappings()) {
              executor.variables().setLocal(instance, variables);
            } else {
              executor.variables().propagate(instance.key, variables);
            }
          }
          executor.complete(instance, node.outgoing);
          executor.drain();
          processor.reply(reply, null);
        });
  }

  public CompletableFuture<Void> fail(String jobKey, JobFailRequest request) {
    long key = Keys.parse(jobKey, "jobKey");
    int retries = request.getRetries() == null ? 0 : request.getRetries();
    long backOff = request.getRetryBackOff() == null ? 0 : request.getRetryBackOff();
    if (backOff < 0) {
      throw EngineException.invalidArgument(
          "Expected retryBackOff to be zero or more, but it was " + backOff);
    }
    return processor.submit(
        reply -> {
          Job job = existing(key, "fail");
          requireState(job, "fail", Job.State.ACTIVATED);
          ElementInstance instance = state.elementInstances.get(job.elementInstanceKey);
          executor.variables().setLocal(instance, request.getVariables());
          job.retries = retries;
          job.errorMessage = request.getErrorMessage();
          job.worker = null;
          job.deadline = -1;
          if (retries > 0 && backOff > 0) {
            job.state = Job.State.FAILED;
            job.recurAt = processor.now() + backOff;
            state.putJob(job);
            scheduleRecurrence(job);
          } else if (retries > 0) {
            makeActivatable(job);
          } else {
            job.state = Job.State.FAILED;
            job.recurAt = -1;
            state.putJob(job);
            String message =
                job.errorMessage == null || job.errorMessage.isBlank()
                    ? "No more retries left."
                    : job.errorMessage;
            String errorType =
                job.listenerEventType != null ? "EXECUTION_LISTENER_NO_RETRIES" : "JOB_NO_RETRIES";
            incidents.raise(instance, errorType, message, Incident.RetryAction.JOB, job.key);
          }
          processor.reply(reply, null);
        });
  }

  public CompletableFuture<Void> throwError(String jobKey, JobErrorRequest request) {
    long key = Keys.parse(jobKey, "jobKey");
    if (request.getErrorCode() == null || request.getErrorCode().isBlank()) {
      throw EngineException.invalidArgument("Expected an errorCode, but none was given");
    }
    return processor.submit(
        reply -> {
          Job job = existing(key, "throw an error for");
          requireState(job, "throw an error for", Job.State.ACTIVATABLE, Job.State.ACTIVATED);
          if (job.listenerEventType != null) {
            throw EngineException.invalidState(
                "Expected to throw an error for job with key '"
                    + key
                    + "', but it is an execution listener job; throwing a BPMN error from an"
                    + " execution listener is not supported");
          }
          ElementInstance instance = state.elementInstances.get(job.elementInstanceKey);
          Map<String, Object> variables =
              request.getVariables() == null ? Map.of() : request.getVariables();
          if (waitStates.throwError(
              instance, request.getErrorCode(), request.getErrorMessage(), variables)) {
            executor.drain();
          } else {
            job.state = Job.State.ERROR_THROWN;
            job.errorCode = request.getErrorCode();
            job.errorMessage = request.getErrorMessage();
            job.deadline = -1;
            state.putJob(job);
            incidents.raise(
                instance,
                "UNHANDLED_ERROR_EVENT",
                "Expected to throw an error event with the code '"
                    + request.getErrorCode()
                    + "'"
                    + (request.getErrorMessage() == null || request.getErrorMessage().isBlank()
                        ? ""
                        : " with message '" + request.getErrorMessage() + "'")
                    + ", but it was not caught. No error events are available in the scope.",
                Incident.RetryAction.JOB,
                job.key);
          }
          processor.reply(reply, null);
        });
  }

  public CompletableFuture<Void> update(String jobKey, JobChangeset changeset) {
    long key = Keys.parse(jobKey, "jobKey");
    if (changeset == null || (changeset.getRetries() == null && changeset.getTimeout() == null)) {
      throw EngineException.invalidArgument(
          "Expected a changeset with retries or timeout, but none was given");
    }
    if (changeset.getRetries() != null && changeset.getRetries() < 1) {
      throw EngineException.invalidArgument(
          "Expected retries to be greater than zero, but it was " + changeset.getRetries());
    }
    return processor.submit(
        reply -> {
          Job job = existing(key, "update");
          if (changeset.getRetries() != null) {
            job.retries = changeset.getRetries();
          }
          if (changeset.getTimeout() != null && job.state == Job.State.ACTIVATED) {
            job.deadline = processor.now() + changeset.getTimeout();
            scheduleDeadline(job);
          }
          state.putJob(job);
          processor.reply(reply, null);
        });
  }

  /** Resolution of a job incident: the job is activatable again if it has retries. */
  void resolveJobIncident(Incident incident) {
    Job job = state.jobs.get(incident.jobKey);
    if (job == null) {
      return;
    }
    if (job.state == Job.State.FAILED && job.retries <= 0) {
      throw EngineException.invalidState(
          "Expected to resolve incident with key '"
              + incident.key
              + "', but job with key '"
              + job.key
              + "' has no retries left; update its retries first");
    }
    makeActivatable(job);
  }

  private Job existing(long key, String action) {
    Job job = state.jobs.get(key);
    if (job == null) {
      throw EngineException.notFound(
          "Expected to " + action + " job with key '" + key + "', but no such job was found");
    }
    return job;
  }

  private static void requireState(Job job, String action, Job.State... allowed) {
    for (Job.State s : allowed) {
      if (job.state == s) {
        return;
      }
    }
    throw EngineException.invalidState(
        "Expected to "
            + action
            + " job with key '"
            + job.key
            + "', but it is in state '"
            + job.state
            + "'");
  }
}
