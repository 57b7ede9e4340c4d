package io.switchboard.camel.junos;

/** One VNF as {@code get-virtual-network-functions-information} reports it. */
public record VnfStatus(String name, String status, String liveliness) {
  public boolean isUp() {
    return "Running".equals(status) && "up".equals(liveliness);
  }
}
