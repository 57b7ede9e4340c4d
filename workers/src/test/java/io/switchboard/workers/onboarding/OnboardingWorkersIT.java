package io.switchboard.workers.onboarding;

import static io.switchboard.inventory.testing.InventoryBuilders.aDevice;
import static io.switchboard.inventory.testing.InventoryBuilders.aDeviceModel;
import static io.switchboard.inventory.testing.InventoryBuilders.aSite;
import static io.switchboard.inventory.testing.InventoryBuilders.aTenant;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camunda.client.exception.BpmnError;
import io.switchboard.inventory.device.Device;
import io.switchboard.inventory.device.DeviceLifecycle;
import io.switchboard.inventory.device.DeviceModel;
import io.switchboard.inventory.device.DeviceModelRepository;
import io.switchboard.inventory.device.DeviceRepository;
import io.switchboard.inventory.site.Site;
import io.switchboard.inventory.site.SiteRepository;
import io.switchboard.inventory.tenancy.TenantRepository;
import io.switchboard.workflows.operation.OperationContract;
import io.switchboard.workflows.ztp.ZtpOnboarding;
import io.switchboard.workflows.ztp.ZtpOnboardingVariables;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.orm.jpa.DataJpaTest;
import org.springframework.context.annotation.Import;

@DataJpaTest
@Import(OnboardingWorkers.class)
class OnboardingWorkersIT {
  @Autowired OnboardingWorkers workers;
  @Autowired TenantRepository tenants;
  @Autowired SiteRepository sites;
  @Autowired DeviceModelRepository models;
  @Autowired DeviceRepository devices;

  private DeviceModel model;
  private Site site;
  private Device device;

  @BeforeEach
  void registeredDevice() {
    model = aDeviceModel().named("SRX300").save(models);
    site = aSite().of(aTenant().save(tenants)).targeting("23.4R1.9").save(sites);
    device = aDevice().at(site).ofModel(model).save(devices);
  }

  private static ZtpOnboardingVariables phonedHome(
      Device device, String serial, String model, String version) {
    return new ZtpOnboardingVariables(device.getId(), serial, model, version, null, null);
  }

  @Test
  void markingOnboardingGivesTheProcessWhatItCorrelatesAndDecidesOn() {
    var variables = workers.markOnboarding(phonedHome(device, null, null, null));

    assertThat(variables)
        .containsEntry(ZtpOnboarding.VAR_SERIAL, device.getSerialNumber())
        .containsEntry(ZtpOnboarding.VAR_DEVICE_MODEL, "SRX300")
        .containsEntry(ZtpOnboarding.VAR_TARGET_VERSION, "23.4R1.9");
    assertThat(devices.findById(device.getId()).orElseThrow().getLifecycleState())
        .isEqualTo(DeviceLifecycle.ONBOARDING);
  }

  @Test
  void aDeviceReportingAnotherSerialIsRejectedWithBothSerials() {
    assertThatThrownBy(() -> workers.validate(phonedHome(device, "OTHER1", "srx300", "21.4R3")))
        .isInstanceOfSatisfying(
            BpmnError.class,
            e -> {
              assertThat(e.getErrorCode()).isEqualTo(ZtpOnboarding.ERROR_DEVICE_REJECTED);
              assertThat(e.getErrorMessage())
                  .isEqualTo(
                      "device reports serial OTHER1, registered as " + device.getSerialNumber());
              assertThat(e.getVariables())
                  .isEqualTo(java.util.Map.of(ZtpOnboarding.VAR_FAILURE, e.getErrorMessage()));
            });
  }

  @Test
  void aDeviceReportingAnotherModelIsRejected() {
    assertThatThrownBy(
            () -> workers.validate(phonedHome(device, device.getSerialNumber(), "mx960", "21.4R3")))
        .isInstanceOfSatisfying(
            BpmnError.class,
            e -> assertThat(e.getErrorMessage()).contains("mx960").contains("SRX300"));
  }

  @Test
  void theRegisteredDeviceIsAcceptedAndItsVersionRecorded() {
    workers.validate(phonedHome(device, device.getSerialNumber(), "srx300", "21.4R3"));

    assertThat(devices.findById(device.getId()).orElseThrow().getSoftwareVersion())
        .isEqualTo("21.4R3");
  }

  @Test
  void aDeviceThatIsNotInTheInventoryIsRejected() {
    assertThatThrownBy(
            () ->
                workers.markOnboarding(
                    new ZtpOnboardingVariables("no-such-id", null, null, null, null, null)))
        .isInstanceOfSatisfying(
            BpmnError.class,
            e ->
                assertThat(e.getErrorMessage())
                    .isEqualTo("device no-such-id is not in the inventory"));
  }

  @Test
  void markingActiveActivatesTheDeviceAndItsSiteAndReportsTheResult() {
    var variables = workers.markActive(phonedHome(device, null, null, null));

    assertThat(variables).containsKey(OperationContract.VAR_RESULT);

    assertThat(devices.findById(device.getId()).orElseThrow().getLifecycleState())
        .isEqualTo(DeviceLifecycle.ACTIVE);
    assertThat(sites.findById(site.getId()).orElseThrow().getLifecycleState()).isEqualTo("ACTIVE");
  }
}
