package io.switchboard.engine.state;

import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The deployed versions of each process per tenant: the latest one (what a start by process id and
 * a call activity with binding {@code latest} use), one by number, by version tag or by deployment.
 */
public final class ProcessVersions {
  private final EntityTable<ProcessDefinition> definitions;
  private final Map<String, ProcessDefinition> latest = new HashMap<>();

  ProcessVersions(EntityTable<ProcessDefinition> definitions) {
    this.definitions = definitions;
  }

  /** Stores a newly deployed version. */
  public void put(ProcessDefinition definition) {
    definitions.put(definition.key, definition);
    index(definition);
  }

  void index(ProcessDefinition definition) {
    String latestKey = key(definition.tenantId, definition.bpmnProcessId);
    ProcessDefinition current = latest.get(latestKey);
    if (current == null || current.version < definition.version) {
      latest.put(latestKey, definition);
    }
  }

  public Optional<ProcessDefinition> latest(String tenantId, String bpmnProcessId) {
    return Optional.ofNullable(latest.get(key(tenantId, bpmnProcessId)));
  }

  /** The latest version of every process of every tenant. */
  public Collection<ProcessDefinition> latestOfAll() {
    return latest.values();
  }

  /** The latest version of a process whose BPMN carries the given {@code zeebe:versionTag}. */
  public Optional<ProcessDefinition> latestWithVersionTag(
      String tenantId, String bpmnProcessId, String versionTag) {
    return definitions.all().stream()
        .filter(d -> d.tenantId.equals(tenantId) && d.bpmnProcessId.equals(bpmnProcessId))
        .filter(d -> d.model != null && versionTag.equals(d.model.versionTag()))
        .max(Comparator.comparingInt(d -> d.version));
  }

  /** The version of a process that came with the given deployment (its own or a duplicate's). */
  public Optional<ProcessDefinition> ofDeployment(
      String tenantId, String bpmnProcessId, long deploymentKey) {
    return definitions.all().stream()
        .filter(d -> d.tenantId.equals(tenantId) && d.bpmnProcessId.equals(bpmnProcessId))
        .filter(d -> d.deploymentKey == deploymentKey)
        .findFirst();
  }

  public Optional<ProcessDefinition> version(String tenantId, String bpmnProcessId, int version) {
    return definitions.all().stream()
        .filter(d -> d.tenantId.equals(tenantId))
        .filter(d -> d.bpmnProcessId.equals(bpmnProcessId) && d.version == version)
        .findFirst();
  }

  void clear() {
    latest.clear();
  }

  private static String key(String tenantId, String bpmnProcessId) {
    return tenantId + '\u0000' + bpmnProcessId;
  }
}
