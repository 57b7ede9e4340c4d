package io.switchboard.camel.junos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.switchboard.camel.netconf.DeviceConnection;
import io.switchboard.camel.netconf.InMemoryDeviceConnectionResolver;
import io.switchboard.camel.netconf.InMemoryHostKeyStore;
import io.switchboard.camel.netconf.NetconfClientSettings;
import io.switchboard.camel.netconf.NetconfComponent;
import io.switchboard.camel.netconf.NetconfConnectException;
import io.switchboard.camel.netconf.NetconfConstants;
import io.switchboard.camel.netconf.NetconfRpcException;
import io.switchboard.camel.netconf.NetconfSessionDroppedException;
import io.switchboard.camel.netconf.NetconfTimeoutException;
import io.switchboard.devices.fault.Fault;
import io.switchboard.devices.fleet.SimulatedDevice;
import io.switchboard.devices.fleet.SimulatedFleet;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Junos driver routes against the device simulator, through the real {@code netconf:}
 * component: each operation, then each fault profile the simulator injects. Every test works on its
 * own device.
 */
class JunosRoutesIT {

  private static final String SERIAL_PREFIX = "JR";
  private static SimulatedFleet fleet;
  private static ImageStore images;
  private static CamelContext camel;
  private static ProducerTemplate template;
  private static InMemoryHostKeyStore hostKeys;
  private static int nextDevice;

  @BeforeAll
  static void startFleetAndRoutes() throws Exception {
    fleet =
        SimulatedFleet.builder()
            .devices(22)
            .serialPrefix(SERIAL_PREFIX)
            .slowResponseDelay(Duration.ofSeconds(3))
            .rebootDelay(Duration.ofMillis(500))
            .build()
            .start();
    images = new ImageStore();
    InMemoryDeviceConnectionResolver resolver = new InMemoryDeviceConnectionResolver();
    for (SimulatedDevice device : fleet.devices()) {
      resolver.register(
          DeviceConnection.withPassword(
              device.serialNumber(),
              device.host(),
              device.port(),
              device.username(),
              device.password()));
    }
    hostKeys = new InMemoryHostKeyStore();
    camel = new DefaultCamelContext();
    camel.addComponent(
        "netconf",
        new NetconfComponent(
            NetconfClientSettings.defaults().withConnectTimeout(Duration.ofSeconds(5)),
            hostKeys,
            resolver));
    camel.addRoutes(new JunosErrorHandling());
    camel.addRoutes(new JunosInfoRoutes());
    camel.addRoutes(new JunosConfigRoutes());
    camel.addRoutes(new JunosFirewallRoutes());
    camel.addRoutes(new JunosSdwanRoutes());
    camel.addRoutes(new JunosSoftwareRoutes(Duration.ofMinutes(2)));
    camel.start();
    template = camel.createProducerTemplate();
  }

  @AfterAll
  static void stopAll() {
    if (camel != null) {
      camel.stop();
    }
    if (images != null) {
      images.close();
    }
    if (fleet != null) {
      fleet.close();
    }
  }

  private SimulatedDevice device;

  /** A device no other test touches. */
  private SimulatedDevice freshDevice() {
    synchronized (JunosRoutesIT.class) {
      device = fleet.device(nextDevice++);
    }
    return device;
  }

  @AfterEach
  void clearFaults() {
    if (device != null) {
      device.clearFaults();
    }
  }

  private <T> T call(String uri, Object body, Class<T> type) {
    return template.requestBodyAndHeader(
        uri, body, NetconfConstants.DEVICE_ID, device.serialNumber(), type);
  }

  private Object call(String uri, Object body) {
    return template.requestBodyAndHeader(
        uri, body, NetconfConstants.DEVICE_ID, device.serialNumber());
  }

  private static String hostName(String name) {
    return "<configuration><system><host-name>" + name + "</host-name></system></configuration>";
  }

