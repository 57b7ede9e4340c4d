package io.switchboard.app;

import static io.switchboard.inventory.testing.InventoryBuilders.aDevice;
import static io.switchboard.inventory.testing.InventoryBuilders.aDeviceModel;
import static io.switchboard.inventory.testing.InventoryBuilders.aTenant;
import static io.switchboard.inventory.testing.InventoryBuilders.anImage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.search.response.Job;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.switchboard.camel.junos.PackageResult;
import io.switchboard.camel.junos.RebootStatus;
import io.switchboard.inventory.device.Device;
import io.switchboard.inventory.device.DeviceModel;
import io.switchboard.inventory.device.DeviceModelRepository;
import io.switchboard.inventory.device.DeviceRepository;
import io.switchboard.inventory.image.SoftwareImageRepository;
import io.switchboard.inventory.tenancy.TenantRepository;
import io.switchboard.workers.device.DeviceDriver;
import io.switchboard.workflows.upgrade.DeviceUpgrade;
import io.switchboard.workflows.upgrade.DeviceUpgradeVariables;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * Every worker runs with the job timeout its code or configuration asks for, read back from the
 * engine: the deadline of the job a real worker holds, through the official client's job search.
 * The device steps wait on a stand-in driver so their jobs stay activated while the test looks.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
class JobTimeoutsIT {
  private static final int PORT = freePort();
  private static final String PROCESS_ID = "job-timeouts-it";

  @Autowired CamundaClient client;
  @Autowired TenantRepository tenants;
  @Autowired DeviceModelRepository models;
  @Autowired DeviceRepository devices;
  @Autowired SoftwareImageRepository images;
  @MockitoBean DeviceDriver driver;

  private final CountDownLatch release = new CountDownLatch(1);

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    registry.add("server.port", () -> PORT);
    registry.add("camunda.client.rest-address", () -> "http://localhost:" + PORT);
    registry.add("camunda.client.grpc-address", () -> "http://localhost:" + PORT);
    registry.add("switchboard.hello.enabled", () -> "false");
    registry.add("switchboard.data-dir", () -> "./target/app-it/data-" + UUID.randomUUID());
    registry.add(
        "spring.datasource.url",
        () -> "jdbc:h2:file:./target/app-it/db-" + UUID.randomUUID() + ";DB_CLOSE_ON_EXIT=FALSE");
  }

  @AfterEach
  void releaseWorkers() {
    release.countDown();
  }

  @Test
  void theInstallWorkerHoldsItsJobForFifteenMinutesAndTheOthersForTheConfiguredMinute() {
    CountDownLatch bothHeld = new CountDownLatch(2);
    doAnswer(held(bothHeld, new PackageResult(0, "installed")))
        .when(driver)
        .addPackage(any(), any(), any());
    doAnswer(held(bothHeld, new RebootStatus("Shutdown NOW!"))).when(driver).reboot(any(), any());
    DeviceModel model = aDeviceModel().ofFamily("fam-" + UUID.randomUUID()).save(models);
    Device device = aDevice().of(aTenant().save(tenants)).ofModel(model).save(devices);
    anImage().forFamily(model.getFamily()).version("23.4R1.9").save(images);
    client
        .newDeployResourceCommand()
        .addProcessModel(installAndReboot(), "timeouts.bpmn")
        .send()
        .join();

    OffsetDateTime before = OffsetDateTime.now();
    long instance =
        client
            .newCreateInstanceCommand()
            .bpmnProcessId(PROCESS_ID)
            .latestVersion()
            .variables(new DeviceUpgradeVariables(device.getId(), "23.4R1.9", null))
            .send()
            .join()
            .getProcessInstanceKey();
    await().atMost(Duration.ofSeconds(30)).until(() -> bothHeld.getCount() == 0);
    OffsetDateTime after = OffsetDateTime.now();

    List<Job> jobs =
        client
            .newJobSearchRequest()
            .filter(f -> f.processInstanceKey(instance))
            .send()
            .join()
            .items();
    assertThat(deadline(jobs, DeviceUpgrade.JOB_INSTALL_PACKAGE))
        .isBetween(before.plusMinutes(15).minusSeconds(1), after.plusMinutes(15).plusSeconds(1));
    assertThat(deadline(jobs, DeviceUpgrade.JOB_REBOOT))
        .isBetween(before.plusSeconds(59), after.plusSeconds(61));
  }

  /** Holds the worker's thread (and so its job) until the test is done. */
  private org.mockito.stubbing.Answer<Object> held(CountDownLatch reached, Object result) {
    return invocation -> {
      reached.countDown();
      release.await(2, TimeUnit.MINUTES);
      return result;
    };
  }

  private static OffsetDateTime deadline(List<Job> jobs, String type) {
    return jobs.stream()
        .filter(job -> type.equals(job.getType()))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + type + " job in " + jobs))
        .getDeadline();
  }

  /** The two upgrade steps side by side, so both jobs are held at once. */
  private static BpmnModelInstance installAndReboot() {
    return Bpmn.createExecutableProcess(PROCESS_ID)
        .startEvent()
        .parallelGateway("fork")
        .serviceTask("install", t -> t.zeebeJobType(DeviceUpgrade.JOB_INSTALL_PACKAGE))
        .endEvent("installed")
        .moveToNode("fork")
        .serviceTask("reboot", t -> t.zeebeJobType(DeviceUpgrade.JOB_REBOOT))
        .endEvent("rebooted")
        .done();
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException("No free port", e);
    }
  }
}
