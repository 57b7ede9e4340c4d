package io.switchboard.ops.benchmark;

import java.util.Arrays;

/** Entry point of the ops jar: {@code throughput ...} or {@code crash-check prepare|verify ...}. */
public final class OpsMain {
  private OpsMain() {}

  public static void main(String[] args) throws Exception {
    if (args.length == 0) {
      usage();
      System.exit(2);
    }
    String[] rest = Arrays.copyOfRange(args, 1, args.length);
    switch (args[0]) {
      case "throughput" -> ThroughputBenchmark.main(rest);
      case "crash-check" -> CrashCheck.main(rest);
      default -> {
        usage();
        System.exit(2);
      }
    }
  }

  private static void usage() {
    System.err.println(
        """
        usage: java -jar switchboard-ops-benchmark.jar throughput [--address URL] [--duration 60s]
                   [--warmup 15s] [--concurrency 16] [--max-jobs-active 64]
                   [--worker-threads 2] [--poll-interval 1ms] [--label TEXT]
               java -jar switchboard-ops-benchmark.jar crash-check prepare --journal FILE
                   [--address URL] [--count 100000] [--rate 150] [--concurrency 8]
               java -jar switchboard-ops-benchmark.jar crash-check verify --journal FILE
                   [--address URL] [--wait 240s]
        every command also takes --username (default admin) and --password (default: the
        environment's SWITCHBOARD_ADMIN_PASSWORD) for HTTP Basic on /v2""");
  }
}
