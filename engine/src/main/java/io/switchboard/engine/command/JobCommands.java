package io.switchboard.engine.command;

import io.camunda.client.protocol.rest.JobChangeset;
import io.camunda.client.protocol.rest.JobCompletionRequest;
import io.camunda.client.protocol.rest.JobErrorRequest;
import io.camunda.client.protocol.rest.JobFailRequest;
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
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * What a worker does with an activated job: complete it, fail it (retries, back-off, an incident
 * when none are left), throw a BPMN error, or change its retries and timeout. Activation is in
 * {@link JobActivation}, deadlines and back-off in {@link JobTimeouts}.
 */
public final class JobCommands {
  private final CommandProcessor processor;
  private final EngineState state;
  private final ProcessExecutor executor;
  private final WaitStates waitStates;
  private final IncidentRaiser incidents;
  private final JobTimeouts timeouts;
  private final JobActivation activation;

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
    this.timeouts = new JobTimeouts(processor, waitStates);
    this.activation = new JobActivation(processor, waitStates, timeouts);
  }

  /** Job activation with long polling. */
  public JobActivation activation() {
    return activation;
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
            timeouts.scheduleRecurrence(job);
          } else if (retries > 0) {
            timeouts.makeActivatable(job);
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
            timeouts.scheduleDeadline(job);
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
    timeouts.makeActivatable(job);
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
