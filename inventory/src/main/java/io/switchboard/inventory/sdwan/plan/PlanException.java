package io.switchboard.inventory.sdwan.plan;

/** An overlay that cannot be planned, with the request field at fault. */
public class PlanException extends RuntimeException {
  private final String field;

  public PlanException(String field, String message) {
    super(message);
    this.field = field;
  }

  public String field() {
    return field;
  }
}
