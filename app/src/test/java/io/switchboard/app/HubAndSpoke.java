package io.switchboard.app;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.devices.config.SetCommands;
import io.switchboard.devices.config.Xml;
import io.switchboard.devices.fleet.SimulatedDevice;
import io.switchboard.devices.fleet.SimulatedFleet;
import io.switchboard.devices.sdwan.UnderlayAddresses;
import io.switchboard.inventory.compliance.IntendedConfigRecorder;
import io.switchboard.inventory.device.Device;
import io.switchboard.inventory.device.DeviceRepository;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpMethod;

/**
 * A tenant with a hub and spokes on simulated devices for SD-WAN end-to-end tests: each site has
 * its device registered over REST (reached at the simulator's address), an internet and an mpls
 * link (DHCP, the simulator's learned address as public address) and one LAN segment {@code
 * 192.168.<lan>.0/24}, the hub's {@code lan}, the spokes' the next numbers.
 */
final class HubAndSpoke implements AutoCloseable {
  final EndToEndApi api;
  final SimulatedFleet fleet;
  final String tenant;
  final SimulatedDevice hub;
  final String hubSite;
  final List<SimulatedDevice> spokes;
  final List<String> spokeSites;

  /** Each site's device id in the inventory. */
  final Map<String, String> deviceIds;

  private HubAndSpoke(
      EndToEndApi api,
      SimulatedFleet fleet,
      String tenant,
      SimulatedDevice hub,
      String hubSite,
      List<SimulatedDevice> spokes,
      List<String> spokeSites,
      Map<String, String> deviceIds) {
    this.api = api;
    this.fleet = fleet;
    this.tenant = tenant;
    this.hub = hub;
    this.hubSite = hubSite;
    this.spokes = spokes;
    this.spokeSites = spokeSites;
    this.deviceIds = deviceIds;
  }

  /**
   * Starts a hub and {@code spokeCount} spokes (serials {@code <code>H...}/{@code <code>S...}), in
   * a new tenant named {@code <name>-<tag>}, LAN prefixes from {@code 192.168.<lan>.0/24} up.
   */
  static HubAndSpoke start(
      EndToEndApi api,
      DeviceRepository devices,
      String code,
      String name,
      int spokeCount,
      int lan) {
    String tag = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
    List<String> serials = new ArrayList<>();
    serials.add(code + "H" + tag + "01");
    for (int i = 0; i < spokeCount; i++) {
      serials.add(code + "S" + tag + String.format("%02d", i + 2));
    }
    SimulatedFleet fleet =
        SimulatedFleet.builder()
            .serials(serials)
            .basePort(0)
            .credentials("admin", "admin123")
            .start();
    String tenant = api.create("/api/v1/tenants", Map.of("name", name + "-" + tag));
    String model =
        api.create(
            "/api/v1/device-models",
            Map.of("name", "SRX-" + tag, "vendor", "Juniper", "family", "srx"));
    Map<String, String> deviceIds = new HashMap<>();
    SimulatedDevice hub = fleet.device(serials.get(0));
    String hubSite = site(api, devices, tenant, model, hub, "HUB", lan, deviceIds);
    List<SimulatedDevice> spokes = new ArrayList<>();
    List<String> spokeSites = new ArrayList<>();
    for (int i = 1; i < serials.size(); i++) {
      SimulatedDevice spoke = fleet.device(serials.get(i));
      spokes.add(spoke);
      spokeSites.add(site(api, devices, tenant, model, spoke, "BRANCH", lan + i, deviceIds));
    }
    return new HubAndSpoke(api, fleet, tenant, hub, hubSite, spokes, spokeSites, deviceIds);
  }

  /**
   * Records what every device runs now as its {@code device-baseline} part, as onboarding's connect
   * step does, so that a compliance check compares only what Switchboard changed since.
   */
  HubAndSpoke withBaselines(IntendedConfigRecorder intended) throws Exception {
    List<SimulatedDevice> all = new ArrayList<>(spokes);
    all.add(0, hub);
    List<String> sites = new ArrayList<>(spokeSites);
    sites.add(0, hubSite);
    for (int i = 0; i < all.size(); i++) {
      intended.committed(
          deviceIds.get(sites.get(i)),
          IntendedConfigRecorder.PART_BASELINE,
          setCommands(all.get(i)),
          null,
          null);
    }
    return this;
  }

