package io.switchboard.app;

import static io.switchboard.app.BenchmarkFigures.cpuNanos;
import static io.switchboard.app.BenchmarkFigures.machine;
import static io.switchboard.app.BenchmarkFigures.peakHeapMiB;
import static io.switchboard.app.BenchmarkFigures.peakThreads;
import static io.switchboard.app.BenchmarkFigures.percentile;

import io.switchboard.api.vnf.VnfInstanceService;
import io.switchboard.api.vnf.VnfPackageService;
import io.switchboard.devices.fleet.SimulatedDevice;
import io.switchboard.devices.fleet.SimulatedFleet;
import io.switchboard.inventory.device.Device;
import io.switchboard.inventory.device.DeviceCredentials;
import io.switchboard.inventory.device.DeviceLifecycle;
import io.switchboard.inventory.device.DeviceModel;
import io.switchboard.inventory.device.DeviceModelRepository;
import io.switchboard.inventory.device.DeviceRepository;
import io.switchboard.inventory.scope.AccessScope;
import io.switchboard.inventory.site.Site;
import io.switchboard.inventory.site.SiteRepository;
import io.switchboard.inventory.site.SiteType;
import io.switchboard.inventory.tenancy.Tenant;
import io.switchboard.inventory.tenancy.TenantRepository;
import io.switchboard.inventory.user.Role;
import io.switchboard.inventory.vnf.LcmOperationState;
import io.switchboard.inventory.vnf.VnfLcmOpOcc;
import io.switchboard.inventory.vnf.VnfLcmOpOccRepository;
import io.switchboard.inventory.vnf.VnfPackage;
import io.switchboard.inventory.vnf.VnfPackageBuilder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Benchmark, not a test (its name keeps it out of the normal run): one VNF instantiated on each of
 * N simulated NFX250s at once, through the same service the REST API calls; prints wall time,
 * per-VNF time from start to COMPLETED excluding the simulated boot delay (p50/p99), outcomes, CPU,
 * peak heap, cores and load average. Run with {@code ops/vnf-bench/run.sh [N ...]}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
class VnfInstantiationBenchmark {
  private static final int PORT = EndToEndApi.freePort();
  private static final int UCPES = Integer.getInteger("benchmark.ucpes", 20);
  private static final Duration BOOT = Duration.ofMillis(Long.getLong("benchmark.boot-ms", 1000));
  private static final String PUBLIC_KEY =
      "MCowBQYDK2VwAyEA0/vgVFVlpWvUSbUBv/m1LPEpbjXYJnAWKkalLaYMxhU=";
  private static final String PRIVATE_KEY =
      "MC4CAQAwBQYDK2VwBCIEIMCmyhssYjcFj2B8khxrHnQGOAx+CUUkeKWUzb0Jr3bm";
  private static final AccessScope ADMIN = new AccessScope("bench", Role.SP_ADMIN, null, null);

