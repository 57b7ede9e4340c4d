package io.switchboard.camel.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.switchboard.camel.netconf.NetconfComponent;
import io.switchboard.camel.netconf.NetconfRpcException;
import io.switchboard.camel.netconf.NetconfRpcObserver;
import io.switchboard.camel.netconf.NetconfSessionStats;
import io.switchboard.camel.netconf.NetconfTimeoutException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;

/**
 * Micrometer meters of the {@code netconf:} component: sessions open, idle, leased and waiting; RPC
 * latency per RPC and outcome; RPC errors per RPC and kind ({@code rpc-error}, {@code timeout},
 * {@code session}).
 */
public final class NetconfMetrics implements NetconfRpcObserver {
  private final MeterRegistry registry;
  private final Map<String, Timer> timers = new ConcurrentHashMap<>();
  private final Map<String, Counter> errors = new ConcurrentHashMap<>();

  public NetconfMetrics(MeterRegistry registry, NetconfComponent component) {
    this.registry = registry;
    session(component, "open", NetconfSessionStats::open, "NETCONF sessions open or opening");
    session(component, "idle", NetconfSessionStats::idle, "NETCONF sessions open and idle");
    session(component, "leased", NetconfSessionStats::leased, "NETCONF sessions in use");
    session(component, "waiting", NetconfSessionStats::waiting, "requests waiting for a session");
  }

  private void session(
      NetconfComponent component,
      String what,
      ToDoubleFunction<NetconfSessionStats> value,
      String description) {
    Gauge.builder(
            "switchboard.netconf.sessions." + what,
            component,
            c -> {
              try {
                return value.applyAsDouble(c.sessionStats());
              } catch (IllegalStateException notStarted) {
                return 0;
              }
            })
        .description(description)
        .register(registry);
  }

  @Override
  public void rpcEnded(String rpc, long nanos, Throwable failure) {
    String outcome = failure == null ? "success" : kind(failure);
    timers
        .computeIfAbsent(
            rpc + '/' + outcome,
            k ->
                Timer.builder("switchboard.netconf.rpc")
                    .description("NETCONF RPC latency, request sent to reply")
                    .tag("rpc", rpc)
                    .tag("outcome", outcome)
                    .register(registry))
        .record(nanos, TimeUnit.NANOSECONDS);
    if (failure != null) {
      errors
          .computeIfAbsent(
              rpc + '/' + outcome,
              k ->
                  Counter.builder("switchboard.netconf.rpc.errors")
                      .description("NETCONF RPCs that failed, per RPC and kind")
                      .tag("rpc", rpc)
                      .tag("kind", outcome)
                      .register(registry))
          .increment();
    }
  }

  static String kind(Throwable failure) {
    if (failure instanceof NetconfRpcException) {
      return "rpc-error";
    }
    if (failure instanceof NetconfTimeoutException) {
      return "timeout";
    }
    return "session";
  }
}
