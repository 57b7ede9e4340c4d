package io.switchboard.netconf;

import java.util.Collection;

/** Capability URIs of RFC 6241 section 10.4 and RFC 6242 that both peers name in their hello. */
public final class NetconfCapabilities {

  public static final String BASE_10 = "urn:ietf:params:netconf:base:1.0";
  public static final String BASE_11 = "urn:ietf:params:netconf:base:1.1";
  public static final String CANDIDATE = "urn:ietf:params:netconf:capability:candidate:1.0";
  public static final String CONFIRMED_COMMIT_10 =
      "urn:ietf:params:netconf:capability:confirmed-commit:1.0";
  public static final String CONFIRMED_COMMIT_11 =
      "urn:ietf:params:netconf:capability:confirmed-commit:1.1";
  public static final String VALIDATE_10 = "urn:ietf:params:netconf:capability:validate:1.0";
  public static final String VALIDATE_11 = "urn:ietf:params:netconf:capability:validate:1.1";
  public static final String ROLLBACK_ON_ERROR =
      "urn:ietf:params:netconf:capability:rollback-on-error:1.0";
  public static final String URL = "urn:ietf:params:netconf:capability:url:1.0";

  private NetconfCapabilities() {}

  /** Whether {@code capabilities} contains {@code uri}, ignoring any {@code ?parameters}. */
  public static boolean has(Collection<String> capabilities, String uri) {
    for (String capability : capabilities) {
      int query = capability.indexOf('?');
      String bare = query < 0 ? capability : capability.substring(0, query);
      if (bare.equals(uri)) {
        return true;
      }
    }
    return false;
  }
}
