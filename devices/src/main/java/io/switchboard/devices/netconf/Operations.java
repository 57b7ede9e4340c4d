package io.switchboard.devices.netconf;

import java.util.HashMap;
import java.util.Map;

/** The RPC table: standard NETCONF operations plus the Junos ones, by element name. */
public final class Operations {

  private static final Map<String, RpcHandler> ALL = build();

  private Operations() {}

  private static Map<String, RpcHandler> build() {
    Map<String, RpcHandler> table = new HashMap<>();
    BaseOperations.register(table);
    JunosOperations.register(table);
    JunosSystemOperations.register(table);
    return Map.copyOf(table);
  }

  public static Map<String, RpcHandler> all() {
    return ALL;
  }
}