  @Autowired TenantRepository tenants;
  @Autowired SiteRepository sites;
  @Autowired DeviceModelRepository models;
  @Autowired DeviceRepository devices;
  @Autowired VnfPackageService packages;
  @Autowired VnfInstanceService instances;
  @Autowired VnfLcmOpOccRepository occurrences;

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    String run = UUID.randomUUID().toString();
    registry.add("server.port", () -> PORT);
    registry.add("camunda.client.rest-address", () -> "http://localhost:" + PORT);
    registry.add("camunda.client.grpc-address", () -> "http://localhost:" + PORT);
    registry.add("switchboard.hello.enabled", () -> "false");
    registry.add("switchboard.images.trusted-keys.bench", () -> PUBLIC_KEY);
    registry.add("switchboard.vnf.boot-timeout", () -> "PT10M");
    registry.add("switchboard.data-dir", () -> "./target/bench/data-" + run);
    registry.add(
        "spring.datasource.url",
        () -> "jdbc:h2:file:./target/bench/db-" + run + ";DB_CLOSE_ON_EXIT=FALSE");
  }

  @Test
  void instantiate() throws Exception {
    DeviceModel model = models.save(new DeviceModel("NFX250", "Juniper", "nfx"));
    Tenant tenant = tenants.save(new Tenant(null, "vnf-bench", null));
    VnfPackageBuilder builder = VnfPackageBuilder.aPackage("vSRX", "bench-" + UUID.randomUUID());
    byte[] csar = builder.build();
    VnfPackage vnfPackage =
        packages.upload(ADMIN, builder.signature(PRIVATE_KEY), false, new ByteArrayResource(csar));
    List<String> serials = new ArrayList<>();
    for (int i = 0; i < UCPES; i++) {
      serials.add(String.format("VNFB%05d", i + 1));
    }
    try (SimulatedFleet fleet =
        SimulatedFleet.builder()
            .serials(serials)
            .model("nfx250")
            .basePort(0)
            .credentials("admin", "admin123")
            .start()) {
      List<String> instanceIds = new ArrayList<>();
      for (String serial : serials) {
        SimulatedDevice ucpe = fleet.device(serial);
        ucpe.vnfHost().bootDelay(BOOT);
        ucpe.loadRunningConfig(
            ucpe.runningConfig()
                .replace(
                    "</configuration>",
                    "<security><zones><security-zone><name>untrust</name><interfaces>"
                        + "<name>ge-0/0/0.0</name></interfaces></security-zone></zones>"
                        + "</security></configuration>"));
        Site site = sites.save(new Site(tenant.getId(), "site-" + serial, SiteType.BRANCH));
        Device device = new Device(tenant.getId(), serial, model.getId());
        device.setSiteId(site.getId());
        device.setCredentials(new DeviceCredentials("admin", "admin123"));
        device.setLifecycleState(DeviceLifecycle.ACTIVE);
        String id = devices.save(device).getId();
        devices.updateReachability(id, ucpe.managementAddress(), ucpe.port());
        instanceIds.add(
            instances
                .create(
                    ADMIN,
                    new VnfInstanceService.CreateRequest(
                        tenant.getId(),
                        site.getId(),
                        id,
                        vnfPackage.getId(),
                        "small",
                        "vsrx-1",
                        null))
                .getId());
      }

      long cpuBefore = cpuNanos();
      long start = System.nanoTime();
      List<String> occIds = new ArrayList<>();
      // at once: every request from its own thread, as N API callers would
      ExecutorService callers = Executors.newFixedThreadPool(Math.min(50, UCPES));
      List<Future<VnfLcmOpOcc>> accepted = new ArrayList<>();
      for (String id : instanceIds) {
        accepted.add(callers.submit(() -> instances.instantiate(ADMIN, id)));
      }
      for (Future<VnfLcmOpOcc> f : accepted) {
        occIds.add(f.get().getId());
      }
      callers.shutdown();
      List<VnfLcmOpOcc> done = awaitFinal(occIds, Duration.ofMinutes(30));
      double wall = (System.nanoTime() - start) / 1e9;

      Map<LcmOperationState, Integer> outcomes = new TreeMap<>();
      List<Long> perVnf = new ArrayList<>();
      for (VnfLcmOpOcc occ : done) {
        outcomes.merge(occ.getOperationState(), 1, Integer::sum);
        if (occ.getOperationState() == LcmOperationState.COMPLETED) {
          perVnf.add(
              Duration.between(occ.getStartTime(), occ.getStateEnteredTime()).toMillis()
                  - BOOT.toMillis());
        }
      }
      perVnf.sort(Long::compare);
      System.out.printf(
          "%nVNF BENCHMARK: %s ucpes=%d boot=%d ms outcomes=%s%n"
              + "  wall=%.1f s  per-VNF excluding boot p50=%d ms p99=%d ms (n=%d)%n"
              + "  cpu=%.1f s  peak heap=%d MiB  threads=%d%n%n",
          machine(),
          UCPES,
          BOOT.toMillis(),
          outcomes,
          wall,
          percentile(perVnf, 50),
          percentile(perVnf, 99),
          perVnf.size(),
          (cpuNanos() - cpuBefore) / 1e9,
          peakHeapMiB(),
          peakThreads());
    }
  }

  private List<VnfLcmOpOcc> awaitFinal(List<String> ids, Duration max) throws InterruptedException {
    long deadline = System.nanoTime() + max.toNanos();
    while (true) {
      List<VnfLcmOpOcc> all = occurrences.findAllById(ids);
      if (all.stream().allMatch(o -> o.getOperationState().isFinal())
          || System.nanoTime() > deadline) {
        return all;
      }
      Thread.sleep(500); // a benchmark's own pacing, not a test wait
    }
  }
}
