package io.switchboard.camel.ssh;

/** Route ids and endpoints of the SSH CLI routes. */
public final class SshCliRouteIds {

  /**
   * Body: the command line ({@code String}); header {@link
   * io.switchboard.camel.netconf.NetconfConstants#DEVICE_ID} names the device. Answers {@link
   * CliResult}; a non-zero exit status fails with {@link CliCommandException}.
   */
  public static final String CLI_COMMAND = "ssh-cli-command";

  public static final String CLI_COMMAND_URI = "direct:" + CLI_COMMAND;

  private SshCliRouteIds() {}
}
