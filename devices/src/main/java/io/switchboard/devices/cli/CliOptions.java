package io.switchboard.devices.cli;

import io.switchboard.devices.fault.FaultProfile;
import io.switchboard.devices.sdwan.LinkImpairments;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Command-line options of the runnable simulator. */
record CliOptions(
    int count,
    int basePort,
    String bindAddress,
    String serialPrefix,
    String model,
    String softwareVersion,
    String username,
    String password,
    String orchestrator,
    String activationSecret,
    boolean insecure,
    int phoneHomeAttempts,
    FaultProfile faults,
    Duration rebootDelay,
    Duration slowDelay,
    Path inventory,
    Path stateDir,
    String logLevel,
    boolean help,
    List<LinkImpairments.Entry> impairments) {

  static final String USAGE =
      """
      Usage: java -jar switchboard-devices-<version>-all.jar [options]

        --count N               devices to simulate (default 10)
        --base-port P           device i listens on P+i; 0 = ephemeral ports (default 30000)
        --bind ADDRESS          listen address (default 127.0.0.1)
        --serial-prefix S       serials S00001, S00002, ... (default SIM)
        --model M               srx300 | srx345 | vsrx (default srx300)
        --version V             Junos release the devices boot with (default 21.4R3-S5.4)
        --username U            SSH/NETCONF user (default admin)
        --password P            SSH/NETCONF password (default admin123)
        --orchestrator URL      phone home to URL at every boot (default: no phone-home)
        --activation-secret S   Basic password sent with phone-home (default none)
        --insecure              trust any TLS certificate for phone-home and image downloads
        --phone-home-attempts N bootstrap requests before giving up (default 30)
        --fault-profile F       none | flaky | hostile | fault=p,... (default none)
        --reboot-delay SECONDS  how long a reboot keeps a device away (default 5)
        --slow-delay SECONDS    delay of the slow-responses fault (default 3)
        --inventory FILE        write serial,host,port,username,password,fingerprint as CSV
        --state-dir DIR         keep each device's configuration and software in DIR/<serial>.json
                                across restarts (default: every start is factory-new)
        --log-level L           error | warn | info | debug (default info)
        --impair SPEC           impair WAN links: SERIAL:PORT:loss=5,latency=80,jitter=10;...
        --help
      """;

  private static final Set<String> FLAGS = Set.of("insecure", "help");

  static CliOptions parse(List<String> args) {
    Map<String, String> values = new HashMap<>();
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      if (!arg.startsWith("--")) {
        throw new IllegalArgumentException("unexpected argument: " + arg);
      }
      String name = arg.substring(2);
      String value;
      int eq = name.indexOf('=');
      if (eq >= 0) {
        value = name.substring(eq + 1);
        name = name.substring(0, eq);
      } else if (FLAGS.contains(name)) {
        value = "true";
      } else {
        if (i + 1 >= args.size()) {
          throw new IllegalArgumentException("--" + name + " needs a value");
        }
        value = args.get(++i);
      }
      values.put(name, value);
    }
    Set<String> known =
        Set.of(
            "count",
            "base-port",
            "bind",
            "serial-prefix",
            "model",
            "version",
            "username",
            "password",
            "orchestrator",
            "activation-secret",
            "insecure",
            "phone-home-attempts",
            "fault-profile",
            "reboot-delay",
            "slow-delay",
            "inventory",
            "state-dir",
            "log-level",
            "impair",
            "help");
    for (String name : values.keySet()) {
      if (!known.contains(name)) {
        throw new IllegalArgumentException("unknown option --" + name);
      }
    }
    return new CliOptions(
        integer(values, "count", 10, 0, 60000),
        integer(values, "base-port", 30000, 0, 65535),
        values.getOrDefault("bind", "127.0.0.1"),
        values.getOrDefault("serial-prefix", "SIM"),
        values.getOrDefault("model", "srx300"),
        values.getOrDefault("version", "21.4R3-S5.4"),
        values.getOrDefault("username", "admin"),
        values.getOrDefault("password", "admin123"),
        values.get("orchestrator"),
        values.get("activation-secret"),
        values.containsKey("insecure"),
        integer(values, "phone-home-attempts", 30, 1, 100000),
        FaultProfile.parse(values.getOrDefault("fault-profile", "none")),
        Duration.ofMillis((long) (decimal(values, "reboot-delay", 5) * 1000)),
        Duration.ofMillis((long) (decimal(values, "slow-delay", 3) * 1000)),
        values.containsKey("inventory") ? Path.of(values.get("inventory")) : null,
        values.containsKey("state-dir") ? Path.of(values.get("state-dir")) : null,
        values.getOrDefault("log-level", "info"),
        values.containsKey("help"),
        LinkImpairments.parse(values.get("impair")));
  }

  private static int integer(
      Map<String, String> values, String name, int fallback, int min, int max) {
    String text = values.get(name);
    if (text == null) {
      return fallback;
    }
    try {
      int value = Integer.parseInt(text.trim());
      if (value < min || value > max) {
        throw new IllegalArgumentException(
            "--" + name + " must be between " + min + " and " + max + ": " + text);
      }
      return value;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--" + name + " is not a number: " + text);
    }
  }

  private static double decimal(Map<String, String> values, String name, double fallback) {
    String text = values.get(name);
    if (text == null) {
      return fallback;
    }
    try {
      double value = Double.parseDouble(text.trim());
      if (value < 0) {
        throw new IllegalArgumentException("--" + name + " must not be negative: " + text);
      }
      return value;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--" + name + " is not a number: " + text);
    }
  }
}
