package io.switchboard.app;

import static io.switchboard.app.BenchmarkFigures.cpuNanos;
import static io.switchboard.app.BenchmarkFigures.machine;
import static io.switchboard.app.BenchmarkFigures.peakHeapMiB;
import static io.switchboard.app.BenchmarkFigures.peakThreads;
import static io.switchboard.app.BenchmarkFigures.percentile;

import io.switchboard.api.operation.OperationStarter;
import io.switchboard.devices.fleet.SimulatedFleet;
import io.switchboard.inventory.device.Device;
import io.switchboard.inventory.device.DeviceCredentials;
import io.switchboard.inventory.device.DeviceModel;
import io.switchboard.inventory.device.DeviceModelRepository;
import io.switchboard.inventory.device.DeviceRepository;
import io.switchboard.inventory.image.SoftwareImage;
import io.switchboard.inventory.image.SoftwareImageRepository;
import io.switchboard.inventory.operation.Operation;
import io.switchboard.inventory.operation.OperationRepository;
import io.switchboard.inventory.operation.OperationState;
import io.switchboard.inventory.site.Site;
import io.switchboard.inventory.site.SiteRepository;
import io.switchboard.inventory.site.SiteType;
import io.switchboard.inventory.tenancy.Tenant;
import io.switchboard.inventory.tenancy.TenantRepository;
import io.switchboard.workflows.ztp.ZtpOnboarding;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
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
 * Benchmark, not a test (its name keeps it out of the normal run): onboards N simulated devices at
 * once, half of them needing an upgrade, and prints wall time, onboardings per minute, per-device
 * orchestration time (operation start to end, less the simulated reboot delay), CPU time, peak heap
 * and the core count. Run with {@code ops/onboard-bench/run.sh [N]}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
class OnboardingBenchmark {
  private static final int PORT = EndToEndApi.freePort();
  private static final int DEVICES = Integer.getInteger("benchmark.devices", 100);
  private static final Duration REBOOT_DELAY = Duration.ofSeconds(2);
  private static final String OLD = "21.4R3-S5.4";
  private static final String NEW = "23.4R1.9";

