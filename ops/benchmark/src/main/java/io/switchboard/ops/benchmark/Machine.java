package io.switchboard.ops.benchmark;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** What a benchmark prints about the machine it ran on: cores and load. */
final class Machine {
  private Machine() {}

  static int availableProcessors() {
    return Runtime.getRuntime().availableProcessors();
  }

  /** The output of {@code nproc}, or "n/a" where it cannot run. */
  static String nproc() {
    try {
      Process process = new ProcessBuilder("nproc").redirectErrorStream(true).start();
      String out =
          new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
      return process.waitFor(5, TimeUnit.SECONDS) && process.exitValue() == 0 ? out : "n/a";
    } catch (IOException e) {
      return "n/a";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "n/a";
    }
  }

  /** The 1/5/15-minute load averages, or "n/a" off Linux. */
  static String loadAverage() {
    try {
      String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
      return parts[0] + " " + parts[1] + " " + parts[2];
    } catch (IOException | RuntimeException e) {
      return "n/a";
    }
  }
}
