package io.switchboard.devices.netconf;

import java.util.concurrent.CompletionStage;

/** One RPC operation. Handlers are stateless and shared by every device of a fleet. */
@FunctionalInterface
public interface RpcHandler {

  /**
   * Handles a request; synchronous handlers return a completed stage, long work (image downloads)
   * completes later without holding a thread.
   */
  CompletionStage<RpcReply> handle(RpcRequest request) throws RpcException;
}
