package io.switchboard.engine.model;

/** A resource that cannot be deployed; the message names each offending element. */
public class DeploymentRejectedException extends RuntimeException {
  public DeploymentRejectedException(String message) {
    super(message);
  }
}
