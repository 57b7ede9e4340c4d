package io.switchboard.camel.netconf;

/**
 * Session counts of the shared NETCONF client, for logs, tests and benchmarks.
 *
 * @param open sessions open or being opened
 * @param idle open sessions waiting for reuse
 * @param leased sessions in use by an exchange
 * @param waiting requests queued for a session (a device or the global limit is reached)
 * @param opened sessions opened since start
 * @param reused requests served by an already open session since start
 */
public record NetconfSessionStats(
    int open, int idle, int leased, int waiting, long opened, long reused) {}
