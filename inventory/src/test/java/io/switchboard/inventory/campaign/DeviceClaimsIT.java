package io.switchboard.inventory.campaign;

import static io.switchboard.inventory.testing.InventoryBuilders.aDevice;
import static io.switchboard.inventory.testing.InventoryBuilders.aDeviceModel;
import static io.switchboard.inventory.testing.InventoryBuilders.aTenant;
import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.inventory.InventoryTestApplication;
import io.switchboard.inventory.device.DeviceModel;
import io.switchboard.inventory.device.DeviceModelRepository;
import io.switchboard.inventory.device.DeviceRepository;
import io.switchboard.inventory.operation.Operation;
import io.switchboard.inventory.operation.OperationRepository;
import io.switchboard.inventory.tenancy.Tenant;
import io.switchboard.inventory.tenancy.TenantRepository;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Device claims on the real database (H2 here, MariaDB in CI's database suites): checking and
 * taking a device is one step under its row lock, so of two concurrent starts the second waits for
 * the first and sees its claim, also when its own snapshot was taken before (repeatable read).
 */
@SpringBootTest(classes = InventoryTestApplication.class)
class DeviceClaimsIT {
  @Autowired TenantRepository tenants;
  @Autowired DeviceModelRepository models;
  @Autowired DeviceRepository devices;
  @Autowired UpgradeCampaignRepository campaigns;
  @Autowired OperationRepository operations;
  @Autowired DeviceClaims claims;
  @Autowired PlatformTransactionManager transactionManager;

  private TransactionTemplate tx;
  private ExecutorService pool;
  private Tenant tenant;
  private DeviceModel model;

  @BeforeEach
  void setUp() {
    tx = new TransactionTemplate(transactionManager);
    pool = Executors.newFixedThreadPool(2);
    tenant = aTenant().save(tenants);
    model = aDeviceModel().save(models);
  }

  @AfterEach
  void tearDown() {
    pool.shutdownNow();
  }

  private String device() {
    return aDevice().of(tenant).ofModel(model).save(devices).getId();
  }

  /** Records a campaign with its operation, as the API does; answers the operation id. */
  private String campaignOperation(String name) {
    UpgradeCampaign campaign = new UpgradeCampaign(tenant.getId(), name, "img", "23.4R1", "alice");
    campaign.setPlanJson("{}");
    campaign = campaigns.saveAndFlush(campaign);
    Operation operation =
        operations.saveAndFlush(
            new Operation(tenant.getId(), "fleet-upgrade", "CAMPAIGN", campaign.getId(), "alice"));
    campaign.setOperationId(operation.getId());
    campaigns.saveAndFlush(campaign);
    return operation.getId();
  }

  private String deviceOperation(String deviceId) {
    return operations
        .saveAndFlush(
            new Operation(tenant.getId(), "config-reconcile", "DEVICE", deviceId, "alice"))
        .getId();
  }

  @Test
  void aClaimHoldsTheDeviceWhileItsOperationIsActive() {
    String held = device();
    String busy = device();
    String free = device();
    String campaignOp =
        tx.execute(
            s -> {
              String op = campaignOperation("q4");
              claims.claim(List.of(held), op);
              return op;
            });
    String reconcile =
        tx.execute(
            s -> {
              String op = deviceOperation(busy);
              claims.claim(List.of(busy), op);
              return op;
            });

    Map<String, DeviceClaims.Claim> seen = tx.execute(s -> claims.lock(List.of(free, held, busy)));
    assertThat(seen.keySet()).containsExactlyInAnyOrder(held, busy);
    assertThat(seen.get(held).byCampaign()).isTrue();
    assertThat(seen.get(held).message()).contains("upgrade campaign 'q4'", held);
    assertThat(seen.get(busy).byCampaign()).isFalse();
    assertThat(seen.get(busy).message())
        .isEqualTo(
            "device "
                + busy
                + " is busy with operation "
                + reconcile
                + " (config-reconcile); try again when it has ended");

    for (String op : List.of(campaignOp, reconcile)) {
      Operation ended = operations.findById(op).orElseThrow();
      ended.cancel("stopped by hand");
      operations.saveAndFlush(ended);
    }
    Map<String, DeviceClaims.Claim> after = tx.execute(s -> claims.lock(List.of(held, busy)));
    assertThat(after).as("released").isEmpty();
  }

  @Test
  void aSecondCampaignWaitsForTheFirstAndSeesItsClaim() throws Exception {
    String one = device();
    String both = device();
    String other = device();
    CountDownLatch claimed = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    Future<?> first =
        pool.submit(
            () ->
                tx.executeWithoutResult(
                    s -> {
                      assertThat(claims.lock(List.of(one, both))).isEmpty();
                      claims.claim(List.of(one, both), campaignOperation("first"));
                      claimed.countDown();
                      await(release);
                    }));
    assertThat(claimed.await(20, TimeUnit.SECONDS)).isTrue();

    Future<Map<String, DeviceClaims.Claim>> second =
        pool.submit(
            () ->
                tx.execute(
                    s -> {
                      // a read first: on repeatable read this fixes the snapshot before the
                      // first campaign commits
                      operations.count();
                      return claims.lock(List.of(both, other));
                    }));
    // the second waits on the rows the first has locked, for as long as the first is open
    Awaitility.await()
        .during(Duration.ofMillis(300))
        .atMost(Duration.ofSeconds(5))
        .until(() -> !second.isDone());
    release.countDown();
    first.get(20, TimeUnit.SECONDS);

    Map<String, DeviceClaims.Claim> seen = second.get(20, TimeUnit.SECONDS);
    assertThat(seen.keySet()).containsExactly(both);
    assertThat(seen.get(both).campaignName()).isEqualTo("first");
  }

  @Test
  void anOperationStartedWhileACampaignTakesTheDeviceSeesTheCampaign() throws Exception {
    String device = device();
    CountDownLatch claimed = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    Future<?> campaign =
        pool.submit(
            () ->
                tx.executeWithoutResult(
                    s -> {
                      claims.lock(List.of(device));
                      claims.claim(List.of(device), campaignOperation("q1"));
                      claimed.countDown();
                      await(release);
                    }));
    assertThat(claimed.await(20, TimeUnit.SECONDS)).isTrue();
    Future<Map<String, DeviceClaims.Claim>> operation =
        pool.submit(
            () ->
                tx.execute(
                    s -> {
                      devices.findById(device);
                      return claims.lock(List.of(device));
                    }));
    Awaitility.await()
        .during(Duration.ofMillis(300))
        .atMost(Duration.ofSeconds(5))
        .until(() -> !operation.isDone());
    release.countDown();
    campaign.get(20, TimeUnit.SECONDS);
    assertThat(operation.get(20, TimeUnit.SECONDS).get(device).byCampaign()).isTrue();
  }

  private static void await(CountDownLatch latch) {
    try {
      assertThat(latch.await(20, TimeUnit.SECONDS)).isTrue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
