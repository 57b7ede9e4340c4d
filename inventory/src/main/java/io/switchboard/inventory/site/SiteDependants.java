package io.switchboard.inventory.site;

import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What keeps a site from being deleted, and what goes with it. Features add tables that point at a
 * site; the database refuses a delete that would orphan them, and a user must hear which ones in
 * words rather than get a constraint violation. The site's own configuration (WAN links, LAN
 * segments, security zones, overlay memberships it has left) goes with the site; devices, live
 * overlay memberships, firewall policy assignments and VNF instances keep it.
 */
@Component
public class SiteDependants {
  private static final String LEFT_OR_NEVER_JOINED = "('LEFT', 'JOIN_FAILED')";

  private final JdbcTemplate jdbc;

  public SiteDependants(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** What still uses the site, in words ("2 devices", "1 overlay"), empty when nothing does. */
  public List<String> blocking(String siteId) {
    List<String> found = new ArrayList<>();
    count(found, "SELECT COUNT(*) FROM device WHERE site_id = ?", siteId, "device", "devices");
    count(
        found,
        "SELECT COUNT(*) FROM sdwan_overlay_member WHERE site_id = ? AND state NOT IN "
            + LEFT_OR_NEVER_JOINED,
        siteId,
        "overlay",
        "overlays");
    count(
        found,
        "SELECT COUNT(*) FROM fw_policy_site WHERE site_id = ?",
        siteId,
        "firewall policy",
        "firewall policies");
    count(
        found,
        "SELECT COUNT(*) FROM vnf_instance WHERE site_id = ?",
        siteId,
        "VNF instance",
        "VNF instances");
    return found;
  }

  /** Removes what belongs to the site alone, so that the site row itself can go. */
  public void deleteOwnedConfiguration(String siteId) {
    jdbc.update(
        "DELETE FROM sdwan_overlay_member WHERE site_id = ? AND state IN " + LEFT_OR_NEVER_JOINED,
        siteId);
    jdbc.update("DELETE FROM fw_zone WHERE site_id = ?", siteId);
    jdbc.update("DELETE FROM sdwan_lan_segment WHERE site_id = ?", siteId);
    jdbc.update("DELETE FROM sdwan_wan_link WHERE site_id = ?", siteId);
  }

  private void count(List<String> found, String sql, String siteId, String one, String many) {
    Long n = jdbc.queryForObject(sql, Long.class, siteId);
    if (n != null && n > 0) {
      found.add(n + " " + (n == 1 ? one : many));
    }
  }
}
