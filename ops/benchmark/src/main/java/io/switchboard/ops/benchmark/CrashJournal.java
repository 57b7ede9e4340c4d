package io.switchboard.ops.benchmark;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the engine acknowledged before the crash, one line per answered command, written the moment
 * the answer arrives: {@code <epochMillis> instance <id> <processInstanceKey>}, {@code message <id>
 * <messageKey>}, {@code hoarded <jobKey> <id> <deadlineMillis>}. Only the engine's JVM is killed,
 * so a line once written (and flushed) survives in the page cache.
 */
final class CrashJournal implements AutoCloseable {
  private final BufferedWriter out;

  private CrashJournal(BufferedWriter out) {
    this.out = out;
  }

  static CrashJournal create(Path file) throws IOException {
    return new CrashJournal(
        Files.newBufferedWriter(
            file,
            StandardCharsets.UTF_8,
            StandardOpenOption.CREATE,
            StandardOpenOption.TRUNCATE_EXISTING));
  }

  synchronized void instance(String id, long key) {
    write("instance " + id + " " + key);
  }

  synchronized void message(String id, long key) {
    write("message " + id + " " + key);
  }

  synchronized void hoarded(long jobKey, String id, long deadline) {
    write("hoarded " + jobKey + " " + id + " " + deadline);
  }

  private void write(String line) {
    try {
      out.write(System.currentTimeMillis() + " " + line);
      out.newLine();
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public synchronized void close() throws IOException {
    out.close();
  }

  /** The journal as read back after the crash. */
  record Contents(
      Map<String, Long> instances,
      Map<String, Long> instanceAcknowledgedAt,
      Map<String, Long> messages,
      Map<Long, Hoarded> hoarded,
      long lastWriteMillis) {}

  record Hoarded(long jobKey, String id, long deadline) {}

  static Contents read(Path file) throws IOException {
    Map<String, Long> instances = new LinkedHashMap<>();
    Map<String, Long> acknowledgedAt = new LinkedHashMap<>();
    Map<String, Long> messages = new LinkedHashMap<>();
    Map<Long, Hoarded> hoarded = new LinkedHashMap<>();
    long last = 0;
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    for (String line : lines) {
      String[] f = line.trim().split(" ");
      if (f.length < 4) {
        continue; // a line cut short when prepare was stopped: it was never complete
      }
      last = Math.max(last, Long.parseLong(f[0]));
      switch (f[1]) {
        case "instance" -> {
          instances.put(f[2], Long.parseLong(f[3]));
          acknowledgedAt.put(f[2], Long.parseLong(f[0]));
        }
        case "message" -> messages.put(f[2], Long.parseLong(f[3]));
        case "hoarded" -> {
          if (f.length >= 5) {
            hoarded.put(
                Long.parseLong(f[2]),
                new Hoarded(Long.parseLong(f[2]), f[3], Long.parseLong(f[4])));
          }
        }
        default -> {}
      }
    }
    return new Contents(instances, acknowledgedAt, messages, hoarded, last);
  }
}
