package io.switchboard.devices.config;

import java.time.Instant;

/**
 * One entry of the commit history; {@code rollback N} loads the configuration of entry N (0 is the
 * current running configuration). {@code kind} is {@code commit}, {@code confirmed}, {@code
 * rollback} (automatic rollback of an unconfirmed commit or cancel-commit) or {@code initial};
 * {@code client} is how the commit arrived, as Junos' {@code show system commit} names it: {@code
 * netconf}, {@code cli} (an operator logged in), or {@code other} (factory default, the device
 * itself, test setup).
 */
public record CommitInfo(
    int sequence, Instant time, String user, String log, String kind, String client) {

  public static final String CLIENT_NETCONF = "netconf";
  public static final String CLIENT_CLI = "cli";
  public static final String CLIENT_OTHER = "other";
}
