package io.switchboard.inventory.sdwan.plan;

/**
 * One tunnel of a plan: its number (unique in the overlay, the index of its /31 in the pool), the
 * path label, for each end the site, local WAN interface, underlay address and tunnel address, and
 * its {@code st0} unit (the same on both ends, unique on each end's device across overlays; also
 * the {@code sdwan-t<unit>} names there). End a is the hub (hub-and-spoke) or the smaller site id
 * (full mesh).
 */
public record PlanTunnel(
    int number,
    String pathLabel,
    String aSiteId,
    String aInterface,
    String aUnderlay,
    String aAddress,
    String bSiteId,
    String bInterface,
    String bUnderlay,
    String bAddress,
    int unit) {

  /** What identifies a tunnel across plans: the pair of sites and the path label. */
  public record Key(String aSiteId, String bSiteId, String pathLabel) {}

  public Key key() {
    return new Key(aSiteId, bSiteId, pathLabel);
  }

  public boolean touches(String siteId) {
    return aSiteId.equals(siteId) || bSiteId.equals(siteId);
  }

  /** The site at the other end from {@code siteId}. */
  public String peerOf(String siteId) {
    return aSiteId.equals(siteId) ? bSiteId : aSiteId;
  }
}
