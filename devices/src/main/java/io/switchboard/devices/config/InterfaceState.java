package io.switchboard.devices.config;

import java.util.List;

/** A physical interface as {@code get-interface-information} reports it. */
public record InterfaceState(
    String name,
    String adminStatus,
    String operStatus,
    String description,
    List<LogicalInterfaceState> logicalInterfaces) {

  public boolean isUp() {
    return "up".equals(operStatus);
  }

  /** A unit ({@code ge-0/0/0.0}) with its IPv4 addresses. */
  public record LogicalInterfaceState(
      String name, String adminStatus, String operStatus, List<String> addresses) {}
}
