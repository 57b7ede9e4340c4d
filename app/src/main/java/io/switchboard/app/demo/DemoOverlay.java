package io.switchboard.app.demo;

import io.switchboard.api.operation.OperationStarter;
import io.switchboard.devices.sdwan.UnderlayAddresses;
import io.switchboard.inventory.device.Device;
import io.switchboard.inventory.device.DeviceLifecycle;
import io.switchboard.inventory.device.DeviceRepository;
import io.switchboard.inventory.operation.Operation;
import io.switchboard.inventory.sdwan.AccessType;
import io.switchboard.inventory.sdwan.Addressing;
import io.switchboard.inventory.sdwan.LanSegment;
import io.switchboard.inventory.sdwan.LanSegmentRepository;
import io.switchboard.inventory.sdwan.Overlay;
import io.switchboard.inventory.sdwan.OverlayMember;
import io.switchboard.inventory.sdwan.OverlayMemberRepository;
import io.switchboard.inventory.sdwan.OverlayRepository;
import io.switchboard.inventory.sdwan.Topology;
import io.switchboard.inventory.sdwan.WanLink;
import io.switchboard.inventory.sdwan.WanLinkRepository;
import io.switchboard.inventory.site.Site;
import io.switchboard.inventory.site.SiteRepository;
import io.switchboard.inventory.tenancy.Tenant;
import io.switchboard.inventory.tenancy.TenantRepository;
import io.switchboard.workflows.sdwan.SdwanProcesses;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The demo's SD-WAN overlay: once the three Acme Retail CPEs are active, their sites get a WAN link
 * (the simulator's DHCP address as public address) and a LAN segment, and a hub-and-spoke overlay
 * {@value #OVERLAY} (hub acme-paris) is rolled out, so a first run shows tunnels up. Looks every 5
 * s for 15 minutes; does nothing once the overlay exists.
 */
@Component
@Order(11)
@ConditionalOnProperty(name = "switchboard.demo.enabled", havingValue = "true")
public class DemoOverlay implements ApplicationRunner, AutoCloseable {
  static final String OVERLAY = "acme-corp";
  private static final Logger LOG = LoggerFactory.getLogger(DemoOverlay.class);
  private static final List<String> SITES = List.of("acme-paris", "acme-lyon", "acme-nice");

  private final TenantRepository tenants;
  private final SiteRepository sites;
  private final DeviceRepository devices;
  private final WanLinkRepository links;
  private final LanSegmentRepository segments;
  private final OverlayRepository overlays;
  private final OverlayMemberRepository members;
  private final OperationStarter starter;
  private final TransactionTemplate tx;
  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "demo-overlay");
            t.setDaemon(true);
            return t;
          });
  private int attempts;

  public DemoOverlay(
      TenantRepository tenants,
      SiteRepository sites,
      DeviceRepository devices,
      WanLinkRepository links,
      LanSegmentRepository segments,
      OverlayRepository overlays,
      OverlayMemberRepository members,
      OperationStarter starter,
      PlatformTransactionManager transactions) {
    this.tenants = tenants;
    this.sites = sites;
    this.devices = devices;
    this.links = links;
    this.segments = segments;
    this.overlays = overlays;
    this.members = members;
    this.starter = starter;
    this.tx = new TransactionTemplate(transactions);
  }

  @Override
  public void run(ApplicationArguments args) {
    timer.scheduleWithFixedDelay(this::tick, 5, 5, TimeUnit.SECONDS);
  }

  private void tick() {
    try {
      Boolean done = tx.execute(s -> tryStart());
      if (Boolean.TRUE.equals(done) || ++attempts > 180) {
        timer.shutdown();
      }
    } catch (RuntimeException e) {
      LOG.warn("Demo overlay not started: {}", e.toString());
      timer.shutdown();
    }
  }

  /** True when there is nothing left to do. */
  private Boolean tryStart() {
    Tenant tenant =
        tenants.findAll().stream()
            .filter(t -> t.getName().equals("Acme Retail"))
            .findFirst()
            .orElse(null);
    if (tenant == null || overlays.existsByTenantIdAndName(tenant.getId(), OVERLAY)) {
      return tenant != null;
    }
    List<Site> acme =
        SITES.stream()
            .map(
                name ->
                    sites.findAll().stream()
                        .filter(
                            s -> s.getTenantId().equals(tenant.getId()) && s.getName().equals(name))
                        .findFirst()
                        .orElse(null))
            .toList();
    if (acme.contains(null)) {
      return true;
    }
    for (Site site : acme) {
      Specification<Device> atSite = (r, q, cb) -> cb.equal(r.get("siteId"), site.getId());
      List<Device> cpe = devices.findAll(atSite);
      if (cpe.isEmpty() || cpe.get(0).getLifecycleState() != DeviceLifecycle.ACTIVE) {
        return false;
      }
    }
    Overlay overlay =
        overlays.save(new Overlay(tenant.getId(), OVERLAY, Topology.HUB_SPOKE, "10.255.0.0/24"));
    for (int i = 0; i < acme.size(); i++) {
      Site site = acme.get(i);
      Specification<Device> atSite = (r, q, cb) -> cb.equal(r.get("siteId"), site.getId());
      String serial = devices.findAll(atSite).get(0).getSerialNumber();
      if (links.findBySiteIdOrderByPriorityAscInterfaceNameAsc(site.getId()).isEmpty()) {
        WanLink link = new WanLink(tenant.getId(), site.getId(), "ge-0/0/0");
        link.setAccessType(AccessType.INTERNET);
        link.setAddressing(Addressing.DHCP);
        link.setPublicAddress(UnderlayAddresses.learned(serial, "ge-0/0/0"));
        link.setPathLabel("internet");
        links.save(link);
      }
      if (segments.findBySiteIdOrderByName(site.getId()).isEmpty()) {
        segments.save(
            new LanSegment(tenant.getId(), site.getId(), "lan", "172.16." + (10 + i) + ".0/24"));
      }
      members.save(new OverlayMember(tenant.getId(), overlay.getId(), site.getId(), i == 0));
    }
    Operation operation =
        starter.record(
            new Operation(
                tenant.getId(),
                SdwanProcesses.ROLLOUT,
                Operation.TARGET_OVERLAY,
                overlay.getId(),
                "demo"),
            Map.of(SdwanProcesses.VAR_OVERLAY_ID, overlay.getId()));
    LOG.info("Demo: rolling out SD-WAN overlay {} (operation {})", OVERLAY, operation.getId());
    return true;
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