  /** A device's running configuration as set commands. */
  static String setCommands(SimulatedDevice device) throws Exception {
    return SetCommands.render(Xml.parse(device.runningConfig()).getDocumentElement());
  }

  /** Runs a compliance check of the site's device and answers its report. */
  JsonNode complianceOf(String siteId) {
    String deviceId = deviceIds.get(siteId);
    JsonNode operation =
        api.call(HttpMethod.POST, "/api/v1/devices/" + deviceId + "/compliance-checks", null);
    api.awaitEnded(operation.get("id").asText());
    return api.call(HttpMethod.GET, "/api/v1/devices/" + deviceId + "/compliance", null);
  }

  SimulatedDevice spoke() {
    return spokes.get(0);
  }

  String spokeSite() {
    return spokeSites.get(0);
  }

  /** A hub-and-spoke overlay of the hub and every spoke. */
  String hubAndSpokeOverlay(String name, String pool) {
    return overlay(name, "HUB_SPOKE", List.of(hubSite), spokeSites, pool);
  }

  String overlay(
      String name, String topology, List<String> hubSiteIds, List<String> siteIds, String pool) {
    return api.create(
        "/api/v1/overlays",
        Map.of(
            "tenantId",
            tenant,
            "name",
            name,
            "topology",
            topology,
            "hubSiteIds",
            hubSiteIds,
            "siteIds",
            siteIds,
            "tunnelPool",
            pool));
  }

  /** Starts the overlay's rollout and waits for its operation to end. */
  JsonNode rollout(String overlay) {
    return finished(
        api.call(HttpMethod.POST, "/api/v1/overlays/" + overlay + "/rollout", null)
            .get("operationId")
            .asText());
  }

  JsonNode finished(String operationId) {
    return api.awaitEnded(operationId);
  }

  JsonNode call(HttpMethod method, String path, Object body) {
    return api.call(method, path, body);
  }

  String create(String path, Map<String, Object> body) {
    return api.create(path, body);
  }

  @Override
  public void close() {
    fleet.close();
  }

  /** A site with the device at it, an internet and an mpls link, and a LAN segment. */
  private static String site(
      EndToEndApi api,
      DeviceRepository devices,
      String tenant,
      String model,
      SimulatedDevice cpe,
      String type,
      int lan,
      Map<String, String> deviceIds) {
    String site =
        api.create(
            "/api/v1/sites",
            Map.of(
                "tenantId",
                tenant,
                "name",
                "site-" + cpe.serialNumber().toLowerCase(),
                "type",
                type));
    String id =
        api.create(
            "/api/v1/devices",
            Map.of(
                "tenantId", tenant,
                "siteId", site,
                "serialNumber", cpe.serialNumber(),
                "modelId", model,
                "credentials", Map.of("username", "admin", "password", "admin123")));
    deviceIds.put(site, id);
    Device d = devices.findById(id).orElseThrow();
    d.setManagementAddress(cpe.host());
    d.setNetconfPort(cpe.port());
    devices.save(d);
    List<String[]> links = new ArrayList<>();
    links.add(new String[] {"ge-0/0/0", "INTERNET", "internet"});
    links.add(new String[] {"ge-0/0/1", "MPLS", "mpls"});
    for (String[] l : links) {
      Map<String, Object> link = new HashMap<>();
      link.put("interfaceName", l[0]);
      link.put("accessType", l[1]);
      link.put("addressing", "DHCP");
      link.put("publicAddress", UnderlayAddresses.learned(cpe.serialNumber(), l[0]));
      link.put("pathLabel", l[2]);
      api.call(HttpMethod.POST, "/api/v1/sites/" + site + "/wan-links", link);
    }
    api.call(
        HttpMethod.POST,
        "/api/v1/sites/" + site + "/lan-segments",
        Map.of("name", "lan", "prefix", "192.168." + lan + ".0/24"));
    return site;
  }
}
