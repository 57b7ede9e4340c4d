package io.switchboard.camel.junos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.switchboard.camel.netconf.NetconfConstants;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class JunosErrorHandlingTest {

  private final AtomicInteger attempts = new AtomicInteger();
  private CamelContext camel;

  @BeforeEach
  void startRouteThatFails() throws Exception {
    camel = new DefaultCamelContext();
    camel.addRoutes(new JunosErrorHandling());
    camel.addRoutes(
        new RouteBuilder() {
          @Override
          public void configure() {
            from("direct:failing")
                .routeId("failing")
                .routeConfigurationId(JunosRouteIds.ERROR_HANDLING)
                .process(
                    e -> {
                      attempts.incrementAndGet();
                      throw new JunosOperationException("r1", "commit", "no commit-success");
                    });
          }
        });
    camel.start();
  }

  @AfterEach
  void stop() {
    camel.stop();
  }

  @Test
  void theCallerGetsTheTypedFailureAndTheDeviceIsAskedOnce() {
    assertThatThrownBy(
            () ->
                camel
                    .createProducerTemplate()
                    .requestBodyAndHeader("direct:failing", null, NetconfConstants.DEVICE_ID, "r1"))
        .cause()
        .isInstanceOf(JunosOperationException.class)
        .hasMessage("device r1: commit failed: no commit-success");
    assertThat(attempts).hasValue(1);
  }
}
