package io.switchboard.camel.junos;

import io.switchboard.camel.netconf.NetconfConstants;
import java.util.function.BiFunction;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.RouteDefinition;

/** What every Junos driver route starts with. */
abstract class JunosRouteBuilder extends RouteBuilder {

  /**
   * The route {@code direct:<routeId>}, failing through {@link JunosErrorHandling}, with the
   * caller's {@code SwitchboardNetconf*} headers removed (but the device and the reply timeout) so
   * they cannot change the RPC.
   */
  protected RouteDefinition junosRoute(String routeId) {
    return from("direct:" + routeId)
        .routeId(routeId)
        .routeConfigurationId(JunosRouteIds.ERROR_HANDLING)
        .removeHeaders(
            "SwitchboardNetconf*", NetconfConstants.DEVICE_ID, NetconfConstants.RPC_TIMEOUT);
  }

  /** Replaces the body (the device's rpc-reply) with what {@code reader} makes of it. */
  protected static Processor readReply(BiFunction<String, String, Object> reader) {
    return e ->
        e.getMessage().setBody(reader.apply(deviceId(e), e.getMessage().getBody(String.class)));
  }

  /** The device the exchange is for. */
  protected static String deviceId(Exchange exchange) {
    return exchange.getMessage().getHeader(NetconfConstants.DEVICE_ID, String.class);
  }
}
