package io.switchboard.engine.query;

import static io.switchboard.engine.query.FieldType.DATE;
import static io.switchboard.engine.query.FieldType.KEY;
import static io.switchboard.engine.query.FieldType.STRING;
import static io.switchboard.engine.query.FilterField.column;
import static io.switchboard.engine.query.FilterField.enumeration;

import io.camunda.client.protocol.rest.MessageSubscriptionResult;
import io.camunda.client.protocol.rest.MessageSubscriptionStateEnum;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.Set;

/** {@code POST /message-subscriptions/search}: open and ended message subscriptions. */
final class MessageSubscriptionSearch {
  static final SearchSpec<MessageSubscriptionResult> SPEC =
      new SearchSpec<>(
          "message subscription",
          "engine_history_message_subscription m"
              + " JOIN engine_history_process_instance p ON p.key_ = m.process_instance_key",
          "m.*, p.process_definition_key, p.bpmn_process_id",
          "m.key_",
          Map.ofEntries(
              Map.entry("messageSubscriptionKey", column("m.key_", KEY)),
              Map.entry("processDefinitionId", column("p.bpmn_process_id", STRING)),
              Map.entry("processDefinitionKey", column("p.process_definition_key", KEY)),
              Map.entry("processInstanceKey", column("m.process_instance_key", KEY)),
              Map.entry("elementId", column("m.element_id", STRING)),
              Map.entry("elementInstanceKey", column("m.element_instance_key", KEY)),
              Map.entry(
                  "messageSubscriptionState",
                  enumeration("m.state", Set.of("CORRELATED", "CREATED", "DELETED", "MIGRATED"))),
              Map.entry("lastUpdatedDate", column("m.last_updated", DATE)),
              Map.entry("messageName", column("m.message_name", STRING)),
              Map.entry("correlationKey", column("m.correlation_key", STRING)),
              Map.entry("tenantId", column("m.tenant_id", STRING))),
          Map.ofEntries(
              Map.entry("messageSubscriptionKey", "m.key_"),
              Map.entry("processDefinitionId", "p.bpmn_process_id"),
              Map.entry("processInstanceKey", "m.process_instance_key"),
              Map.entry("elementId", "m.element_id"),
              Map.entry("elementInstanceKey", "m.element_instance_key"),
              Map.entry("messageSubscriptionState", "m.state"),
              Map.entry("lastUpdatedDate", "m.last_updated"),
              Map.entry("messageName", "m.message_name"),
              Map.entry("correlationKey", "m.correlation_key"),
              Map.entry("tenantId", "m.tenant_id")),
          MessageSubscriptionSearch::map);

  private MessageSubscriptionSearch() {}

  static MessageSubscriptionResult map(ResultSet rs, int row) throws SQLException {
    return new MessageSubscriptionResult()
        .messageSubscriptionKey(Rows.key(rs, "key_"))
        .processDefinitionId(rs.getString("bpmn_process_id"))
        .processDefinitionKey(Rows.key(rs, "process_definition_key"))
        .processInstanceKey(Rows.key(rs, "process_instance_key"))
        .elementId(rs.getString("element_id"))
        .elementInstanceKey(Rows.key(rs, "element_instance_key"))
        .messageSubscriptionState(MessageSubscriptionStateEnum.fromValue(rs.getString("state")))
        .lastUpdatedDate(Rows.date(rs, "last_updated"))
        .messageName(rs.getString("message_name"))
        .correlationKey(rs.getString("correlation_key"))
        .tenantId(rs.getString("tenant_id"));
  }
}
