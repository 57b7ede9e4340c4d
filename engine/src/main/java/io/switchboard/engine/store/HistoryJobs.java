package io.switchboard.engine.store;

import static io.switchboard.engine.store.HistoryValues.text;

import io.switchboard.engine.state.Job;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The jobs part of the read model: one row per job, with Camunda's job states. */
final class HistoryJobs {
  private static final String INSERT =
      "INSERT INTO engine_history_job (key_, type, worker, state, kind, listener_event_type,"
          + " retries, deadline, end_time, error_code, error_message, has_failed_with_retries_left,"
          + " is_denied, denied_reason, custom_headers, element_id, element_instance_key,"
          + " process_instance_key, process_definition_key, bpmn_process_id, tenant_id) VALUES";
  private static final String VALUES =
      "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, FALSE, NULL, ?, ?, ?, ?, ?, ?, ?)";
  private static final String DELETE = "DELETE FROM engine_history_job WHERE key_ IN";
  private static final String UPDATE =
      "UPDATE engine_history_job SET worker = ?, state = ?, retries = ?, deadline = ?,"
          + " end_time = ?, error_code = ?, error_message = ?, has_failed_with_retries_left = ?"
          + " WHERE key_ = ?";
  private static final String END =
      "UPDATE engine_history_job SET state = ?, end_time = ? WHERE key_ = ?";

  /** Camunda's job states an end reason may name directly. */
  private static final Set<String> END_STATES =
      Set.of("COMPLETED", "CANCELED", "ERROR_THROWN", "FAILED", "MIGRATED", "TIMED_OUT");

  private final BulkSql sql;

  HistoryJobs(BulkSql sql) {
    this.sql = sql;
  }

  void project(List<RowChange<Job>> changes, long now, List<Runnable> writes) {
    List<Object[]> inserts = new ArrayList<>();
    List<Object[]> rewrites = new ArrayList<>();
    List<Object[]> updates = new ArrayList<>();
    List<Object[]> ends = new ArrayList<>();
    for (RowChange<Job> change : changes) {
      Job job = change.lastKnown();
      String status = change.row() != null ? state(job) : endState(change);
      Long endTime = change.row() != null ? null : now;
      if (job == null) {
        if (change.wasStored()) {
          ends.add(new Object[] {status, now, change.key()});
        }
      } else if (change.wasStored()) {
        updates.add(
            new Object[] {
              text(job.worker),
              status,
              job.retries,
              deadline(job),
              endTime,
              text(job.errorCode),
              HistoryValues.clip(job.errorMessage),
              failedWithRetriesLeft(job, status),
              job.key
            });
        rewrites.add(row(job, status, endTime));
      } else {
        inserts.add(row(job, status, endTime));
      }
    }
    sql.insert(writes, INSERT, VALUES, inserts);
    if (updates.size() == 1) {
      sql.batch(writes, UPDATE, updates);
    } else if (!updates.isEmpty()) {
      // one row per statement would cost a round trip each: replace the rows instead
      sql.in(writes, DELETE, rewrites.stream().map(row -> row[0]).toList());
      sql.insert(writes, INSERT, VALUES, rewrites);
    }
    sql.batch(writes, END, ends);
  }

  private static Object[] row(Job job, String status, Long endTime) {
    return new Object[] {
      job.key,
      text(job.type),
      text(job.worker),
      status,
      job.listenerEventType == null ? "BPMN_ELEMENT" : "EXECUTION_LISTENER",
      job.listenerEventType == null ? "UNSPECIFIED" : job.listenerEventType,
      job.retries,
      deadline(job),
      endTime,
      text(job.errorCode),
      HistoryValues.clip(job.errorMessage),
      failedWithRetriesLeft(job, status),
      JdbcEngineStore.write(job.customHeaders),
      text(job.elementId),
      job.elementInstanceKey,
      job.processInstanceKey,
      job.processDefinitionKey,
      text(job.bpmnProcessId),
      text(job.tenantId)
    };
  }

  /**
   * Camunda names a job's state after its last lifecycle event and has no "activated" state: a job
   * handed to a worker is still CREATED, and one that failed stays FAILED while it retries.
   */
  static String state(Job job) {
    return switch (job.state) {
      case FAILED -> "FAILED";
      case ERROR_THROWN -> "ERROR_THROWN";
      case ACTIVATABLE, ACTIVATED -> job.errorMessage != null ? "FAILED" : "CREATED";
    };
  }

  private static String endState(RowChange<Job> change) {
    String reason = change.ended() == null ? null : change.ended().reason();
    return reason != null && END_STATES.contains(reason) ? reason : "CANCELED";
  }

  private static boolean failedWithRetriesLeft(Job job, String status) {
    return "FAILED".equals(status) && job.retries > 0;
  }

  private static Long deadline(Job job) {
    return job.deadline < 0 ? null : job.deadline;
  }
}
