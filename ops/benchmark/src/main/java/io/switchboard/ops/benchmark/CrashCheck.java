package io.switchboard.ops.benchmark;

import java.util.Arrays;

/**
 * The client side of the kill -9 demonstration ({@code ops/crash/kill9-demo.sh}). {@code prepare}
 * loads the engine and journals every acknowledged command until it is stopped; after the engine
 * was killed and restarted, {@code verify} checks that every acknowledged instance reaches its end.
 */
public final class CrashCheck {
  private CrashCheck() {}

  public static void main(String[] argv) throws Exception {
    if (argv.length == 0) {
      throw new IllegalArgumentException("Expected a phase: prepare or verify");
    }
    Args args = new Args(Arrays.copyOfRange(argv, 1, argv.length));
    int exit =
        switch (argv[0]) {
          case "prepare" -> new CrashPrepare(args).run();
          case "verify" -> new CrashVerify(args).run();
          default ->
              throw new IllegalArgumentException("Expected prepare or verify, but got " + argv[0]);
        };
    System.exit(exit);
  }
}
