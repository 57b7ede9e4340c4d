package io.switchboard.inventory.sdwan.render;

import java.util.List;
import java.util.Set;

/**
 * What one site's device needs for an overlay: its WAN links, its end of every tunnel (with the
 * remote LAN prefixes routed over it), the IKE/IPsec profile and the steering rules; the overlay's
 * tag (in the names of its device-wide stanzas) and whether another overlay has tunnels on the same
 * device (then the stanzas overlays share stay when this one leaves), and the LAN prefixes other
 * overlays route on the device (a route to one of them loses only this overlay's next hops).
 */
public record DeviceIntent(
    String siteId,
    String modelFamily,
    List<WanPort> wanLinks,
    List<LocalTunnel> tunnels,
    IkeProfile profile,
    List<Steering> steering,
    String overlayTag,
    boolean sharedDevice,
    Set<String> routedByOthers) {
  public DeviceIntent {
    wanLinks = List.copyOf(wanLinks);
    tunnels = List.copyOf(tunnels);
    steering = List.copyOf(steering);
    routedByOthers = Set.copyOf(routedByOthers);
  }

  /** An intent on a device where no other overlay routes a prefix. */
  public DeviceIntent(
      String siteId,
      String modelFamily,
      List<WanPort> wanLinks,
      List<LocalTunnel> tunnels,
      IkeProfile profile,
      List<Steering> steering,
      String overlayTag,
      boolean sharedDevice) {
    this(
        siteId,
        modelFamily,
        wanLinks,
        tunnels,
        profile,
        steering,
        overlayTag,
        sharedDevice,
        Set.of());
  }

  /** The same intent with other WAN ports (as the site was when last planned). */
  public DeviceIntent withWanLinks(List<WanPort> ports) {
    return new DeviceIntent(
        siteId,
        modelFamily,
        ports,
        tunnels,
        profile,
        steering,
        overlayTag,
        sharedDevice,
        routedByOthers);
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