  @Test
  void softwareInformationNamesHostModelAndVersion() {
    freshDevice();

    SoftwareInformation info =
        call(JunosRouteIds.GET_SOFTWARE_INFORMATION_URI, null, SoftwareInformation.class);

    assertThat(info.junosVersion()).isEqualTo(device.softwareVersion());
    assertThat(info.productModel()).isEqualTo(device.productModel());
    assertThat(info.hostName()).isEqualTo(device.hostName());
  }

  @Test
  void theFirstConnectionPinsTheDevicesHostKey() {
    freshDevice();

    call(JunosRouteIds.GET_SOFTWARE_INFORMATION_URI, null);

    assertThat(hostKeys.fingerprint(device.serialNumber())).contains(device.hostKeyFingerprint());
  }

  @Test
  void xmlLoadThenCommitChangesRunning() {
    freshDevice();

    LoadResult load =
        call(
            JunosRouteIds.LOAD_CONFIGURATION_URI,
            LoadConfiguration.xml(hostName("branch-7"), LoadAction.MERGE),
            LoadResult.class);
    CommitResult commit =
        call(
            JunosRouteIds.COMMIT_CONFIGURATION_URI,
            CommitConfiguration.commit("set host name"),
            CommitResult.class);

    assertThat(load.warnings()).isEmpty();
    assertThat(commit.checkOnly()).isFalse();
    assertThat(device.hostName()).isEqualTo("branch-7");
    assertThat(device.commitHistory().get(0).log()).isEqualTo("set host name");
  }

  @Test
  void setCommandsLoadAndCommitCheckLeavesRunningAlone() {
    freshDevice();
    String before = device.runningConfig();

    call(
        JunosRouteIds.LOAD_CONFIGURATION_URI,
        LoadConfiguration.setCommands(
            "set system host-name by-set\nset interfaces ge-0/0/1 description uplink"));
    CommitResult check =
        call(
            JunosRouteIds.COMMIT_CONFIGURATION_URI,
            CommitConfiguration.checkOnly(),
            CommitResult.class);

    assertThat(check.checkOnly()).isTrue();
    assertThat(device.runningConfig()).isEqualTo(before);
    assertThat(device.candidateConfig()).contains("by-set").contains("uplink");

    call(JunosRouteIds.COMMIT_CONFIGURATION_URI, CommitConfiguration.commit(null));
    assertThat(device.hostName()).isEqualTo("by-set");
  }

  @Test
  void pushWithConfirmedCommitThenConfirmKeepsTheChange() {
    freshDevice();

    CommitResult pushed =
        call(
            JunosRouteIds.PUSH_CONFIGURATION_URI,
            new ConfigurationPush(
                LoadConfiguration.xml(hostName("confirmed-1"), LoadAction.MERGE),
                CommitConfiguration.confirmed(5, "stage 1")),
            CommitResult.class);
    assertThat(pushed.checkOnly()).isFalse();
    assertThat(device.hostName()).isEqualTo("confirmed-1");

    call(JunosRouteIds.COMMIT_CONFIGURATION_URI, CommitConfiguration.confirm());

    assertThat(device.hostName()).isEqualTo("confirmed-1");
    assertThat(device.commitHistory()).hasSizeGreaterThanOrEqualTo(2);
  }

