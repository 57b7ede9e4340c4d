package io.switchboard.engine.processor;

/**
 * A rejected command. Carries the HTTP status and the problem title Camunda uses, so the REST layer
 * can answer with the same problem+json a Camunda 8 cluster would.
 */
public class EngineException extends RuntimeException {
  private final int status;
  private final String title;

  public EngineException(int status, String title, String detail) {
    super(detail);
    this.status = status;
    this.title = title;
  }

  public static EngineException invalidArgument(String detail) {
    return new EngineException(400, "INVALID_ARGUMENT", detail);
  }

  public static EngineException notFound(String detail) {
    return new EngineException(404, "NOT_FOUND", detail);
  }

  public static EngineException invalidState(String detail) {
    return new EngineException(409, "INVALID_STATE", detail);
  }

  public static EngineException alreadyExists(String detail) {
    return new EngineException(409, "ALREADY_EXISTS", detail);
  }

  public static EngineException deadlineExceeded(String detail) {
    return new EngineException(504, "DEADLINE_EXCEEDED", detail);
  }

  public static EngineException unavailable(String detail) {
    return new EngineException(503, "UNAVAILABLE", detail);
  }

  public int status() {
    return status;
  }

  public String title() {
    return title;
  }
}
