package io.switchboard.camel.netconf;

/**
 * Told about every NETCONF RPC the {@code netconf:} component sends (metrics). Called on the
 * client's threads; it must be quick and must not throw.
 */
public interface NetconfRpcObserver {
  NetconfRpcObserver NONE = (rpc, nanos, failure) -> {};

  /**
   * One RPC ended.
   *
   * @param rpc the operation's name ({@code get-config}, {@code commit}) or a raw RPC's root
   *     element ({@code load-configuration})
   * @param nanos from sending the request to its reply or failure
   * @param failure null on success; otherwise what failed (a {@link NetconfRpcException} for an
   *     {@code rpc-error}, a {@link NetconfTimeoutException}, a dropped session...)
   */
  void rpcEnded(String rpc, long nanos, Throwable failure);
}