  @Test
  void aCheckedPushCommitsOnlyAfterTheCheckAndAFailedCheckCommitsNothing() {
    freshDevice();
    String before = device.runningConfig();
    int commits = device.commitHistory().size();
    device.injectFaultTimes(Fault.COMMIT_FAILURE, 1);

    assertThatThrownBy(
            () ->
                call(
                    JunosRouteIds.CHECKED_PUSH_CONFIGURATION_URI,
                    new ConfigurationPush(
                        LoadConfiguration.setCommands("set system host-name checked-doomed"),
                        CommitConfiguration.confirmed(5, null))))
        .cause()
        .isInstanceOf(NetconfRpcException.class);
    assertThat(device.runningConfig()).isEqualTo(before);
    assertThat(device.candidateConfig()).isEqualTo(before);
    assertThat(device.commitHistory()).hasSize(commits);
    assertThat(device.config().confirmDeadline()).isEmpty();

    CommitResult pushed =
        call(
            JunosRouteIds.CHECKED_PUSH_CONFIGURATION_URI,
            new ConfigurationPush(
                LoadConfiguration.setCommands("set system host-name checked"),
                CommitConfiguration.confirmed(5, "checked")),
            CommitResult.class);

    assertThat(pushed.checkOnly()).isFalse();
    assertThat(device.hostName()).isEqualTo("checked");
    assertThat(device.config().confirmDeadline()).isPresent();
    assertThat(device.config().lockOwner(io.switchboard.devices.config.Datastore.CANDIDATE))
        .isNull();
  }

  @Test
  void securityPoliciesAreReadFromTheCommittedConfigurationInTheirOrder() {
    freshDevice();
    String p = "set security policies from-zone trust to-zone untrust policy ";
    call(
        JunosRouteIds.PUSH_CONFIGURATION_URI,
        new ConfigurationPush(
            LoadConfiguration.setCommands(
                String.join(
                    "\n",
                    "set security zones security-zone trust interfaces ge-0/0/1.0",
                    "set security zones security-zone untrust interfaces ge-0/0/0.0",
                    p + "b match source-address any",
                    p + "b match destination-address any",
                    p + "b match application any",
                    p + "b then permit",
                    p + "a match source-address any",
                    p + "a match destination-address any",
                    p + "a match application junos-ssh",
                    p + "a then deny",
                    "insert security policies from-zone trust to-zone untrust policy a before"
                        + " policy b")),
            CommitConfiguration.commit(null)));

    @SuppressWarnings("unchecked")
    List<ZonePairPolicies> pairs =
        call(JunosFirewallRoutes.GET_SECURITY_POLICIES_URI, null, List.class);

    assertThat(pairs).containsExactly(new ZonePairPolicies("trust", "untrust", List.of("a", "b")));
  }

  @Test
  void aPreviewAnswersTheDevicesCompareAndLeavesTheCandidateCleanAlsoWhenTheLoadFails() {
    freshDevice();
    String before = device.runningConfig();

    ConfigurationPreview preview =
        call(
            JunosRouteIds.PREVIEW_CONFIGURATION_URI,
            LoadConfiguration.setCommands("set system location building 7"),
            ConfigurationPreview.class);

    assertThat(preview.compare()).contains("building 7");
    assertThat(device.candidateConfig()).isEqualTo(before);
    assertThatThrownBy(
            () ->
                call(
                    JunosRouteIds.PREVIEW_CONFIGURATION_URI,
                    LoadConfiguration.setCommands(
                        "set system location building 8\nfrobnicate system location")))
        .cause()
        .isInstanceOf(NetconfRpcException.class);
    assertThat(device.candidateConfig()).isEqualTo(before);
    assertThat(device.runningConfig()).isEqualTo(before);
    assertThat(device.config().lockOwner(io.switchboard.devices.config.Datastore.CANDIDATE))
        .isNull();
  }

