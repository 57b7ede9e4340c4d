package io.switchboard.engine.state;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The engine's whole runtime state, owned by the command processor thread. Every mutation goes
 * through the methods here, which keep the lookup indexes right and mark rows for the next flush to
 * storage.
 */
public final class EngineState {
  public final EntityTable<ProcessDefinition> definitions = new EntityTable<>("process_definition");
  public final EntityTable<ElementInstance> elementInstances =
      new EntityTable<>("element_instance");
  public final EntityTable<Job> jobs = new EntityTable<>("job");
  public final EntityTable<Timer> timers = new EntityTable<>("timer");
  public final EntityTable<MessageSubscription> subscriptions =
      new EntityTable<>("message_subscription");
  public final EntityTable<BufferedMessage> messages = new EntityTable<>("message");
  public final EntityTable<Incident> incidents = new EntityTable<>("incident");
  public final EntityTable<UserTask> userTasks = new EntityTable<>("user_task");
  public final EntityTable<DecisionRequirements> decisionRequirements =
      new EntityTable<>("decision_requirements");
  public final EntityTable<Form> forms = new EntityTable<>("form");
  public final VariableStore variables = new VariableStore();
  public final TakenFlows takenFlows = new TakenFlows();
  public final MigratedRows migratedRows = new MigratedRows();
  public KeyGenerator keys = new KeyGenerator(0);

  private final Map<Long, Set<Long>> childrenByScope = new HashMap<>();
  private final Map<String, LinkedHashSet<Long>> activatableJobsByType = new HashMap<>();
  private final Map<String, Set<Long>> subscriptionsByCorrelation = new HashMap<>();
  private final Map<String, TreeSet<Long>> messagesByCorrelation = new HashMap<>();
  private final Map<String, Long> messagesById = new HashMap<>();
  private final Map<String, ProcessDefinition> latestDefinitions = new HashMap<>();
  private final Map<Long, Set<Long>> timersByElementInstance = new HashMap<>();
  private final Map<Long, Set<Long>> subscriptionsByElementInstance = new HashMap<>();

  public List<EntityTable<?>> tables() {
    return List.of(
        definitions,
        elementInstances,
        jobs,
        timers,
        subscriptions,
        messages,
        incidents,
        userTasks,
        decisionRequirements,
        forms);
  }

  // ---- process definitions

  public void putDefinition(ProcessDefinition definition) {
    definitions.put(definition.key, definition);
    indexDefinition(definition);
  }

  public void indexDefinition(ProcessDefinition definition) {
    String latestKey = definition.tenantId + '\u0000' + definition.bpmnProcessId;
    ProcessDefinition current = latestDefinitions.get(latestKey);
    if (current == null || current.version < definition.version) {
      latestDefinitions.put(latestKey, definition);
    }
  }

  public Optional<ProcessDefinition> latestDefinition(String tenantId, String bpmnProcessId) {
    return Optional.ofNullable(latestDefinitions.get(tenantId + '\u0000' + bpmnProcessId));
  }

  public Collection<ProcessDefinition> latestDefinitions() {
    return latestDefinitions.values();
  }

  /** The latest version of a process whose BPMN carries the given {@code zeebe:versionTag}. */
  public Optional<ProcessDefinition> latestDefinitionWithVersionTag(
      String tenantId, String bpmnProcessId, String versionTag) {
    return definitions.all().stream()
        .filter(d -> d.tenantId.equals(tenantId) && d.bpmnProcessId.equals(bpmnProcessId))
        .filter(d -> d.model != null && versionTag.equals(d.model.versionTag()))
        .max(java.util.Comparator.comparingInt(d -> d.version));
  }

  /** The version of a process that came with the given deployment (its own or a duplicate's). */
  public Optional<ProcessDefinition> definitionOfDeployment(
      String tenantId, String bpmnProcessId, long deploymentKey) {
    return definitions.all().stream()
        .filter(d -> d.tenantId.equals(tenantId) && d.bpmnProcessId.equals(bpmnProcessId))
        .filter(d -> d.deploymentKey == deploymentKey)
        .findFirst();
  }

  public Optional<ProcessDefinition> definition(
      String tenantId, String bpmnProcessId, int version) {
    return definitions.all().stream()
        .filter(d -> d.tenantId.equals(tenantId))
        .filter(d -> d.bpmnProcessId.equals(bpmnProcessId) && d.version == version)
        .findFirst();
  }

  // ---- element instances

  public void putElementInstance(ElementInstance instance) {
    elementInstances.put(instance.key, instance);
    if (instance.flowScopeKey >= 0) {
      childrenByScope
          .computeIfAbsent(instance.flowScopeKey, k -> new LinkedHashSet<>())
          .add(instance.key);
    }
  }

