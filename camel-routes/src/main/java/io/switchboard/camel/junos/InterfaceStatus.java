package io.switchboard.camel.junos;

/** One {@code physical-interface} entry. */
public record InterfaceStatus(String name, String adminStatus, String operStatus) {

  public boolean isUp() {
    return "up".equals(adminStatus) && "up".equals(operStatus);
  }
}
