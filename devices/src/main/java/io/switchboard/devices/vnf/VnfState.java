package io.switchboard.devices.vnf;

/**
 * A VNF as the host runs it: {@code status} Running, Shutoff or Crashed; {@code liveliness} up once
 * it has booted.
 */
public record VnfState(
    String name, String status, String liveliness, int vcpus, int memoryMib, String image) {
  public boolean isUp() {
    return "Running".equals(status) && "up".equals(liveliness);
  }
}
