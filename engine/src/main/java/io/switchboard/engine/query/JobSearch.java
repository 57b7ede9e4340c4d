package io.switchboard.engine.query;

import static io.switchboard.engine.query.FieldType.BOOLEAN;
import static io.switchboard.engine.query.FieldType.DATE;
import static io.switchboard.engine.query.FieldType.INTEGER;
import static io.switchboard.engine.query.FieldType.KEY;
import static io.switchboard.engine.query.FieldType.STRING;
import static io.switchboard.engine.query.FilterField.column;
import static io.switchboard.engine.query.FilterField.enumeration;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.client.protocol.rest.JobKindEnum;
import io.camunda.client.protocol.rest.JobListenerEventTypeEnum;
import io.camunda.client.protocol.rest.JobSearchResult;
import io.camunda.client.protocol.rest.JobStateEnum;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code POST /jobs/search}: jobs with Camunda's job states, including completed ones. */
final class JobSearch {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TypeReference<LinkedHashMap<String, String>> HEADERS =
      new TypeReference<>() {};

  static final SearchSpec<JobSearchResult> SPEC =
      new SearchSpec<>(
          "job",
          "engine_history_job j",
          "j.*",
          "j.key_",
          Map.ofEntries(
              Map.entry("jobKey", column("j.key_", KEY)),
              Map.entry("type", column("j.type", STRING)),
              Map.entry("worker", column("j.worker", STRING)),
              Map.entry(
                  "state",
                  enumeration("j.state", Rows.values(JobStateEnum.class, JobStateEnum::getValue))),
              Map.entry(
                  "kind",
                  enumeration("j.kind", Rows.values(JobKindEnum.class, JobKindEnum::getValue))),
              Map.entry(
                  "listenerEventType",
                  enumeration(
                      "j.listener_event_type",
                      Rows.values(
                          JobListenerEventTypeEnum.class, JobListenerEventTypeEnum::getValue))),
              Map.entry("retries", column("j.retries", INTEGER)),
              Map.entry("deadline", column("j.deadline", DATE)),
              Map.entry("endTime", column("j.end_time", DATE)),
              Map.entry("errorCode", column("j.error_code", STRING)),
              Map.entry("errorMessage", column("j.error_message", STRING)),
              Map.entry(
                  "hasFailedWithRetriesLeft", column("j.has_failed_with_retries_left", BOOLEAN)),
              Map.entry("isDenied", column("j.is_denied", BOOLEAN)),
              Map.entry("deniedReason", column("j.denied_reason", STRING)),
              Map.entry("elementId", column("j.element_id", STRING)),
              Map.entry("elementInstanceKey", column("j.element_instance_key", KEY)),
              Map.entry("processInstanceKey", column("j.process_instance_key", KEY)),
              Map.entry("processDefinitionKey", column("j.process_definition_key", KEY)),
              Map.entry("processDefinitionId", column("j.bpmn_process_id", STRING)),
              Map.entry("tenantId", column("j.tenant_id", STRING))),
          Map.ofEntries(
              Map.entry("jobKey", "j.key_"),
              Map.entry("type", "j.type"),
              Map.entry("worker", "j.worker"),
              Map.entry("state", "j.state"),
              Map.entry("kind", "j.kind"),
              Map.entry("listenerEventType", "j.listener_event_type"),
              Map.entry("retries", "j.retries"),
              Map.entry("deadline", "j.deadline"),
              Map.entry("endTime", "j.end_time"),
              Map.entry("errorCode", "j.error_code"),
              Map.entry("errorMessage", "j.error_message"),
              Map.entry("hasFailedWithRetriesLeft", "j.has_failed_with_retries_left"),
              Map.entry("isDenied", "j.is_denied"),
              Map.entry("deniedReason", "j.denied_reason"),
              Map.entry("elementId", "j.element_id"),
              Map.entry("elementInstanceKey", "j.element_instance_key"),
              Map.entry("processInstanceKey", "j.process_instance_key"),
              Map.entry("processDefinitionKey", "j.process_definition_key"),
              Map.entry("processDefinitionId", "j.bpmn_process_id"),
              Map.entry("tenantId", "j.tenant_id")),
          JobSearch::map);

  private JobSearch() {}

  static JobSearchResult map(ResultSet rs, int row) throws SQLException {
    return new JobSearchResult()
        .jobKey(Rows.key(rs, "key_"))
        .type(rs.getString("type"))
        .worker(rs.getString("worker"))
        .state(JobStateEnum.fromValue(rs.getString("state")))
        .kind(JobKindEnum.fromValue(rs.getString("kind")))
        .listenerEventType(JobListenerEventTypeEnum.fromValue(rs.getString("listener_event_type")))
        .retries(Rows.integer(rs, "retries"))
        .deadline(Rows.date(rs, "deadline"))
        .endTime(Rows.date(rs, "end_time"))
        .errorCode(rs.getString("error_code"))
        .errorMessage(rs.getString("error_message"))
        .hasFailedWithRetriesLeft(rs.getBoolean("has_failed_with_retries_left"))
        .isDenied(rs.getBoolean("is_denied"))
        .deniedReason(rs.getString("denied_reason"))
        .customHeaders(headers(rs.getString("custom_headers")))
        .elementId(rs.getString("element_id"))
        .elementInstanceKey(Rows.key(rs, "element_instance_key"))
        .processInstanceKey(Rows.key(rs, "process_instance_key"))
        .processDefinitionKey(Rows.key(rs, "process_definition_key"))
        .processDefinitionId(rs.getString("bpmn_process_id"))
        .tenantId(rs.getString("tenant_id"));
  }

  private static Map<String, String> headers(String json) {
    if (json == null) {
      return new LinkedHashMap<>();
    }
    try {
      return JSON.readValue(json, HEADERS);
    } catch (JsonProcessingException e) {
      return new LinkedHashMap<>();
    }
  }
}
