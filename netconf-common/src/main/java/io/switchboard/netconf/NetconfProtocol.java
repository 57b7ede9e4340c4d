package io.switchboard.netconf;

/** Names fixed by RFC 6241 and RFC 6242 that are not capabilities. */
public final class NetconfProtocol {

  /**
   * The namespace of {@code <hello>}, {@code <rpc>}, {@code <rpc-reply>} and the base operations.
   */
  public static final String BASE_NAMESPACE = "urn:ietf:params:xml:ns:netconf:base:1.0";

  /** The SSH subsystem a NETCONF session runs in (RFC 6242 section 3). */
  public static final String SSH_SUBSYSTEM = "netconf";

  /** The IANA-assigned port of NETCONF over SSH. */
  public static final int SSH_PORT = 830;

  /** Junos's own NETCONF capability, announced by every Junos device. */
  public static final String JUNOS_CAPABILITY = "http://xml.juniper.net/netconf/junos/1.0";

  private NetconfProtocol() {}
}
