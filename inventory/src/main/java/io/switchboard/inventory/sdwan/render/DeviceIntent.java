package io.switchboard.inventory.sdwan.render;

import java.util.List;

/**
 * What one site's device needs for an overlay: its WAN links, its end of every tunnel (with the
 * remote LAN prefixes routed over it), the IKE/IPsec profile and the steering rules; the overlay's
 * tag (in the names of its device-wide stanzas) and whether another overlay has tunnels on the same
 * device (then the stanzas overlays share stay when this one leaves).
 */
public record DeviceIntent(
    String siteId,
    String modelFamily,
    List<WanPort> wanLinks,
    List<LocalTunnel> tunnels,
    IkeProfile profile,
    List<Steering> steering,
    String overlayTag,
    boolean sharedDevice) {
  public DeviceIntent {
    wanLinks = List.copyOf(wanLinks);
    tunnels = List.copyOf(tunnels);
    steering = List.copyOf(steering);
  }

  /** A WAN interface: DHCP when {@code staticAddress} is null. */
  public record WanPort(String interfaceName, String staticAddress, String gateway) {}

  /**
   * This device's end of a tunnel; {@code unit} is its st0 unit on this device, {@code aEnd}
   * whether this device is the tunnel's end a (its IKE identities say which end is which).
   */
  public record LocalTunnel(
      int unit,
      boolean aEnd,
      String pathLabel,
      String localInterface,
      String localAddress,
      String remoteUnderlay,
      String remoteAddress,
      String preSharedKey,
      List<String> remotePrefixes) {
    public LocalTunnel {
      remotePrefixes = List.copyOf(remotePrefixes);
    }

    @Override
    public String toString() {
      return "LocalTunnel[unit=" + unit + ", remote=" + remoteUnderlay + ", key=****]";
    }
  }

  /** IKE/IPsec settings of the overlay. */
  public record IkeProfile(String version, String encryption, String dhGroup, boolean dpd) {
    public static IkeProfile defaults() {
      return new IkeProfile("v2-only", "aes-256-gcm", "group19", true);
    }
  }

  /** A steering rule with its SLA profile resolved. */
  public record Steering(
      int order,
      String application,
      Integer dscp,
      String slaName,
      int maxLossPercent,
      int maxRttMs,
      int maxJitterMs,
      String preferredPathLabel) {}
}
