package io.switchboard.camel.junos;

/**
 * One {@code ipsec-security-associations-block} of {@code
 * get-ipsec-security-associations-information}: the VPN, whether it is up, its peer and st0 unit,
 * and (from the simulator) why it is down.
 */
public record IpsecSecurityAssociation(
    String vpnName, String state, String remoteGateway, String bindInterface, String downReason) {

  public boolean isUp() {
    return "up".equalsIgnoreCase(state);
  }
}