  public void removeElementInstance(long key, String reason) {
    ElementInstance removed = elementInstances.remove(key, reason);
    if (removed != null && removed.isProcessInstance()) {
      takenFlows.forget(key);
    }
    if (removed != null && removed.flowScopeKey >= 0) {
      Set<Long> siblings = childrenByScope.get(removed.flowScopeKey);
      if (siblings != null) {
        siblings.remove(key);
        if (siblings.isEmpty()) {
          childrenByScope.remove(removed.flowScopeKey);
        }
      }
    }
    childrenByScope.remove(key);
    variables.removeScope(key);
  }

  public List<ElementInstance> children(long scopeKey) {
    Set<Long> keys = childrenByScope.get(scopeKey);
    if (keys == null) {
      return List.of();
    }
    List<ElementInstance> result = new ArrayList<>(keys.size());
    for (Long key : keys) {
      result.add(elementInstances.get(key));
    }
    return result;
  }

  // ---- jobs

  public void putJob(Job job) {
    jobs.put(job.key, job);
    LinkedHashSet<Long> queue =
        activatableJobsByType.computeIfAbsent(job.type, t -> new LinkedHashSet<>());
    if (job.state == Job.State.ACTIVATABLE) {
      queue.add(job.key);
    } else {
      queue.remove(job.key);
    }
  }

  public void removeJob(long key, String reason) {
    Job job = jobs.remove(key, reason);
    if (job != null) {
      Set<Long> queue = activatableJobsByType.get(job.type);
      if (queue != null) {
        queue.remove(key);
      }
    }
  }

  /** Activatable jobs of a type in creation order (a live view: copy before changing jobs). */
  public Collection<Long> activatableJobs(String type) {
    return activatableJobsByType.getOrDefault(type, new LinkedHashSet<>());
  }

  // ---- timers

  public void putTimer(Timer timer) {
    timers.put(timer.key, timer);
    if (timer.elementInstanceKey >= 0) {
      timersByElementInstance
          .computeIfAbsent(timer.elementInstanceKey, k -> new LinkedHashSet<>())
          .add(timer.key);
    }
  }

  public void removeTimer(long key) {
    Timer removed = timers.remove(key);
    if (removed != null && removed.elementInstanceKey >= 0) {
      removeFromIndex(timersByElementInstance, removed.elementInstanceKey, key);
    }
  }

  public List<Long> timersOf(long elementInstanceKey) {
    return List.copyOf(timersByElementInstance.getOrDefault(elementInstanceKey, Set.of()));
  }

  public List<Long> subscriptionsOf(long elementInstanceKey) {
    return List.copyOf(subscriptionsByElementInstance.getOrDefault(elementInstanceKey, Set.of()));
  }

  private static void removeFromIndex(Map<Long, Set<Long>> index, long owner, long key) {
    Set<Long> keys = index.get(owner);
    if (keys != null) {
      keys.remove(key);
      if (keys.isEmpty()) {
        index.remove(owner);
      }
    }
  }

  // ---- message subscriptions

  public void putSubscription(MessageSubscription subscription) {
    subscriptions.put(subscription.key, subscription);
    subscriptionsByCorrelation
        .computeIfAbsent(subscription.correlationIndexKey(), k -> new LinkedHashSet<>())
        .add(subscription.key);
    subscriptionsByElementInstance
        .computeIfAbsent(subscription.elementInstanceKey, k -> new LinkedHashSet<>())
        .add(subscription.key);
  }

  public void removeSubscription(long key) {
    // with a reason, so the read model sees the row that ended
    MessageSubscription removed = subscriptions.remove(key, "DELETED");
    if (removed != null) {
      removeFromIndex(subscriptionsByElementInstance, removed.elementInstanceKey, key);
      Set<Long> keys = subscriptionsByCorrelation.get(removed.correlationIndexKey());
      if (keys != null) {
        keys.remove(key);
        if (keys.isEmpty()) {
          subscriptionsByCorrelation.remove(removed.correlationIndexKey());
        }
      }
    }
  }

  public List<MessageSubscription> subscriptionsFor(
      String tenantId, String name, String correlationKey) {
    Set<Long> keys =
        subscriptionsByCorrelation.get(
            MessageSubscription.indexKey(tenantId, name, correlationKey));
    if (keys == null) {
      return List.of();
    }
    return keys.stream().map(subscriptions::get).toList();
  }

  public List<MessageSubscription> signalSubscriptionsFor(String tenantId, String name) {
    Set<Long> keys =
        subscriptionsByCorrelation.get(MessageSubscription.signalIndexKey(tenantId, name));
    if (keys == null) {
      return List.of();
    }
    return keys.stream().map(subscriptions::get).toList();
  }

  // ---- buffered messages

  public void putMessage(BufferedMessage message) {
    messages.put(message.key, message);
    messagesByCorrelation
        .computeIfAbsent(message.correlationIndexKey(), k -> new TreeSet<>())
        .add(message.key);
    if (message.messageId != null && !message.messageId.isEmpty()) {
      messagesById.put(
          messageIdKey(message.tenantId, message.name, message.messageId), message.key);
    }
  }

