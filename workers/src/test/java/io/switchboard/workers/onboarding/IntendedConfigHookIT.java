package io.switchboard.workers.onboarding;

import static io.switchboard.inventory.testing.InventoryBuilders.aDevice;
import static io.switchboard.inventory.testing.InventoryBuilders.aDeviceModel;
import static io.switchboard.inventory.testing.InventoryBuilders.aTenant;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.camunda.client.api.response.ActivatedJob;
import io.switchboard.inventory.compliance.IntendedConfig;
import io.switchboard.inventory.compliance.IntendedConfigRecorder;
import io.switchboard.inventory.device.Device;
import io.switchboard.inventory.device.DeviceModelRepository;
import io.switchboard.inventory.device.DeviceRepository;
import io.switchboard.inventory.tenancy.TenantRepository;
import io.switchboard.workers.device.DeviceDriver;
import io.switchboard.workflows.ztp.ZtpOnboardingVariables;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.orm.jpa.DataJpaTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/** Onboarding's commits become the device's intended configuration, with their operation. */
@DataJpaTest
@Import({ConfigurationWorkers.class, IntendedConfigRecorder.class})
class IntendedConfigHookIT {
  @Autowired ConfigurationWorkers workers;
  @Autowired IntendedConfigRecorder recorder;
  @Autowired TenantRepository tenants;
  @Autowired DeviceModelRepository models;
  @Autowired DeviceRepository devices;
  @MockitoBean DeviceDriver driver;
  @MockitoBean DeviceConfigurations configurations;

  @Test
  void theConfirmedStage1AndTheSiteConfigurationAreRecordedWithTheirOperation() {
    Device device =
        aDevice().of(aTenant().save(tenants)).ofModel(aDeviceModel().save(models)).save(devices);
    when(configurations.stage1(device.getId())).thenReturn("set system services netconf ssh\n");
    when(configurations.site(device.getId()))
        .thenReturn("set interfaces ge-0/0/1 unit 0 family inet address 10.0.0.1/24\n");
    ActivatedJob job = mock(ActivatedJob.class);
    when(job.getVariablesAsMap()).thenReturn(Map.of("operationId", "op-9"));
    when(job.getProcessInstanceKey()).thenReturn(77L);
    ZtpOnboardingVariables v =
        new ZtpOnboardingVariables(device.getId(), null, null, null, null, null);

    workers.confirm(job, v);
    workers.applySiteConfig(job, v);

    assertThat(recorder.of(device.getId()))
        .extracting(
            IntendedConfig::getPart,
            IntendedConfig::getOperationId,
            IntendedConfig::getProcessInstanceKey)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("site", "op-9", 77L),
            org.assertj.core.groups.Tuple.tuple("ztp-stage1", "op-9", 77L));
    assertThat(recorder.of(device.getId()).get(0).getSetLines())
        .isEqualTo("set interfaces ge-0/0/1 unit 0 family inet address 10.0.0.1/24");
  }
}
