package io.switchboard.engine.command;

import io.switchboard.engine.execution.WaitStates;
import io.switchboard.engine.processor.CommandProcessor;
import io.switchboard.engine.state.EngineState;
import io.switchboard.engine.state.Job;
import java.util.List;

/**
 * The clock side of a job's life: an activated job whose deadline passes, and a failed job whose
 * retry back-off ends, becomes activatable again; both are scheduled again after a restart.
 */
final class JobTimeouts {
  private final CommandProcessor processor;
  private final EngineState state;
  private final WaitStates waitStates;

  JobTimeouts(CommandProcessor processor, WaitStates waitStates) {
    this.processor = processor;
    this.state = processor.state();
    this.waitStates = waitStates;
    processor.onLoad(this::rescheduleAfterLoad);
  }

  void scheduleDeadline(Job job) {
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

  void scheduleRecurrence(Job job) {
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

  void makeActivatable(Job job) {
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
}
