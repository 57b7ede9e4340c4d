package io.switchboard.camel.netconf;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.nio.file.Path;
import java.util.List;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The SSH client verifies a device's host key on one of its I/O threads, which knows nothing of the
 * job that asked for the session: the line it logs there (the key pinned on first use) still
 * carries the job's log fields.
 */
class NetconfCallbackLogFieldsTest {
  @TempDir Path dir;

  private TestNetconfServer server;
  private CamelContext camel;
  private final ListAppender<ILoggingEvent> lines = new ListAppender<>();
  private final Logger hostKeys = (Logger) LoggerFactory.getLogger(InMemoryHostKeyStore.class);

  @AfterEach
  void stop() throws Exception {
    hostKeys.detachAppender(lines);
    MDC.clear();
    if (camel != null) {
      camel.stop();
    }
    if (server != null) {
      server.close();
    }
  }

  @Test
  void theHostKeyPinnedOnAnSshThreadIsLoggedWithTheFieldsOfTheJobThatConnected() throws Exception {
    server = new TestNetconfServer(dir.resolve("host.key"), true);
    InMemoryDeviceConnectionResolver resolver = new InMemoryDeviceConnectionResolver();
    resolver.register(server.device("cpe-1"));
    camel = new DefaultCamelContext();
    camel.addComponent(
        "netconf",
        new NetconfComponent(
            NetconfClientSettings.defaults(), new InMemoryHostKeyStore(), resolver));
    camel.start();
    lines.start();
    hostKeys.addAppender(lines);

    MDC.put("operationId", "op-42");
    MDC.put("tenantId", "tenant-7");
    MDC.put("deviceSerial", "CW0001");
    camel
        .createProducerTemplate()
        .requestBodyAndHeader(
            "netconf:device?operation=get", null, NetconfConstants.DEVICE_ID, "cpe-1");
    String caller = Thread.currentThread().getName();

    List<ILoggingEvent> pinned =
        lines.list.stream()
            .filter(e -> e.getFormattedMessage().startsWith("Pinned host key"))
            .toList();
    assertThat(pinned).hasSize(1);
    ILoggingEvent line = pinned.get(0);
    assertThat(line.getThreadName()).isNotEqualTo(caller);
    assertThat(line.getMDCPropertyMap())
        .containsEntry("operationId", "op-42")
        .containsEntry("tenantId", "tenant-7")
        .containsEntry("deviceSerial", "CW0001");
  }
}