  @Test
  void probeResultsFollowTheTunnelAndTheImpairmentOfItsLink() {
    freshDevice();
    call(
        JunosRouteIds.PUSH_CONFIGURATION_URI,
        new ConfigurationPush(
            LoadConfiguration.setCommands(
                String.join(
                    "\n",
                    "set interfaces ge-0/0/0 unit 0 family inet address 198.51.100.2/24",
                    "set interfaces st0 unit 1 family inet address 10.255.0.0/31",
                    "set security ike gateway gw1 address 198.51.100.1",
                    "set security ike gateway gw1 external-interface ge-0/0/0.0",
                    "set security ipsec vpn sdwan-t1 bind-interface st0.1",
                    "set security ipsec vpn sdwan-t1 ike gateway gw1",
                    "set services rpm probe sdwan-t1 test sdwan-t1 probe-type icmp-ping",
                    "set services rpm probe sdwan-t1 test sdwan-t1 target address 10.255.0.1",
                    "set services rpm probe sdwan-t1 test sdwan-t1 destination-interface st0.1",
                    "set services rpm probe sdwan-t9 test sdwan-t9 target address 10.255.0.9",
                    "set services rpm probe sdwan-t9 test sdwan-t9 destination-interface st0.9")),
            CommitConfiguration.commit(null)));
    device.impair("ge-0/0/0", new io.switchboard.devices.sdwan.Impairment(5, 20, 4));

    @SuppressWarnings("unchecked")
    List<RpmProbeResult> results = call(JunosSdwanRoutes.GET_PROBE_RESULTS_URI, null, List.class);

    assertThat(results)
        .containsExactly(
            new RpmProbeResult("sdwan-t1", "sdwan-t1", "st0.1", 5, 50, 4),
            new RpmProbeResult("sdwan-t9", "sdwan-t9", "st0.9", 100, 0, 0));
  }

  @Test
  void rollbackOneRestoresThePreviousCommit() {
    freshDevice();
    call(
        JunosRouteIds.PUSH_CONFIGURATION_URI,
        new ConfigurationPush(
            LoadConfiguration.xml(hostName("first"), LoadAction.MERGE),
            CommitConfiguration.commit("first")));
    call(
        JunosRouteIds.PUSH_CONFIGURATION_URI,
        new ConfigurationPush(
            LoadConfiguration.xml(hostName("second"), LoadAction.MERGE),
            CommitConfiguration.commit("second")));

    call(JunosRouteIds.ROLLBACK_URI, new Rollback(1, null));

    assertThat(device.hostName()).isEqualTo("first");
  }

  @Test
  void commitInformationNamesWhoCommittedThroughWhichClientNewestFirst() {
    freshDevice();
    call(
        JunosRouteIds.PUSH_CONFIGURATION_URI,
        new ConfigurationPush(
            LoadConfiguration.setCommands("set system location building 1"),
            CommitConfiguration.commit("switchboard change")));
    device.changeOutOfBand("alice", "set system location building 2", "by hand");

    @SuppressWarnings("unchecked")
    List<CommitHistoryEntry> history =
        call(JunosRouteIds.GET_COMMIT_INFORMATION_URI, null, List.class);

    assertThat(history.get(0))
        .extracting(
            CommitHistoryEntry::sequence,
            CommitHistoryEntry::user,
            CommitHistoryEntry::client,
            CommitHistoryEntry::comment)
        .containsExactly(0, "alice", "cli", "by hand");
    assertThat(history.get(0).time()).endsWith("UTC");
    assertThat(history.get(1))
        .extracting(
            CommitHistoryEntry::user, CommitHistoryEntry::client, CommitHistoryEntry::comment)
        .containsExactly(device.username(), "netconf", "switchboard change");
  }

  @Test
  void interfacesAreListedWithTheirStatus() {
    freshDevice();

    @SuppressWarnings("unchecked")
    List<InterfaceStatus> all =
        call(JunosRouteIds.GET_INTERFACE_INFORMATION_URI, InterfaceQuery.all(), List.class);

    assertThat(all).isNotEmpty();
    assertThat(all)
        .extracting(InterfaceStatus::name)
        .containsAll(device.interfaces().stream().map(i -> i.name()).toList());
    String first = all.get(0).name();
    @SuppressWarnings("unchecked")
    List<InterfaceStatus> one =
        call(JunosRouteIds.GET_INTERFACE_INFORMATION_URI, InterfaceQuery.named(first), List.class);
    assertThat(one).extracting(InterfaceStatus::name).containsExactly(first);
  }

