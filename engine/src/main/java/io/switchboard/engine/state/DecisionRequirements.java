package io.switchboard.engine.state;

import java.util.ArrayList;
import java.util.List;

/**
 * A deployed version of a DMN resource (Camunda's decision requirements graph), with the DMN XML it
 * came from and the decisions in it, each a decision definition with a key and a version of its
 * own.
 */
public final class DecisionRequirements {
  public long key;
  public String decisionRequirementsId;
  public String name;
  public int version;
  public String tenantId;
  public String resourceName;
  public String checksum;
  public String resource;
  public long deploymentKey;
  public long deployedAt;
  public List<Decision> decisions = new ArrayList<>();

  /** One decision of the graph: a decision definition. */
  public static final class Decision {
    public long key;
    public String decisionId;
    public String name;
    public int version;

    /** The decision's {@code zeebe:versionTag}, or null. */
    public String versionTag;
  }
}
