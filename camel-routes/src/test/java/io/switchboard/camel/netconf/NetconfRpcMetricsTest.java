package io.switchboard.camel.netconf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.switchboard.camel.metrics.NetconfMetrics;
import java.nio.file.Path;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The component's RPC observer feeds latency per RPC, errors per kind and the session gauges. */
class NetconfRpcMetricsTest {
  @TempDir Path dir;

  private TestNetconfServer server;
  private CamelContext camel;

  @AfterEach
  void stop() throws Exception {
    if (camel != null) {
      camel.stop();
    }
    if (server != null) {
      server.close();
    }
  }

  @Test
  void rpcLatencyErrorsAndOpenSessionsAreMeasured() throws Exception {
    server = new TestNetconfServer(dir.resolve("host.key"), true);
    InMemoryDeviceConnectionResolver resolver = new InMemoryDeviceConnectionResolver();
    NetconfComponent component =
        new NetconfComponent(
            NetconfClientSettings.defaults(), new InMemoryHostKeyStore(), resolver);
    camel = new DefaultCamelContext();
    camel.addComponent("netconf", component);
    camel.start();
    MeterRegistry registry = new SimpleMeterRegistry();
    component.setRpcObserver(new NetconfMetrics(registry, component));
    resolver.register(server.device("cpe-1"));
    ProducerTemplate template = camel.createProducerTemplate();

    server.respondWith(rpc -> "<data/>");
    template.requestBodyAndHeader(
        "netconf:device?operation=get", null, NetconfConstants.DEVICE_ID, "cpe-1");
    server.respondWith(
        rpc ->
            "<rpc-error><error-type>application</error-type><error-tag>operation-failed</error-tag>"
                + "<error-severity>error</error-severity><error-message>commit failed"
                + "</error-message></rpc-error>");
    assertThatThrownBy(
            () ->
                template.requestBodyAndHeader(
                    "netconf:device?operation=commit", null, NetconfConstants.DEVICE_ID, "cpe-1"))
        .cause()
        .isInstanceOf(NetconfRpcException.class);

    assertThat(
            registry
                .get("switchboard.netconf.rpc")
                .tags("rpc", "get", "outcome", "success")
                .timer()
                .count())
        .isEqualTo(1);
    assertThat(
            registry
                .get("switchboard.netconf.rpc.errors")
                .tags("rpc", "commit", "kind", "rpc-error")
                .counter()
                .count())
        .isEqualTo(1);
    assertThat(registry.get("switchboard.netconf.sessions.open").gauge().value()).isEqualTo(1);
  }
}
