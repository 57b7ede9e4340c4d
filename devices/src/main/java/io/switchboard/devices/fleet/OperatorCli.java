package io.switchboard.devices.fleet;

import io.switchboard.devices.config.CommitInfo;
import io.switchboard.devices.config.Datastore;
import io.switchboard.devices.config.SetCommands;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.apache.sshd.server.command.AbstractCommandSupport;

/**
 * The Junos CLI as an SSH exec command, so an operator can change a simulated device out of band
 * from the runnable: {@code ssh -p <port> admin@127.0.0.1 'configure; set system location building
 * 7; commit comment "cabling"'}. Statements separated by {@code ;} or new lines: {@code configure},
 * {@code set ...}, {@code delete ...}, {@code commit [comment "..."]} (the change is committed as
 * the SSH user's commit, client {@code cli}), {@code show configuration | display set}, {@code show
 * system commit}, {@code exit}. Exit status 1 with Junos' {@code error:} line when the device
 * refuses.
 */
final class OperatorCli extends AbstractCommandSupport {
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

  private final SimulatedDevice device;

  OperatorCli(SimulatedDevice device, String command) {
    super(command, null);
    this.device = device;
  }

  @Override
  public void run() {
    StringBuilder out = new StringBuilder();
    int status = execute(getCommand(), getServerSession().getUsername(), out);
    try {
      OutputStream stream = status == 0 ? getOutputStream() : getErrorStream();
      stream.write(out.toString().getBytes(StandardCharsets.UTF_8));
      stream.flush();
    } catch (IOException e) {
      status = 1;
    }
    onExit(status);
  }

  /** Runs one exec command line; answers the exit status and appends what the CLI prints. */
  int execute(String commandLine, String user, StringBuilder out) {
    StringBuilder pending = new StringBuilder();
    for (String statement : statements(commandLine)) {
      if (statement.isEmpty()
          || statement.equals("configure")
          || statement.startsWith("configure ")
          || statement.equals("exit")
          || statement.equals("quit")) {
        continue;
      }
      if (statement.startsWith("set ") || statement.startsWith("delete ")) {
        pending.append(statement).append('\n');
      } else if (statement.equals("commit") || statement.startsWith("commit comment ")) {
        String comment =
            statement.equals("commit")
                ? null
                : unquote(statement.substring("commit comment ".length()).strip());
        try {
          device.changeOutOfBand(user, pending.toString(), comment);
        } catch (IllegalStateException e) {
          out.append("error: ").append(e.getMessage()).append('\n');
          return 1;
        }
        pending.setLength(0);
        out.append("commit complete\n");
      } else if (statement.replace(" ", "").equals("showconfiguration|displayset")) {
        out.append(SetCommands.render(device.config().read(Datastore.RUNNING))).append('\n');
      } else if (statement.equals("show system commit")) {
        List<CommitInfo> history = device.commitHistory();
        for (int n = 0; n < history.size(); n++) {
          CommitInfo c = history.get(n);
          out.append(n)
              .append("   ")
              .append(TIME.format(c.time()))
              .append(" by ")
              .append(c.user())
              .append(" via ")
              .append(c.client())
              .append('\n');
          if (c.log() != null && !c.log().isBlank()) {
            out.append("    ").append(c.log()).append('\n');
          }
        }
      } else {
        out.append("error: unknown command: ").append(statement).append('\n');
        return 1;
      }
    }
    if (!pending.isEmpty()) {
      out.append("error: uncommitted changes discarded (end the command with commit)\n");
      return 1;
    }
    return 0;
  }

  /** Splits at {@code ;} and new lines outside double quotes. */
  static List<String> statements(String commandLine) {
    List<String> statements = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < commandLine.length(); i++) {
      char c = commandLine.charAt(i);
      if (c == '"' && (i == 0 || commandLine.charAt(i - 1) != '\\')) {
        quoted = !quoted;
      }
      if (!quoted && (c == ';' || c == '\n')) {
        statements.add(current.toString().strip());
        current.setLength(0);
      } else {
        current.append(c);
      }
    }
    statements.add(current.toString().strip());
    return statements;
  }

  private static String unquote(String text) {
    return text.length() >= 2 && text.startsWith("\"") && text.endsWith("\"")
        ? text.substring(1, text.length() - 1).replace("\\\"", "\"")
        : text;
  }
}
