package io.switchboard.devices.sdwan;

/**
 * An IPsec VPN as negotiated across the fleet: its bind interface, the local and remote underlay
 * addresses, whether it is up, and when down why (a sentence an operator can read).
 */
public record VpnStatus(
    String name,
    String bindInterface,
    String externalInterface,
    String localAddress,
    String remoteAddress,
    boolean up,
    String reason) {}
