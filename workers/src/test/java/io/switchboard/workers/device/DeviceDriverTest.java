package io.switchboard.workers.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camunda.client.exception.BpmnError;
import io.camunda.client.exception.JobError;
import io.switchboard.camel.junos.JunosRouteIds;
import io.switchboard.camel.junos.JunosVnfRoutes;
import io.switchboard.camel.junos.SoftwareInformation;
import io.switchboard.camel.netconf.NetconfConstants;
import io.switchboard.camel.netconf.NetconfRpcException;
import io.switchboard.camel.netconf.NetconfSessionDroppedException;
import io.switchboard.inventory.compliance.ConfigComparator;
import io.switchboard.inventory.compliance.ConfigDrift;
import io.switchboard.inventory.compliance.FeatureDrift;
import io.switchboard.inventory.compliance.IntendedConfig;
import io.switchboard.netconf.error.RpcError;
import io.switchboard.netconf.junos.JunosSecret;
import io.switchboard.workflows.ztp.ZtpOnboarding;
import java.util.List;
import java.util.Random;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The driver against stand-in routes at the Junos routes' endpoints. */
class DeviceDriverTest {
  private static final OnFailure ON_FAILURE = new OnFailure(ZtpOnboarding.ERROR_COMMIT_FAILED, 5);

  /** How the device shows the key Switchboard sent in the clear. */
  private static final String SHOWN_KEY = JunosSecret.encode("tunnel-key-42", new Random(9));

  private CamelContext camel;
  private DeviceDriver driver;

  @BeforeEach
  void standInRoutes() throws Exception {
    camel = new DefaultCamelContext();
    camel.addRoutes(
        new RouteBuilder() {
          @Override
          public void configure() {
            from(JunosRouteIds.GET_SOFTWARE_INFORMATION_URI)
                .process(
                    e ->
                        e.getMessage()
                            .setBody(
                                new SoftwareInformation(
                                    e.getMessage()
                                        .getHeader(NetconfConstants.DEVICE_ID, String.class),
                                    "srx300",
                                    "21.4R3")));
            from(JunosRouteIds.COMMIT_CONFIGURATION_URI)
                .process(
                    e -> {
                      throw new NetconfRpcException(
                          "r1",
                          "commit-configuration",
                          List.of(RpcError.error("protocol", "operation-failed", "commit failed")),
                          "<rpc-reply/>");
                    });
            from(JunosRouteIds.REQUEST_REBOOT_URI)
                .process(
                    e -> {
                      throw new NetconfSessionDroppedException("r1", "session dropped", null);
                    });
            from(JunosVnfRoutes.GET_CONFIGURATION_SET_URI)
                .setBody(
                    constant(
                        "set security ike policy sdwan-t1 pre-shared-key ascii-text \""
                            + SHOWN_KEY
                            + "\"\nset system host-name r1\n"));
            from(JunosRouteIds.GET_INTERFACE_INFORMATION_URI)
                .process(
                    e -> {
                      throw new NetconfSessionDroppedException("r1", "session dropped", null);
                    });
          }
        });
    camel.start();
    driver = new DeviceDriver(camel.createProducerTemplate());
  }

  @AfterEach
  void stop() {
    camel.stop();
  }

  @Test
  void aCallAddressesTheDeviceByItsIdAndAnswersTheTypedResult() {
    assertThat(driver.softwareInformation("r1", ON_FAILURE))
        .isEqualTo(new SoftwareInformation("r1", "srx300", "21.4R3"));
  }

  @Test
  void aRefusalOfTheDeviceBecomesTheStepsBpmnError() {
    assertThatThrownBy(
            () ->
                driver.commit(
                    "r1", io.switchboard.camel.junos.CommitConfiguration.confirm(), ON_FAILURE))
        .isInstanceOfSatisfying(
            BpmnError.class,
            e -> assertThat(e.getErrorCode()).isEqualTo(ZtpOnboarding.ERROR_COMMIT_FAILED));
  }

  @Test
  void aLostSessionBecomesARetriedJobFailure() {
    assertThatThrownBy(() -> driver.interfaces("r1", ON_FAILURE))
        .isInstanceOfSatisfying(
            JobError.class,
            e -> {
              assertThat(e.getRetries()).isEqualTo(4);
              assertThat(e.getMessage()).contains("session dropped");
              assertThat(e.getCause()).isInstanceOf(NetconfSessionDroppedException.class);
            });
  }

  @Test
  void aRebootWhoseSessionDropsIsTheRebootNotAFailure() {
    assertThat(driver.reboot("r1", ON_FAILURE).status()).contains("session dropped");
  }

  @Test
  void theRunningConfigurationComparesTheSecretsTheDeviceShowsInJunosFormByWhatTheyAre() {
    String running = driver.runningConfiguration("r1", ON_FAILURE);

    assertThat(ConfigComparator.compare(List.of(overlay("tunnel-key-42")), running).inSync())
        .isTrue();
    ConfigDrift otherKey = ConfigComparator.compare(List.of(overlay("another-key")), running);
    FeatureDrift drift =
        otherKey.features().stream()
            .filter(f -> f.feature().equals("overlay"))
            .findFirst()
            .orElseThrow();
    assertThat(drift.missing())
        .containsExactly("set security ike policy sdwan-t1 pre-shared-key ascii-text <hidden>");
    assertThat(drift.extra())
        .containsExactly("set security ike policy sdwan-t1 pre-shared-key ascii-text <hidden>");
    assertThat(otherKey.toString()).doesNotContain("tunnel-key-42", "another-key", SHOWN_KEY);
  }

  private static IntendedConfig overlay(String key) {
    IntendedConfig part = new IntendedConfig("t1", "r1", "overlay-o1");
    part.written(
        "set security ike policy sdwan-t1 pre-shared-key ascii-text \""
            + key
            + "\"\n"
            + "set system host-name r1",
        "op-1",
        1L);
    return part;
  }
}
