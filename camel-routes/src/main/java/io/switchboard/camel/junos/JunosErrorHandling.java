package io.switchboard.camel.junos;

import io.switchboard.camel.netconf.NetconfConstants;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteConfigurationBuilder;

/**
 * How every Junos route fails, declared once (the routes name it with {@code
 * routeConfigurationId}). A device call is never redelivered by the route: a retry is the process's
 * decision (job retries with back-off), and a re-sent commit or install is not harmless. The typed
 * exception the {@code netconf:} component or the reply reader raised goes back to the caller as it
 * is, and the failure is logged once, in one line, without Camel's exhausted-delivery dump (the job
 * worker logs the stack trace).
 */
public class JunosErrorHandling extends RouteConfigurationBuilder {

  @Override
  public void configuration() {
    routeConfiguration(JunosRouteIds.ERROR_HANDLING)
        .onException(Exception.class)
        .handled(false)
        .maximumRedeliveries(0)
        .logExhausted(false)
        .log(
            LoggingLevel.WARN,
            JunosErrorHandling.class.getName(),
            "${routeId} failed on device ${header."
                + NetconfConstants.DEVICE_ID
                + "}: ${exception.message}");
  }
}
