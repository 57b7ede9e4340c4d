package io.switchboard.app.multiinstance;

import io.switchboard.app.SwitchboardApplication;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.jar.JarFile;
import java.util.stream.Collectors;

/**
 * One Switchboard in a JVM of its own, on the test's classpath (without its test classes), so that
 * it can be stopped the way a machine stops: {@code SIGKILL}. Its output goes to a log file the
 * test reads; {@link #pause()} and {@link #resume()} ({@code SIGSTOP}/{@code SIGCONT}) freeze it
 * like a partitioned node, which keeps the test's hand-over points deterministic.
 */
final class InstanceProcess implements AutoCloseable {
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private final String name;
  private final int port;
  private final Path log;
  private final Process process;

  private InstanceProcess(String name, int port, Path log, Process process) {
    this.name = name;
    this.port = port;
    this.log = log;
    this.process = process;
  }

  /** Starts {@link SwitchboardApplication} with {@code arguments} in {@code dir}. */
  static InstanceProcess start(String name, int port, Path dir, List<String> arguments)
      throws IOException {
    Files.createDirectories(dir);
    Path log = dir.resolve(name + ".log");
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    // lean: three JVMs share two cores in CI
    command.addAll(List.of("-Xmx400m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"));
    command.addAll(List.of("-cp", applicationClasspath()));
    command.add(SwitchboardApplication.class.getName());
    command.add("--server.port=" + port);
    command.add("--server.address=127.0.0.1");
    command.addAll(arguments);
    Process process =
        new ProcessBuilder(command)
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    return new InstanceProcess(name, port, log, process);
  }

  String name() {
    return name;
  }

  String baseUrl() {
    return "http://127.0.0.1:" + port;
  }

  boolean isAlive() {
    return process.isAlive();
  }

  /** True when readiness answers UP (database, cluster reachable, processes deployed). */
  boolean isReady() {
    if (!process.isAlive()) {
      throw new IllegalStateException(name + " exited during start-up; see " + log);
    }
    try {
      HttpResponse<String> response =
          HTTP.send(
              HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health/readiness"))
                  .timeout(Duration.ofSeconds(3))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      return response.statusCode() == 200 && response.body().contains("\"UP\"");
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** The instance's log so far. */
  String log() {
    try {
      return Files.readString(log, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  Path logFile() {
    return log;
  }

  void pause() {
    signal("STOP");
  }

  void resume() {
    signal("CONT");
  }

  /** {@code kill -9}: no shutdown hook, no graceful end of the jobs it holds. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor();
  }

  private void signal(String signal) {
    try {
      int exit =
          new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid()))
              .inheritIO()
              .start()
              .waitFor();
      if (exit != 0) {
        throw new IllegalStateException("kill -" + signal + " " + name + " answered " + exit);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      signal("CONT");
      process.destroyForcibly();
      process.waitFor();
    }
  }

  /**
   * The test JVM's classpath minus test classes. Surefire starts the test JVM with a manifest-only
   * jar whose {@code Class-Path} lists the real entries.
   */
  private static String applicationClasspath() throws IOException {
    List<String> entries =
        Arrays.asList(System.getProperty("java.class.path").split(File.pathSeparator));
    if (entries.size() == 1 && entries.get(0).endsWith(".jar")) {
      try (JarFile booter = new JarFile(entries.get(0))) {
        String manifest = booter.getManifest().getMainAttributes().getValue("Class-Path");
        if (manifest != null) {
          entries = new ArrayList<>();
          for (String url : manifest.trim().split(" +")) {
            entries.add(toPath(url));
          }
        }
      }
    }
    return entries.stream()
        .filter(e -> !e.replace('\\', '/').matches(".*/test-classes/?"))
        .collect(Collectors.joining(File.pathSeparator));
  }

  private static String toPath(String url) {
    try {
      return Path.of(new URI(url)).toString();
    } catch (URISyntaxException | IllegalArgumentException e) {
      return url;
    }
  }
}
