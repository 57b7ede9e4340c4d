package io.switchboard.camel.netconf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.switchboard.netconf.NetconfCapabilities;
import io.switchboard.netconf.NetconfProtocol;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The {@code netconf:} component against a real NETCONF server: yuma123 netconfd behind OpenSSH
 * (see {@code camel-routes/ci/netconfd-up.sh}). Edits go to ietf-netconf-acm groups, a module
 * netconfd always loads; each test uses its own group names.
 */
class NetconfdInteropIT {

  private static final String NACM = "urn:ietf:params:xml:ns:yang:ietf-netconf-acm";

  private NetconfdPeer peer;
  private InMemoryHostKeyStore hostKeys;
  private InMemoryDeviceConnectionResolver resolver;
  private NetconfComponent component;
  private CamelContext camel;
  private ProducerTemplate template;

  @BeforeEach
  void startCamel() throws Exception {
    peer = NetconfdPeer.fromEnvironment();
    hostKeys = new InMemoryHostKeyStore();
    resolver = new InMemoryDeviceConnectionResolver();
    component = new NetconfComponent(NetconfClientSettings.defaults(), hostKeys, resolver);
    camel = new DefaultCamelContext();
    camel.addComponent("netconf", component);
    camel.start();
    template = camel.createProducerTemplate();
  }

  @AfterEach
  void stopCamel() {
    if (camel != null) {
      camel.stop();
    }
  }

  private static String group(String name) {
    return "<nacm xmlns=\""
        + NACM
        + "\"><groups><group><name>"
        + name
        + "</name><user-name>alice</user-name></group></groups></nacm>";
  }

  private static String groupFilter(String name) {
    return "<nacm xmlns=\""
        + NACM
        + "\"><groups><group><name>"
        + name
        + "</name></group></groups></nacm>";
  }