  @Test
  void packageAddFromTheImageStoreInstallsAndRebootsIntoTheNewVersion() {
    freshDevice();
    String url =
        images.publish(
            "junos-srxsme-23.4R2.9.tgz", "a signed image".getBytes(StandardCharsets.UTF_8));

    PackageResult result =
        call(
            JunosRouteIds.REQUEST_PACKAGE_ADD_URI,
            new PackageAdd(url, true, true),
            PackageResult.class);

    assertThat(result.isSuccess()).isTrue();
    await()
        .atMost(Duration.ofSeconds(30))
        .ignoreExceptionsInstanceOf(CamelExecutionException.class)
        .untilAsserted(
            () ->
                assertThat(
                        call(
                                JunosRouteIds.GET_SOFTWARE_INFORMATION_URI,
                                null,
                                SoftwareInformation.class)
                            .junosVersion())
                    .isEqualTo("23.4R2.9"));
  }

  @Test
  void packageRollbackStagesThePreviousImageAndSaysWhenThereIsNone() {
    freshDevice();
    String version = device.softwareVersion();

    PackageResult nothing =
        call(JunosRouteIds.REQUEST_PACKAGE_ROLLBACK_URI, null, PackageResult.class);
    assertThat(nothing.isSuccess()).isFalse();
    assertThat(nothing.output()).contains("no previous software");

    String url =
        images.publish(
            "junos-srxsme-23.4R2.9.tgz", "a signed image".getBytes(StandardCharsets.UTF_8));
    call(JunosRouteIds.REQUEST_PACKAGE_ADD_URI, new PackageAdd(url, true, false));
    PackageResult back =
        call(JunosRouteIds.REQUEST_PACKAGE_ROLLBACK_URI, null, PackageResult.class);
    assertThat(back.isSuccess()).isTrue();
    assertThat(back.output()).contains(version);
  }

  @Test
  void everyJunosRouteFailsThroughTheOneErrorHandlingConfiguration() {
    assertThat(camel.getRoutes())
        .isNotEmpty()
        .allSatisfy(
            route ->
                assertThat(route.getConfigurationId())
                    .as(route.getRouteId())
                    .isEqualTo(JunosRouteIds.ERROR_HANDLING));
  }

  @Test
  void rebootAnswersThenTheDeviceComesBack() {
    freshDevice();
    int boots = device.bootCount();

    RebootStatus status = call(JunosRouteIds.REQUEST_REBOOT_URI, null, RebootStatus.class);

    assertThat(status.status()).isNotBlank();
    await()
        .atMost(Duration.ofSeconds(30))
        .ignoreExceptionsInstanceOf(CamelExecutionException.class)
        .untilAsserted(
            () -> {
              assertThat(device.bootCount()).isGreaterThan(boots);
              assertThat(
                      call(
                          JunosRouteIds.GET_SOFTWARE_INFORMATION_URI,
                          null,
                          SoftwareInformation.class))
                  .isNotNull();
            });
  }

  // ---- fault profiles ------------------------------------------------------------------------

  @Test
  void commitFailureIsAnRpcErrorAndThePushLeavesTheDeviceUnlockedAndClean() {
    freshDevice();
    String before = device.runningConfig();
    device.injectFault(Fault.COMMIT_FAILURE);

    assertThatThrownBy(
            () ->
                call(
                    JunosRouteIds.PUSH_CONFIGURATION_URI,
                    new ConfigurationPush(
                        LoadConfiguration.xml(hostName("doomed"), LoadAction.MERGE),
                        CommitConfiguration.confirmed(5, null))))
        .cause()
        .isInstanceOfSatisfying(
            NetconfRpcException.class,
            e -> {
              assertThat(e.getErrorSeverity()).isEqualTo("error");
              assertThat(e.getErrorMessage()).isNotBlank();
              assertThat(e.getDeviceId()).isEqualTo(device.serialNumber());
            });
    assertThat(device.runningConfig()).isEqualTo(before);
    assertThat(device.candidateConfig()).isEqualTo(before);

    device.clearFault(Fault.COMMIT_FAILURE);
    call(
        JunosRouteIds.PUSH_CONFIGURATION_URI,
        new ConfigurationPush(
            LoadConfiguration.xml(hostName("after-failure"), LoadAction.MERGE),
            CommitConfiguration.commit(null)));
    assertThat(device.hostName()).isEqualTo("after-failure");
  }

