package io.switchboard.app;

import static io.switchboard.app.BenchmarkFigures.cpuNanos;
import static io.switchboard.app.BenchmarkFigures.machine;
import static io.switchboard.app.BenchmarkFigures.peakHeapMiB;
import static io.switchboard.app.BenchmarkFigures.peakThreads;
import static io.switchboard.app.BenchmarkFigures.percentile;

import io.switchboard.api.operation.OperationStarter;
import io.switchboard.devices.config.CommitInfo;
import io.switchboard.devices.fleet.SimulatedFleet;
import io.switchboard.devices.sdwan.UnderlayAddresses;
import io.switchboard.devices.sdwan.VpnStatus;
import io.switchboard.inventory.device.Device;
import io.switchboard.inventory.device.DeviceCredentials;
import io.switchboard.inventory.device.DeviceModel;
import io.switchboard.inventory.device.DeviceModelRepository;
import io.switchboard.inventory.device.DeviceRepository;
import io.switchboard.inventory.operation.Operation;
import io.switchboard.inventory.operation.OperationRepository;
import io.switchboard.inventory.operation.OperationState;
import io.switchboard.inventory.sdwan.AccessType;
import io.switchboard.inventory.sdwan.Addressing;
import io.switchboard.inventory.sdwan.LanSegment;
import io.switchboard.inventory.sdwan.LanSegmentRepository;
import io.switchboard.inventory.sdwan.Overlay;
import io.switchboard.inventory.sdwan.OverlayMember;
import io.switchboard.inventory.sdwan.OverlayMemberRepository;
import io.switchboard.inventory.sdwan.OverlayRepository;
import io.switchboard.inventory.sdwan.Topology;
import io.switchboard.inventory.sdwan.TunnelRepository;
import io.switchboard.inventory.sdwan.WanLink;
import io.switchboard.inventory.sdwan.WanLinkRepository;
import io.switchboard.inventory.site.Site;
import io.switchboard.inventory.site.SiteRepository;
import io.switchboard.inventory.site.SiteType;
import io.switchboard.inventory.tenancy.Tenant;
import io.switchboard.inventory.tenancy.TenantRepository;
import io.switchboard.workflows.sdwan.SdwanProcesses;
import io.switchboard.workflows.ztp.ZtpOnboarding;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Benchmark, not a test (its name keeps it out of the normal run): two hubs and N spokes with two
 * WAN links each (internet and mpls, so four tunnels per spoke) are onboarded with zero touch and
 * then rolled out as one sdwan-rollout operation; prints wall time, tunnels configured and verified
 * per second, per-site time to its confirmed commit (p50/p99), CPU, peak heap and cores. Run with
 * {@code ops/sdwan-bench/run.sh [N]}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
class SdwanRolloutBenchmark {
  private static final int PORT = EndToEndApi.freePort();
  private static final int SPOKES = Integer.getInteger("benchmark.spokes", 20);
  private static final String SECRET = "bench-activation-secret";

