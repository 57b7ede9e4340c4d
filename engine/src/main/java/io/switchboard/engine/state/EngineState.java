package io.switchboard.engine.state;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The engine's whole runtime state, owned by the command processor thread. Every mutation goes
 * through the methods here, which keep the lookup indexes right and mark rows for the next flush to
 * storage.
 */
public final class EngineState {
  public final EntityTable<ProcessDefinition> definitions = new EntityTable<>("process_definition");

  /** The versions of each process, looked up as deployments and call activities need them. */
  public final ProcessVersions processVersions = new ProcessVersions(definitions);

  public final EntityTable<ElementInstance> elementInstances =
      new EntityTable<>("element_instance");
  public final EntityTable<Job> jobs = new EntityTable<>("job");
  public final EntityTable<Timer> timers = new EntityTable<>("timer");
  public final EntityTable<MessageSubscription> subscriptions =
      new EntityTable<>("message_subscription");
  public final EntityTable<BufferedMessage> messages = new EntityTable<>("message");

  /** The buffered messages with their lookups; change them only through it. */
  public final MessageBuffer messageBuffer = new MessageBuffer(messages);

  public final EntityTable<Incident> incidents = new EntityTable<>("incident");
  public final EntityTable<UserTask> userTasks = new EntityTable<>("user_task");
  public final EntityTable<DecisionRequirements> decisionRequirements =
      new EntityTable<>("decision_requirements");
  public final EntityTable<Form> forms = new EntityTable<>("form");
  public final VariableStore variables = new VariableStore();
  public final TakenFlows takenFlows = new TakenFlows();
  public final DecisionInstances decisionInstances = new DecisionInstances();
  public final MigratedRows migratedRows = new MigratedRows();
  public KeyGenerator keys = new KeyGenerator(0);

  private final KeyIndex<Long> childrenByScope = new KeyIndex<>(LinkedHashSet::new);
  private final KeyIndex<String> activatableJobsByType = new KeyIndex<>(LinkedHashSet::new);
  private final KeyIndex<String> subscriptionsByCorrelation = new KeyIndex<>(LinkedHashSet::new);
  private final KeyIndex<Long> timersByElementInstance = new KeyIndex<>(LinkedHashSet::new);
  private final KeyIndex<Long> subscriptionsByElementInstance = new KeyIndex<>(LinkedHashSet::new);

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

  /**
   * Grows with every change to the state (rows put or removed, variables, taken flows, decision
   * instances, migrations): equal before and after a command means the command changed nothing.
   */
  public long changeCount() {
    long count =
        variables.changes()
            + takenFlows.changes()
            + decisionInstances.changes()
            + migratedRows.changes();
    for (EntityTable<?> table : tables()) {
      count += table.changes();
    }
    return count;
  }

  // ---- element instances

  public void putElementInstance(ElementInstance instance) {
    elementInstances.put(instance.key, instance);
    indexElementInstance(instance);
  }

  private void indexElementInstance(ElementInstance instance) {
    if (instance.flowScopeKey >= 0) {
      childrenByScope.add(instance.flowScopeKey, instance.key);
    }
  }

  public void removeElementInstance(long key, String reason) {
    ElementInstance removed = elementInstances.remove(key, reason);
    if (removed != null && removed.isProcessInstance()) {
      takenFlows.forget(key);
    }
    if (removed != null && removed.flowScopeKey >= 0) {
      childrenByScope.remove(removed.flowScopeKey, key);
    }
    childrenByScope.removeOwner(key);
    variables.removeScope(key);
  }

  public List<ElementInstance> children(long scopeKey) {
    Set<Long> keys = childrenByScope.get(scopeKey);
    List<ElementInstance> result = new ArrayList<>(keys.size());
    for (Long key : keys) {
      result.add(elementInstances.get(key));
    }
    return result;
  }

  // ---- jobs

  public void putJob(Job job) {
    jobs.put(job.key, job);
    if (job.state == Job.State.ACTIVATABLE) {
      activatableJobsByType.add(job.type, job.key);
    } else {
      activatableJobsByType.remove(job.type, job.key);
    }
  }

  public void removeJob(long key, String reason) {
    Job job = jobs.remove(key, reason);
    if (job != null) {
      activatableJobsByType.remove(job.type, key);
    }
  }

  /** Activatable jobs of a type in creation order (a live view: copy before changing jobs). */
  public Collection<Long> activatableJobs(String type) {
    return activatableJobsByType.get(type);
  }

  // ---- timers

  public void putTimer(Timer timer) {
    timers.put(timer.key, timer);
    indexTimer(timer);
  }

  private void indexTimer(Timer timer) {
    if (timer.elementInstanceKey >= 0) {
      timersByElementInstance.add(timer.elementInstanceKey, timer.key);
    }
  }

  public void removeTimer(long key) {
    Timer removed = timers.remove(key);
    if (removed != null && removed.elementInstanceKey >= 0) {
      timersByElementInstance.remove(removed.elementInstanceKey, key);
    }
  }

  public List<Long> timersOf(long elementInstanceKey) {
    return List.copyOf(timersByElementInstance.get(elementInstanceKey));
  }

  public List<Long> subscriptionsOf(long elementInstanceKey) {
    return List.copyOf(subscriptionsByElementInstance.get(elementInstanceKey));
  }

  // ---- message subscriptions

  public void putSubscription(MessageSubscription subscription) {
    subscriptions.put(subscription.key, subscription);
    indexSubscription(subscription);
  }

  private void indexSubscription(MessageSubscription subscription) {
    subscriptionsByCorrelation.add(subscription.correlationIndexKey(), subscription.key);
    subscriptionsByElementInstance.add(subscription.elementInstanceKey, subscription.key);
  }

  public void removeSubscription(long key) {
    // with a reason, so the read model sees the row that ended
    MessageSubscription removed = subscriptions.remove(key, "DELETED");
    if (removed != null) {
      subscriptionsByElementInstance.remove(removed.elementInstanceKey, key);
      subscriptionsByCorrelation.remove(removed.correlationIndexKey(), key);
    }
  }

  public List<MessageSubscription> subscriptionsFor(
      String tenantId, String name, String correlationKey) {
    return subscriptionsByCorrelation
        .get(MessageSubscription.indexKey(tenantId, name, correlationKey))
        .stream()
        .map(subscriptions::get)
        .toList();
  }

  public List<MessageSubscription> signalSubscriptionsFor(String tenantId, String name) {
    return subscriptionsByCorrelation
        .get(MessageSubscription.signalIndexKey(tenantId, name))
        .stream()
        .map(subscriptions::get)
        .toList();
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
    decisionInstances.clear();
    migratedRows.clear();
    childrenByScope.clear();
    activatableJobsByType.clear();
    subscriptionsByCorrelation.clear();
    messageBuffer.clearIndexes();
    processVersions.clear();
    timersByElementInstance.clear();
    subscriptionsByElementInstance.clear();
    keys = new KeyGenerator(0);
  }

  /** Rebuilds the indexes after rows were loaded with {@link EntityTable#load}. */
  public void reindex() {
    definitions.all().forEach(processVersions::index);
    elementInstances.all().forEach(this::indexElementInstance);
    jobs.all().stream()
        .sorted((a, b) -> Long.compare(a.key, b.key))
        .filter(j -> j.state == Job.State.ACTIVATABLE)
        .forEach(j -> activatableJobsByType.add(j.type, j.key));
    subscriptions.all().forEach(this::indexSubscription);
    timers.all().forEach(this::indexTimer);
    messages.all().forEach(messageBuffer::index);
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