  @Test
  void slowResponsesBeyondTheRpcTimeoutAreTimeouts() {
    freshDevice();
    device.injectFault(Fault.SLOW_RESPONSES);

    assertThatThrownBy(
            () ->
                template.requestBodyAndHeaders(
                    JunosRouteIds.GET_SOFTWARE_INFORMATION_URI,
                    null,
                    Map.of(
                        NetconfConstants.DEVICE_ID,
                        device.serialNumber(),
                        NetconfConstants.RPC_TIMEOUT,
                        500L)))
        .cause()
        .isInstanceOfSatisfying(
            NetconfTimeoutException.class,
            e -> assertThat(e.getPhase()).isEqualTo("rpc get-software-information"));

    // Within the timeout a slow device is merely slow.
    assertThat(call(JunosRouteIds.GET_SOFTWARE_INFORMATION_URI, null, SoftwareInformation.class))
        .isNotNull();
  }

  @Test
  void aDroppedSessionIsItsOwnExceptionAndTheNextCallReconnects() {
    freshDevice();
    call(JunosRouteIds.GET_SOFTWARE_INFORMATION_URI, null);
    device.injectFault(Fault.DROP_SESSION);

    assertThatThrownBy(
            () ->
                call(
                    JunosRouteIds.LOAD_CONFIGURATION_URI,
                    LoadConfiguration.xml(hostName("maybe"), LoadAction.MERGE)))
        .cause()
        .isInstanceOf(NetconfSessionDroppedException.class);

    device.clearFault(Fault.DROP_SESSION);
    assertThat(call(JunosRouteIds.GET_SOFTWARE_INFORMATION_URI, null, SoftwareInformation.class))
        .isNotNull();
  }

  @Test
  void aWrongSerialShowsInTheChassisInventory() {
    freshDevice();
    assertThat(
            call(JunosRouteIds.GET_CHASSIS_INVENTORY_URI, null, ChassisInventory.class)
                .serialNumber())
        .isEqualTo(device.serialNumber());

    device.injectFault(Fault.WRONG_SERIAL);

    ChassisInventory inventory =
        call(JunosRouteIds.GET_CHASSIS_INVENTORY_URI, null, ChassisInventory.class);
    assertThat(inventory.serialNumber())
        .isNotEqualTo(device.serialNumber())
        .isEqualTo(device.reportedSerialNumber());
  }

  @Test
  void aCorruptImageFailsPackageAddWithTheInstallersOutput() {
    freshDevice();
    String version = device.softwareVersion();
    String url =
        images.publish(
            "junos-srxsme-23.4R3.1.tgz", "another image".getBytes(StandardCharsets.UTF_8));
    device.injectFault(Fault.CORRUPT_IMAGE);

    assertThatThrownBy(
            () -> call(JunosRouteIds.REQUEST_PACKAGE_ADD_URI, new PackageAdd(url, true, true)))
        .cause()
        .isInstanceOf(JunosOperationException.class)
        .hasMessageContaining("package-result 1")
        .hasMessageContaining("checksum");
    assertThat(device.softwareVersion()).isEqualTo(version);
  }

  @Test
  void anUnreachableDeviceIsAConnectFailure() {
    freshDevice();
    device.injectFault(Fault.UNREACHABLE);

    assertThatThrownBy(() -> call(JunosRouteIds.GET_SOFTWARE_INFORMATION_URI, null))
        .cause()
        .isInstanceOfAny(NetconfConnectException.class, NetconfSessionDroppedException.class);
  }
}
