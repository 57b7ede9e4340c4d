package io.switchboard.engine.store;

import static io.switchboard.engine.store.HistoryValues.text;

import io.switchboard.engine.state.MessageSubscription;
import java.util.ArrayList;
import java.util.List;

/**
 * The message subscriptions part of the read model: CREATED while open, CORRELATED once an
 * interrupting delivery ended it (a non-interrupting one is CORRELATED while it stays open), else
 * DELETED. Signal subscriptions are not message subscriptions and stay out.
 */
final class HistorySubscriptions {
  private static final String INSERT =
      "INSERT INTO engine_history_message_subscription (key_, process_instance_key, element_id,"
          + " element_instance_key, state, last_updated, message_name, correlation_key,"
          + " tenant_id) VALUES";
  private static final String VALUES = "(?, ?, ?, ?, ?, ?, ?, ?, ?)";
  private static final String UPDATE =
      "UPDATE engine_history_message_subscription SET state = ?, last_updated = ? WHERE key_ = ?";

  private final BulkSql sql;

  HistorySubscriptions(BulkSql sql) {
    this.sql = sql;
  }

  void project(List<RowChange<MessageSubscription>> changes, long now, List<Runnable> writes) {
    List<Object[]> inserts = new ArrayList<>();
    List<Object[]> updates = new ArrayList<>();
    for (RowChange<MessageSubscription> change : changes) {
      MessageSubscription s = change.lastKnown();
      if (s == null || s.signal) {
        continue;
      }
      String state = state(s, change.row() == null);
      if (change.wasStored()) {
        updates.add(new Object[] {state, now, change.key()});
      } else {
        inserts.add(
            new Object[] {
              s.key,
              s.processInstanceKey,
              text(s.catchElementId),
              s.elementInstanceKey,
              state,
              now,
              text(s.messageName),
              HistoryValues.clip(s.correlationKey, 255),
              text(s.tenantId)
            });
      }
    }
    sql.insert(writes, INSERT, VALUES, inserts);
    sql.batch(writes, UPDATE, updates);
  }

  private static String state(MessageSubscription s, boolean ended) {
    if (!ended) {
      return s.correlated ? "CORRELATED" : "CREATED";
    }
    return s.correlated && s.interrupting ? "CORRELATED" : "DELETED";
  }
}
