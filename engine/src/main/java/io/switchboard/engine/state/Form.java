package io.switchboard.engine.state;

/** A deployed version of a Camunda form ({@code .form}, JSON with an {@code id}). */
public final class Form {
  public long key;
  public String formId;
  public long version;
  public String tenantId;
  public String resourceName;
  public String checksum;

  /** The form's JSON schema as deployed. */
  public String schema;

  public long deploymentKey;
}
