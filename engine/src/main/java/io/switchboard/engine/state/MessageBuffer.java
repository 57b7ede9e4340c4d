package io.switchboard.engine.state;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Buffered messages (published, waiting for a subscription until their time to live ends) with
 * their lookups: by name and correlation key, oldest first, and by message id for uniqueness. Every
 * change goes through here so the indexes stay right; the rows live in {@code table}.
 */
public final class MessageBuffer {
  private final EntityTable<BufferedMessage> table;
  private final KeyIndex<String> byCorrelation = new KeyIndex<>(TreeSet::new);
  private final Map<String, Long> byMessageId = new HashMap<>();

  MessageBuffer(EntityTable<BufferedMessage> table) {
    this.table = table;
  }

  public void put(BufferedMessage message) {
    table.put(message.key, message);
    index(message);
  }

  void index(BufferedMessage message) {
    byCorrelation.add(message.correlationIndexKey(), message.key);
    if (message.messageId != null && !message.messageId.isEmpty()) {
      byMessageId.put(messageIdKey(message.tenantId, message.name, message.messageId), message.key);
    }
  }

  public void remove(long key) {
    BufferedMessage removed = table.remove(key);
    if (removed != null) {
      byCorrelation.remove(removed.correlationIndexKey(), key);
      if (removed.messageId != null) {
        byMessageId.remove(messageIdKey(removed.tenantId, removed.name, removed.messageId));
      }
    }
  }

  public Optional<BufferedMessage> byId(String tenantId, String name, String messageId) {
    Long key = byMessageId.get(messageIdKey(tenantId, name, messageId));
    return key == null ? Optional.empty() : Optional.of(table.get(key));
  }

  /** Buffered messages for a name and correlation key, oldest first. */
  public List<BufferedMessage> matching(String tenantId, String name, String correlationKey) {
    return byCorrelation.get(MessageSubscription.indexKey(tenantId, name, correlationKey)).stream()
        .map(table::get)
        .toList();
  }

  /** Buffered messages by name regardless of correlation key (for message start events). */
  public List<BufferedMessage> named(String tenantId, String name) {
    List<BufferedMessage> result = new ArrayList<>();
    for (BufferedMessage message : table.all()) {
      if (message.tenantId.equals(tenantId) && message.name.equals(name)) {
        result.add(message);
      }
    }
    result.sort((a, b) -> Long.compare(a.key, b.key));
    return result;
  }

  void clearIndexes() {
    byCorrelation.clear();
    byMessageId.clear();
  }

  private static String messageIdKey(String tenantId, String name, String messageId) {
    return tenantId + '\u0000' + name + '\u0000' + messageId;
  }
}