  @Autowired TenantRepository tenants;
  @Autowired SiteRepository sites;
  @Autowired DeviceModelRepository models;
  @Autowired DeviceRepository devices;
  @Autowired SoftwareImageRepository images;
  @Autowired OperationRepository operations;
  @Autowired OperationStarter starter;
  @Autowired PlatformTransactionManager transactionManager;
  @Autowired PasswordEncoder encoder;
  static final String BENCH_SECRET = "bench-activation-secret";

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    String run = UUID.randomUUID().toString();
    registry.add("server.port", () -> PORT);
    registry.add("camunda.client.rest-address", () -> "http://localhost:" + PORT);
    registry.add("camunda.client.grpc-address", () -> "http://localhost:" + PORT);
    registry.add("switchboard.hello.enabled", () -> "false");
    registry.add("switchboard.data-dir", () -> "./target/bench/data-" + run);
    registry.add("switchboard.images.store-dir", () -> "./target/bench/data-" + run + "/images");
    registry.add(
        "spring.datasource.url",
        () -> "jdbc:h2:file:./target/bench/db-" + run + ";DB_CLOSE_ON_EXIT=FALSE");
    registry.add(
        "switchboard.images.trusted-keys.switchboard-demo",
        () -> "MCowBQYDK2VwAyEAyqaHMOOmKV5PztDnHsBz5LgAZtzBjICdcH33+DY2rO4=");
  }

  @Test
  void onboard() throws Exception {
    DeviceModel model = models.save(new DeviceModel("SRX300", "Juniper", "srx"));
    storeImage();
    Tenant tenant = tenants.save(new Tenant(null, "bench", null));
    // every device proves itself when it phones home; one secret for all keeps set-up cheap
    String secretHash = encoder.encode(BENCH_SECRET);
    List<String> serials = new ArrayList<>();
    List<String> deviceIds = new ArrayList<>();
    for (int i = 0; i < DEVICES; i++) {
      Site site = new Site(tenant.getId(), "site-" + i, SiteType.BRANCH);
      site.setTargetSoftwareVersion(i % 2 == 0 ? OLD : NEW);
      site = sites.save(site);
      String serial = String.format("BENCH%05d", i);
      Device device = new Device(tenant.getId(), serial, model.getId());
      device.setSiteId(site.getId());
      device.setCredentials(new DeviceCredentials("admin", "admin123"));
      device.setActivationSecretHash(secretHash);
      deviceIds.add(devices.save(device).getId());
      serials.add(serial);
    }
    long cpuBefore = cpuNanos();
    long started = System.nanoTime();
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
            .model("srx300")
            .softwareVersion(OLD)
            .credentials("admin", "admin123")
            .activationSecrets(s -> BENCH_SECRET)
            .rebootDelay(REBOOT_DELAY)
            .phoneHome("http://localhost:" + PORT)
            .start()) {
      long deadline = System.nanoTime() + Duration.ofMinutes(15).toNanos();
      while (operations.findAll().stream().anyMatch(o -> o.getState() == OperationState.RUNNING)
          && System.nanoTime() < deadline) {
        Thread.sleep(1000); // a benchmark's own pacing, not a test wait
      }
    }
    double wallSeconds = (System.nanoTime() - started) / 1e9;
    List<Operation> all = operations.findAll();
    List<Long> orchestration = new ArrayList<>();
    long completed = 0;
    for (Operation op : all) {
      if (op.getState() != OperationState.COMPLETED) {
        continue;
      }
      completed++;
      Device device = devices.findById(op.getTargetId()).orElseThrow();
      long millis = Duration.between(op.getCreatedAt(), op.getUpdatedAt()).toMillis();
      if (NEW.equals(device.getSoftwareVersion())) {
        millis -= REBOOT_DELAY.toMillis();
      }
      orchestration.add(millis);
    }
    orchestration.sort(Long::compare);
    org.assertj.core.api.Assertions.assertThat(completed)
        .as("every device onboarded, else the figures mean nothing")
        .isEqualTo(DEVICES);
    System.out.printf(
        "%nONBOARDING BENCHMARK: %s devices=%d (half upgraded) completed=%d failed=%d%n"
            + "  wall=%.1f s  onboardings/min=%.0f  per-device orchestration p50=%d ms p99=%d ms max=%d ms%n"
            + "  cpu=%.1f s  peak heap=%d MiB  threads=%d%n%n",
        machine(),
        DEVICES,
        completed,
        all.size() - completed,
        wallSeconds,
        completed / wallSeconds * 60,
        percentile(orchestration, 50),
        percentile(orchestration, 99),
        orchestration.isEmpty() ? 0 : orchestration.get(orchestration.size() - 1),
        (cpuNanos() - cpuBefore) / 1e9,
        peakHeapMiB(),
        peakThreads());
  }

  private void storeImage() throws Exception {
    byte[] content =
        ("bench Junos image " + NEW + "\n").repeat(1000).getBytes(StandardCharsets.UTF_8);
    byte[] digest = MessageDigest.getInstance("SHA-256").digest(content);
    Path dir =
        Path.of(System.getProperty("user.dir"), "target", "bench", "images-" + UUID.randomUUID());
    Files.createDirectories(dir);
    Path file = dir.resolve(HexFormat.of().formatHex(digest));
    Files.write(file, content);
    String key =
        new String(
                getClass().getResourceAsStream("/demo/image-signing-key.pkcs8.b64").readAllBytes(),
                StandardCharsets.US_ASCII)
            .trim();
    Signature signer = Signature.getInstance("Ed25519");
    signer.initSign(
        KeyFactory.getInstance("Ed25519")
            .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(key))));
    signer.update(digest);
    images.save(
        new SoftwareImage(
            NEW,
            "srx",
            "junos-srxsme-" + NEW + ".tgz",
            HexFormat.of().formatHex(digest),
            Base64.getEncoder().encodeToString(signer.sign()),
            "switchboard-demo",
            content.length,
            file.toString()));
  }
}
