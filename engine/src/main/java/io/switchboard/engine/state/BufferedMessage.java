package io.switchboard.engine.state;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** A published message kept until its time to live runs out. */
public final class BufferedMessage {
  public long key;
  public String name;
  public String correlationKey;
  public String messageId;
  public String tenantId;
  public Map<String, Object> variables = new HashMap<>();
  public long expiresAt;

  /** Process instances it already correlated to: a message reaches one instance only once. */
  public Set<Long> correlatedProcessInstances = new HashSet<>();

  /** Process ids it already started: a buffered message starts one instance per process. */
  public Set<String> startedProcessIds = new HashSet<>();

  public String correlationIndexKey() {
    return MessageSubscription.indexKey(tenantId, name, correlationKey);
  }
}
