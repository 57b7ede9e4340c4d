package io.switchboard.camel.netconf;

import java.time.Duration;

/**
 * Tuning of the shared NETCONF client: threads, timeouts and session limits. Thread counts are
 * fixed, whatever the number of devices: sessions are multiplexed on NIO2 I/O threads, and replies
 * are handed to a small worker pool that continues the Camel routes.
 *
 * @param ioThreads NIO2 threads doing socket I/O and SSH crypto for every session
 * @param workerThreads threads that complete replies and continue routing
 * @param connectTimeout TCP connect + SSH key exchange + authentication + NETCONF hello
 * @param rpcTimeout default time to wait for an rpc-reply
 * @param maxSessions open sessions across all devices; beyond it callers wait or idle sessions of
 *     other devices are closed, oldest first
 * @param maxSessionsPerDevice concurrent sessions (and so concurrent operations) per device
 * @param idleTimeout an unused session is closed after this long
 * @param sessionWaitTimeout how long a request waits for a session when the limits are reached
 * @param maxMessageBytes largest NETCONF message accepted from a device
 */
public record NetconfClientSettings(
    int ioThreads,
    int workerThreads,
    Duration connectTimeout,
    Duration rpcTimeout,
    int maxSessions,
    int maxSessionsPerDevice,
    Duration idleTimeout,
    Duration sessionWaitTimeout,
    int maxMessageBytes) {

  public NetconfClientSettings {
    if (ioThreads < 1 || workerThreads < 1 || maxSessions < 1 || maxSessionsPerDevice < 1) {
      throw new IllegalArgumentException("thread counts and session limits must be at least 1");
    }
  }

  public static NetconfClientSettings defaults() {
    int cores = Runtime.getRuntime().availableProcessors();
    return new NetconfClientSettings(
        cores + 1,
        Math.max(4, cores * 2),
        Duration.ofSeconds(30),
        Duration.ofSeconds(120),
        1000,
        1,
        Duration.ofSeconds(60),
        Duration.ofMinutes(5),
        64 * 1024 * 1024);
  }

  public NetconfClientSettings withConnectTimeout(Duration value) {
    return new NetconfClientSettings(
        ioThreads,
        workerThreads,
        value,
        rpcTimeout,
        maxSessions,
        maxSessionsPerDevice,
        idleTimeout,
        sessionWaitTimeout,
        maxMessageBytes);
  }

  public NetconfClientSettings withRpcTimeout(Duration value) {
    return new NetconfClientSettings(
        ioThreads,
        workerThreads,
        connectTimeout,
        value,
        maxSessions,
        maxSessionsPerDevice,
        idleTimeout,
        sessionWaitTimeout,
        maxMessageBytes);
  }

  public NetconfClientSettings withSessionLimits(int total, int perDevice) {
    return new NetconfClientSettings(
        ioThreads,
        workerThreads,
        connectTimeout,
        rpcTimeout,
        total,
        perDevice,
        idleTimeout,
        sessionWaitTimeout,
        maxMessageBytes);
  }

  public NetconfClientSettings withIdleTimeout(Duration value) {
    return new NetconfClientSettings(
        ioThreads,
        workerThreads,
        connectTimeout,
        rpcTimeout,
        maxSessions,
        maxSessionsPerDevice,
        value,
        sessionWaitTimeout,
        maxMessageBytes);
  }

  public NetconfClientSettings withSessionWaitTimeout(Duration value) {
    return new NetconfClientSettings(
        ioThreads,
        workerThreads,
        connectTimeout,
        rpcTimeout,
        maxSessions,
        maxSessionsPerDevice,
        idleTimeout,
        value,
        maxMessageBytes);
  }

  public NetconfClientSettings withThreads(int io, int workers) {
    return new NetconfClientSettings(
        io,
        workers,
        connectTimeout,
        rpcTimeout,
        maxSessions,
        maxSessionsPerDevice,
        idleTimeout,
        sessionWaitTimeout,
        maxMessageBytes);
  }
}
