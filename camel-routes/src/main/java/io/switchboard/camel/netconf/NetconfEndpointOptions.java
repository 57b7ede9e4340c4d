package io.switchboard.camel.netconf;

import java.time.Duration;

/**
 * Options of a {@code netconf:} endpoint, from its URI. Headers ({@link NetconfConstants}) override
 * the per-request ones.
 */
public final class NetconfEndpointOptions {

  NetconfOperation operation = NetconfOperation.RPC;
  String target = "candidate";
  String source;
  String filter;
  String defaultOperation;
  String editOperation;
  String testOption;
  String errorOption;
  boolean confirmed;
  Integer confirmTimeout;
  String persist;
  String persistId;
  Duration rpcTimeout;
  String deviceId;
  String username;
  String password;
  String privateKeyFile;
  String passphrase;

  /**
   * {@code 1.1} offers base:1.0 and base:1.1 (chunked framing when the device agrees); {@code 1.0}
   * offers only base:1.0.
   */
  String baseVersion = "1.1";

  public NetconfOperation operation() {
    return operation;
  }

  public String baseVersion() {
    return baseVersion;
  }
}
