package io.switchboard.devices.config;

/**
 * An overlay tunnel derived from configuration: an IPsec VPN ({@code security ipsec vpn}) or a GRE
 * unit ({@code gr-x/y/z unit N tunnel destination}).
 */
public record TunnelState(
    String name, String type, String bindInterface, String remoteAddress, String state) {

  public boolean isUp() {
    return "up".equals(state);
  }
}
