package io.switchboard.engine.state;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.switchboard.engine.model.ProcessModel;

/** A deployed version of a process, with the BPMN it came from. */
public final class ProcessDefinition {
  public long key;
  public String bpmnProcessId;
  public int version;
  public String tenantId;
  public String resourceName;
  public String checksum;
  public String resource;
  public long deploymentKey;
  public long deployedAt;

  @JsonIgnore public ProcessModel model;
}
