package io.switchboard.engine.state;

/** An open wait for a message by name and correlation key. */
public final class MessageSubscription {
  public long key;

  /** The waiting element instance: catch event, receive task, or the boundary event's host. */
  public long elementInstanceKey;

  public long processInstanceKey;

  /** The element that catches: the catch event/receive task itself or the boundary event. */
  public String catchElementId;

  public String messageName;
  public String correlationKey;
  public String tenantId;
  public boolean interrupting = true;

  /** A signal subscription (name only, no correlation key) rather than a message one. */
  public boolean signal;

  /** Whether a message was delivered to it (the read model's CORRELATED state). */
  public boolean correlated;

  public String correlationIndexKey() {
    return signal
        ? signalIndexKey(tenantId, messageName)
        : MessageSubscription.indexKey(tenantId, messageName, correlationKey);
  }

  public static String signalIndexKey(String tenantId, String name) {
    return tenantId + '\u0001' + name;
  }

  public static String indexKey(String tenantId, String name, String correlationKey) {
    return tenantId + '\u0000' + name + '\u0000' + correlationKey;
  }
}
