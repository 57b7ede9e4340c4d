package io.switchboard.devices.vnf;

/**
 * A VNF as the host runs it: {@code status} Running, Shutoff or Crashed; {@code liveliness} up once
 * it has booted; {@code day0} the day-0 configuration it booted with (its config drive's text),
 * null when it has none.
 */
public record VnfState(
    String name,
    String status,
    String liveliness,
    int vcpus,
    int memoryMib,
    String image,
    String day0) {
  public boolean isUp() {
    return "Running".equals(status) && "up".equals(liveliness);
  }
}