  private static String unique(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  private String config(String datastore, String groupName) {
    return template.requestBodyAndHeader(
        peer.uri("operation=get-config&source=" + datastore),
        null,
        NetconfConstants.FILTER,
        groupFilter(groupName),
        String.class);
  }

  @Test
  void helloExchangesCapabilitiesAndPicksChunkedFramingForBase11() {
    Exchange reply = template.request(peer.uri("operation=hello"), e -> {});

    assertThat(reply.getException()).isNull();
    @SuppressWarnings("unchecked")
    List<String> capabilities = reply.getMessage().getBody(List.class);
    assertThat(capabilities)
        .contains(
            NetconfCapabilities.BASE_10,
            NetconfCapabilities.BASE_11,
            NetconfCapabilities.CANDIDATE,
            NetconfCapabilities.CONFIRMED_COMMIT_11);
    assertThat(reply.getMessage().getHeader(NetconfConstants.FRAMING)).isEqualTo("chunked");
    assertThat(reply.getMessage().getHeader(NetconfConstants.SESSION_ID, String.class))
        .isNotBlank();
  }

  @Test
  void base10OnlyClientGetsEndOfMessageFramingAndStillWorks() {
    Exchange reply =
        template.request(peer.uri("operation=get-config&source=running&baseVersion=1.0"), e -> {});

    assertThat(reply.getException()).isNull();
    assertThat(reply.getMessage().getHeader(NetconfConstants.FRAMING)).isEqualTo("end-of-message");
    assertThat(reply.getMessage().getBody(String.class)).contains("<data");
  }

  @Test
  void getConfigReturnsTheRunningDatastore() {
    String reply =
        template.requestBody(peer.uri("operation=get-config&source=running"), null, String.class);

    NetconfReply parsed = NetconfReply.parse(reply);
    assertThat(parsed.data()).isNotNull();
    assertThat(NetconfXml.child(parsed.data(), "nacm")).isNotNull();
  }

  @Test
  void editConfigToCandidateThenCommitReachesRunning() {
    String name = unique("commit");
    template.requestBody(
        peer.uri("operation=edit-config&target=candidate&defaultOperation=merge"), group(name));
    assertThat(config("candidate", name)).contains(name);
    assertThat(config("running", name)).doesNotContain(name);

    String ok = template.requestBody(peer.uri("operation=commit"), null, String.class);

    assertThat(NetconfReply.parse(ok).isOk()).isTrue();
    assertThat(config("running", name)).contains(name);
  }

  @Test
  void editConfigDeleteRemovesWhatItNames() {
    String name = unique("delete");
    template.requestBody(peer.uri("operation=edit-config"), group(name));
    template.requestBody(peer.uri("operation=commit"), (Object) null);
    assertThat(config("running", name)).contains(name);

    String victim =
        "<nacm xmlns=\""
            + NACM
            + "\"><groups><group xmlns:nc=\""
            + NetconfProtocol.BASE_NAMESPACE
            + "\" nc:operation=\"delete\"><name>"
            + name
            + "</name></group></groups></nacm>";
    template.requestBody(peer.uri("operation=edit-config"), victim);
    template.requestBody(peer.uri("operation=commit"), (Object) null);

    assertThat(config("running", name)).doesNotContain(name);
  }

  @Test
  void confirmedCommitWithPersistThenCancelCommitRestoresRunning() {
    String name = unique("confirmed");
    String persist = unique("persist");
    template.requestBody(peer.uri("operation=edit-config"), group(name));

    template.requestBodyAndHeaders(
        peer.uri("operation=commit"),
        null,
        Map.of(
            NetconfConstants.CONFIRMED,
            true,
            NetconfConstants.CONFIRM_TIMEOUT,
            300,
            NetconfConstants.PERSIST,
            persist));
    assertThat(config("running", name)).contains(name);

    template.requestBodyAndHeader(
        peer.uri("operation=cancel-commit"), null, NetconfConstants.PERSIST_ID, persist);

    assertThat(config("running", name)).doesNotContain(name);
  }

  @Test
  void confirmedCommitThenConfirmingCommitKeepsTheChange() {
    String name = unique("confirm");
    String persist = unique("persist");
    template.requestBody(peer.uri("operation=edit-config"), group(name));
    template.requestBodyAndHeaders(
        peer.uri("operation=commit&confirmed=true&confirmTimeout=300"),
        null,
        Map.of(NetconfConstants.PERSIST, persist));

    template.requestBodyAndHeader(
        peer.uri("operation=commit"), null, NetconfConstants.PERSIST_ID, persist);

    assertThat(config("running", name)).contains(name);
    assertThatThrownBy(
            () ->
                template.requestBodyAndHeader(
                    peer.uri("operation=cancel-commit"),
                    null,
                    NetconfConstants.PERSIST_ID,
                    persist))
        .hasCauseInstanceOf(NetconfRpcException.class);
  }

  @Test
  void lockIsExclusiveUntilUnlocked() throws Exception {
    resolver.register(peer.passwordConnection("locker"));
    resolver.register(peer.passwordConnection("other"));
    // Two device ids for one server give two sessions: "other" runs into the lock "locker" holds.
    camel.addRoutes(
        new RouteBuilder() {
          @Override
          public void configure() {
            from("direct:hold-lock")
                .routeId("test-hold-lock")
                .to("netconf:device?operation=lock&target=candidate")
                .process(
                    e ->
                        e.setProperty(
                            "otherLock",
                            template
                                .request(
                                    "netconf:device?operation=lock",
                                    other ->
                                        other
                                            .getMessage()
                                            .setHeader(NetconfConstants.DEVICE_ID, "other"))
                                .getException()))
                .to("netconf:device?operation=unlock&target=candidate");
          }
        });

    Exchange done =
        template.request(
            "direct:hold-lock",
            e -> e.getMessage().setHeader(NetconfConstants.DEVICE_ID, "locker"));

    assertThat(done.getException()).isNull();
    assertThat(done.getProperty("otherLock", Exception.class))
        .isInstanceOfSatisfying(
            NetconfRpcException.class,
            e -> {
              assertThat(e.getErrorTag()).isEqualTo("lock-denied");
              assertThat(e.getErrorType()).isEqualTo("protocol");
              assertThat(e.getErrors().get(0).info()).containsKey("session-id");
            });
    String relock =
        template.requestBodyAndHeader(
            "netconf:device?operation=lock",
            null,
            NetconfConstants.DEVICE_ID,
            "other",
            String.class);
    assertThat(NetconfReply.parse(relock).isOk()).isTrue();
  }

  @Test
  void lockLeftHeldWhenTheExchangeEndsIsReleasedByClosingItsSession() {
    resolver.register(peer.passwordConnection("forgetful"));
    resolver.register(peer.passwordConnection("next"));
    template.requestBodyAndHeader(
        "netconf:device?operation=lock", null, NetconfConstants.DEVICE_ID, "forgetful");

    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () ->
                assertThat(
                        template
                            .request(
                                "netconf:device?operation=lock",
                                e -> e.getMessage().setHeader(NetconfConstants.DEVICE_ID, "next"))
                            .getException())
                    .isNull());
  }

  @Test
  void rpcErrorCarriesTypeTagSeverityPathAndTheDevicesMessage() {
    String bad = "<nacm xmlns=\"" + NACM + "\"><enable-nacm>perhaps</enable-nacm></nacm>";

    assertThatThrownBy(() -> template.requestBody(peer.uri("operation=edit-config"), bad))
        .cause()
        .isInstanceOfSatisfying(
            NetconfRpcException.class,
            e -> {
              // netconfd reports a YANG type violation as a protocol error.
              assertThat(e.getErrorType()).isIn("protocol", "application");
              assertThat(e.getErrorTag()).isEqualTo("invalid-value");
              assertThat(e.getErrorSeverity()).isEqualTo("error");
              assertThat(e.getErrorPath()).contains("enable-nacm");
              assertThat(e.getErrorMessage()).isNotBlank();
              assertThat(e.getDeviceId()).isEqualTo(peer.host() + ":" + peer.port());
            });
  }