  public void removeMessage(long key) {
    BufferedMessage removed = messages.remove(key);
    if (removed != null) {
      Set<Long> keys = messagesByCorrelation.get(removed.correlationIndexKey());
      if (keys != null) {
        keys.remove(key);
        if (keys.isEmpty()) {
          messagesByCorrelation.remove(removed.correlationIndexKey());
        }
      }
      if (removed.messageId != null) {
        messagesById.remove(messageIdKey(removed.tenantId, removed.name, removed.messageId));
      }
    }
  }

  public Optional<BufferedMessage> messageById(String tenantId, String name, String messageId) {
    Long key = messagesById.get(messageIdKey(tenantId, name, messageId));
    return key == null ? Optional.empty() : Optional.of(messages.get(key));
  }

  /** Buffered messages for a name and correlation key, oldest first. */
  public List<BufferedMessage> messagesFor(String tenantId, String name, String correlationKey) {
    Set<Long> keys =
        messagesByCorrelation.get(MessageSubscription.indexKey(tenantId, name, correlationKey));
    if (keys == null) {
      return List.of();
    }
    return keys.stream().map(messages::get).toList();
  }

  /** Buffered messages by name regardless of correlation key (for message start events). */
  public List<BufferedMessage> messagesNamed(String tenantId, String name) {
    List<BufferedMessage> result = new ArrayList<>();
    for (BufferedMessage message : messages.all()) {
      if (message.tenantId.equals(tenantId) && message.name.equals(name)) {
        result.add(message);
      }
    }
    result.sort((a, b) -> Long.compare(a.key, b.key));
    return result;
  }

  private static String messageIdKey(String tenantId, String name, String messageId) {
    return tenantId + '\u0000' + name + '\u0000' + messageId;
  }

  // ---- incidents

  public List<Incident> activeIncidentsOf(long elementInstanceKey) {
    List<Incident> result = new ArrayList<>();
    for (Incident incident : incidents.all()) {
      if (incident.state == Incident.State.ACTIVE
          && incident.elementInstanceKey == elementInstanceKey) {
        result.add(incident);
      }
    }
    return result;
  }

  /** Forgets everything (before a reload from storage). */
  public void clear() {
    tables().forEach(EntityTable::clear);
    variables.clear();
    takenFlows.clear();
    migratedRows.clear();
    childrenByScope.clear();
    activatableJobsByType.clear();
    subscriptionsByCorrelation.clear();
    messagesByCorrelation.clear();
    messagesById.clear();
    latestDefinitions.clear();
    timersByElementInstance.clear();
    subscriptionsByElementInstance.clear();
    keys = new KeyGenerator(0);
  }

  /** Rebuilds the indexes after rows were loaded with {@link EntityTable#load}. */
  public void reindex() {
    for (ProcessDefinition d : definitions.all()) {
      indexDefinition(d);
    }
    for (ElementInstance ei : elementInstances.all()) {
      if (ei.flowScopeKey >= 0) {
        childrenByScope.computeIfAbsent(ei.flowScopeKey, k -> new LinkedHashSet<>()).add(ei.key);
      }
    }
    jobs.all().stream()
        .sorted((a, b) -> Long.compare(a.key, b.key))
        .filter(j -> j.state == Job.State.ACTIVATABLE)
        .forEach(
            j ->
                activatableJobsByType
                    .computeIfAbsent(j.type, t -> new LinkedHashSet<>())
                    .add(j.key));
    for (MessageSubscription s : subscriptions.all()) {
      subscriptionsByCorrelation
          .computeIfAbsent(s.correlationIndexKey(), k -> new LinkedHashSet<>())
          .add(s.key);
      subscriptionsByElementInstance
          .computeIfAbsent(s.elementInstanceKey, k -> new LinkedHashSet<>())
          .add(s.key);
    }
    for (Timer t : timers.all()) {
      if (t.elementInstanceKey >= 0) {
        timersByElementInstance
            .computeIfAbsent(t.elementInstanceKey, k -> new LinkedHashSet<>())
            .add(t.key);
      }
    }
    for (BufferedMessage m : messages.all()) {
      messagesByCorrelation
          .computeIfAbsent(m.correlationIndexKey(), k -> new TreeSet<>())
          .add(m.key);
      if (m.messageId != null && !m.messageId.isEmpty()) {
        messagesById.put(messageIdKey(m.tenantId, m.name, m.messageId), m.key);
      }
    }
  }

  /** Variables visible from a scope: its own over its parents', as FEEL and workers see them. */
  public Map<String, Object> visibleVariables(long scopeKey) {
    List<Long> chain = new ArrayList<>();
    long current = scopeKey;
    while (current >= 0) {
      chain.add(current);
      ElementInstance ei = elementInstances.get(current);
      current = ei == null ? -1 : ei.flowScopeKey;
    }
    Map<String, Object> result = new LinkedHashMap<>();
    for (int i = chain.size() - 1; i >= 0; i--) {
      result.putAll(variables.local(chain.get(i)));
    }
    return result;
  }
}
