package io.switchboard.inventory.firewall;

/**
 * A policy that cannot be published; {@code field} names the rule and field, e.g. {@code
 * rules[2].sources}.
 */
public class PublishException extends RuntimeException {
  private final String field;

  public PublishException(String field, String message) {
    super(message);
    this.field = field;
  }

  public String field() {
    return field;
  }
}