  @Test
  void validateAndDiscardChangesWorkOnTheCandidate() {
    String name = unique("discard");
    template.requestBody(peer.uri("operation=edit-config"), group(name));
    assertThat(
            NetconfReply.parse(
                    template.requestBody(peer.uri("operation=validate"), null, String.class))
                .isOk())
        .isTrue();

    template.requestBody(peer.uri("operation=discard-changes"), (Object) null);

    assertThat(config("candidate", name)).doesNotContain(name);
  }

  @Test
  void rawRpcIsSentAsIs() {
    String reply =
        template.requestBody(
            peer.uri("operation=rpc"),
            "<get xmlns=\""
                + NetconfProtocol.BASE_NAMESPACE
                + "\"><filter type=\"subtree\">"
                + "<netconf-state xmlns=\"urn:ietf:params:xml:ns:yang:ietf-netconf-monitoring\"><sessions/></netconf-state>"
                + "</filter></get>",
            String.class);

    assertThat(reply).contains("sessions");
  }

  @Test
  void publicKeyAuthenticationWorks() {
    resolver.register(peer.keyConnection("keyed"));

    String reply =
        template.requestBodyAndHeader(
            "netconf:device?operation=get-config",
            null,
            NetconfConstants.DEVICE_ID,
            "keyed",
            String.class);

    assertThat(reply).contains("<data");
  }

  @Test
  void wrongPasswordIsAnAuthenticationFailure() {
    resolver.register(
        DeviceConnection.withPassword("wrong", peer.host(), peer.port(), peer.user(), "not-it"));

    assertThatThrownBy(
            () ->
                template.requestBodyAndHeader(
                    "netconf:device?operation=hello", null, NetconfConstants.DEVICE_ID, "wrong"))
        .cause()
        .isInstanceOf(NetconfAuthenticationException.class);
  }

  @Test
  void firstUsePinsTheHostKeyAndAChangedKeyIsRefused() {
    resolver.register(peer.passwordConnection("pinned"));
    template.requestBodyAndHeader(
        "netconf:device?operation=hello", null, NetconfConstants.DEVICE_ID, "pinned");
    assertThat(hostKeys.fingerprint("pinned")).get().asString().startsWith("SHA256:");

    resolver.register(peer.passwordConnection("impostor"));
    hostKeys.pin("impostor", "SHA256:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
    assertThatThrownBy(
            () ->
                template.requestBodyAndHeader(
                    "netconf:device?operation=hello", null, NetconfConstants.DEVICE_ID, "impostor"))
        .cause()
        .isInstanceOfSatisfying(
            HostKeyMismatchException.class,
            e -> {
              assertThat(e.getExpectedFingerprint())
                  .isEqualTo("SHA256:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
              assertThat(e.getPresentedFingerprint())
                  .isEqualTo(hostKeys.fingerprint("pinned").orElseThrow());
              assertThat(e.getMessage()).contains("host key changed");
            });
    assertThat(hostKeys.mismatches())
        .extracting(InMemoryHostKeyStore.Mismatch::deviceId)
        .containsExactly("impostor");
  }

  @Test
  void sessionsAreReusedAcrossExchanges() {
    String first =
        template
            .request(peer.uri("operation=hello"), e -> {})
            .getMessage()
            .getHeader(NetconfConstants.SESSION_ID, String.class);
    String second =
        template
            .request(peer.uri("operation=get-config"), e -> {})
            .getMessage()
            .getHeader(NetconfConstants.SESSION_ID, String.class);

    assertThat(second).isEqualTo(first);
    assertThat(component.client().stats().reused()).isPositive();
  }

  @Test
  void closeSessionEndsTheSessionAndTheNextRequestOpensAnother() {
    String first =
        template
            .request(peer.uri("operation=close-session"), e -> {})
            .getMessage()
            .getHeader(NetconfConstants.SESSION_ID, String.class);
    String next =
        template
            .request(peer.uri("operation=hello"), e -> {})
            .getMessage()
            .getHeader(NetconfConstants.SESSION_ID, String.class);

    assertThat(next).isNotEqualTo(first);
  }

  @Test
  void cliCommandRunsThroughCamelSshWithThePinnedHostKey() throws Exception {
    resolver.register(peer.passwordConnection("cli"));
    camel.addRoutes(
        new io.switchboard.camel.ssh.SshCliRoutes(
            resolver,
            new io.switchboard.camel.ssh.PinnedSshClientBuilder(hostKeys),
            0,
            Duration.ofSeconds(20)));
    template.requestBodyAndHeader(
        "netconf:device?operation=hello", null, NetconfConstants.DEVICE_ID, "cli");
    String pinned = hostKeys.fingerprint("cli").orElseThrow();

    io.switchboard.camel.ssh.CliResult result =
        template.requestBodyAndHeader(
            io.switchboard.camel.ssh.SshCliRouteIds.CLI_COMMAND_URI,
            "echo switchboard",
            NetconfConstants.DEVICE_ID,
            "cli",
            io.switchboard.camel.ssh.CliResult.class);

    assertThat(result.stdout().strip()).isEqualTo("switchboard");
    assertThat(hostKeys.fingerprint("cli")).contains(pinned);
    assertThat(hostKeys.mismatches()).isEmpty();
  }
}