  @Autowired TenantRepository tenants;
  @Autowired SiteRepository sites;
  @Autowired DeviceModelRepository models;
  @Autowired DeviceRepository devices;
  @Autowired OperationRepository operations;
  @Autowired OperationStarter starter;
  @Autowired WanLinkRepository links;
  @Autowired LanSegmentRepository segments;
  @Autowired OverlayRepository overlays;
  @Autowired OverlayMemberRepository members;
  @Autowired TunnelRepository tunnels;
  @Autowired PlatformTransactionManager transactionManager;
  @Autowired PasswordEncoder encoder;

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    String run = UUID.randomUUID().toString();
    registry.add("server.port", () -> PORT);
    registry.add("camunda.client.rest-address", () -> "http://localhost:" + PORT);
    registry.add("camunda.client.grpc-address", () -> "http://localhost:" + PORT);
    registry.add("switchboard.hello.enabled", () -> "false");
    // the periodic SLA measurement would read every device during the rollout being timed
    registry.add("switchboard.sdwan.sla-interval", () -> "PT0S");
    registry.add("switchboard.data-dir", () -> "./target/bench/data-" + run);
    registry.add(
        "spring.datasource.url",
        () -> "jdbc:h2:file:./target/bench/db-" + run + ";DB_CLOSE_ON_EXIT=FALSE");
  }

  @Test
  void rollout() throws Exception {
    DeviceModel model = models.save(new DeviceModel("SRX300", "Juniper", "srx"));
    Tenant tenant = tenants.save(new Tenant(null, "sdwan-bench", null));
    String secretHash = encoder.encode(SECRET);
    List<String> serials = new ArrayList<>();
    List<String> siteIds = new ArrayList<>();
    List<String> deviceIds = new ArrayList<>();
    for (int i = 0; i < SPOKES + 2; i++) {
      boolean hub = i < 2;
      Site site =
          sites.save(new Site(tenant.getId(), "site-" + i, hub ? SiteType.HUB : SiteType.BRANCH));
      String serial = String.format("SDB%05d", i + 1);
      Device device = new Device(tenant.getId(), serial, model.getId());
      device.setSiteId(site.getId());
      device.setCredentials(new DeviceCredentials("admin", "admin123"));
      device.setActivationSecretHash(secretHash);
      deviceIds.add(devices.save(device).getId());
      for (String[] l : new String[][] {{"ge-0/0/0", "internet"}, {"ge-0/0/2", "mpls"}}) {
        WanLink link = new WanLink(tenant.getId(), site.getId(), l[0]);
        link.setAccessType(l[1].equals("mpls") ? AccessType.MPLS : AccessType.INTERNET);
        link.setAddressing(Addressing.DHCP);
        link.setPublicAddress(UnderlayAddresses.learned(serial, l[0]));
        link.setPathLabel(l[1]);
        links.save(link);
      }
      segments.save(
          new LanSegment(
              tenant.getId(), site.getId(), "lan", "10." + (i / 250) + "." + (i % 250) + ".0/24"));
      serials.add(serial);
      siteIds.add(site.getId());
    }
    TransactionTemplate tx = new TransactionTemplate(transactionManager);
    for (String id : deviceIds) {
      tx.executeWithoutResult(
          s ->
              starter.record(
                  new Operation(tenant.getId(), ZtpOnboarding.PROCESS_ID, "DEVICE", id, "bench"),
                  Map.of()));
    }
    try (SimulatedFleet fleet =
        SimulatedFleet.builder()
            .serials(serials)
            .basePort(0)
            .credentials("admin", "admin123")
            .activationSecrets(s -> SECRET)
            .phoneHome("http://localhost:" + PORT)
            .start()) {
      Instant onboardingStart = Instant.now();
      awaitNoneRunning("onboarding", Duration.ofMinutes(15));
      System.out.printf(
          "SDWAN BENCHMARK: onboarding took %.1f s%n",
          Duration.between(onboardingStart, Instant.now()).toMillis() / 1000.0);
      long onboarded =
          operations.findAll().stream()
              .filter(o -> o.getState() == OperationState.COMPLETED)
              .count();

      Overlay overlay =
          overlays.save(new Overlay(tenant.getId(), "bench", Topology.HUB_SPOKE, "10.255.0.0/16"));
      for (int i = 0; i < siteIds.size(); i++) {
        members.save(new OverlayMember(tenant.getId(), overlay.getId(), siteIds.get(i), i < 2));
      }
      long cpuBefore = cpuNanos();
      Instant start = Instant.now();
      Operation rollout =
          tx.execute(
              s ->
                  starter.record(
                      new Operation(
                          tenant.getId(),
                          SdwanProcesses.ROLLOUT,
                          Operation.TARGET_OVERLAY,
                          overlay.getId(),
                          "bench"),
                      Map.of(
                          SdwanProcesses.VAR_OVERLAY_ID,
                          overlay.getId(),
                          SdwanProcesses.VAR_BATCH_SIZE,
                          Integer.getInteger("benchmark.batch", 50))));
      awaitNoneRunning("rollout", Duration.ofMinutes(30));
      Operation done = operations.findById(rollout.getId()).orElseThrow();
      double wall = Duration.between(done.getCreatedAt(), done.getUpdatedAt()).toMillis() / 1000.0;
      int tunnelCount = tunnels.findByOverlayIdOrderByNumber(overlay.getId()).size();
      long upEnds =
          fleet.devices().stream()
              .flatMap(d -> d.vpnStatus().stream())
              .filter(VpnStatus::up)
              .count();
      List<Long> perSite = new ArrayList<>();
      for (var d : fleet.devices()) {
        d.commitHistory().stream()
            .filter(c -> "confirmed".equals(c.kind()) && c.time().isAfter(start))
            .map(CommitInfo::time)
            .findFirst()
            .ifPresent(t -> perSite.add(Duration.between(start, t).toMillis()));
      }
      perSite.sort(Long::compare);
      System.out.printf(
          "%nSDWAN BENCHMARK: %s hubs=2 spokes=%d onboarded=%d rollout=%s%s%n"
              + "  wall=%.1f s  tunnels=%d (%d ends up)  tunnels configured+verified/s=%.1f%n"
              + "  per-site to confirmed commit p50=%d ms p99=%d ms  sites=%d%n"
              + "  cpu=%.1f s  peak heap=%d MiB  threads=%d%n%n",
          machine(),
          SPOKES,
          onboarded,
          done.getState(),
          done.getError() == null ? "" : " (" + done.getError() + ")",
          wall,
          tunnelCount,
          upEnds,
          tunnelCount / wall,
          percentile(perSite, 50),
          percentile(perSite, 99),
          perSite.size(),
          (cpuNanos() - cpuBefore) / 1e9,
          peakHeapMiB(),
          peakThreads());
    }
  }

  /**
   * Waits until no operation is pending or running, printing every 15 s how many are in each state
   * and how many members the overlays have confirmed, so a long run shows where its time goes.
   */
  private void awaitNoneRunning(String phase, Duration max) throws InterruptedException {
    long started = System.nanoTime();
    long deadline = started + max.toNanos();
    long nextReport = started + Duration.ofSeconds(15).toNanos();
    while (System.nanoTime() < deadline) {
      Map<OperationState, Long> byState =
          operations.findAll().stream()
              .collect(
                  java.util.stream.Collectors.groupingBy(
                      Operation::getState, java.util.stream.Collectors.counting()));
      if (!byState.containsKey(OperationState.RUNNING)
          && !byState.containsKey(OperationState.PENDING)) {
        return;
      }
      if (System.nanoTime() >= nextReport) {
        System.out.printf(
            "SDWAN BENCHMARK: %s at %d s: operations %s, tunnels %s, load %s%n",
            phase,
            Duration.ofNanos(System.nanoTime() - started).toSeconds(),
            byState,
            tunnels.findAll().stream()
                .collect(
                    java.util.stream.Collectors.groupingBy(
                        t -> t.getState(), java.util.stream.Collectors.counting())),
            java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                .getSystemLoadAverage());
        nextReport += Duration.ofSeconds(15).toNanos();
      }
      Thread.sleep(1000); // a benchmark's own pacing, not a test wait
    }
  }
}
