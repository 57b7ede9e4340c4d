package io.switchboard.devices.cli;

import io.switchboard.devices.fleet.SimulatedDevice;
import io.switchboard.devices.fleet.SimulatedFleet;
import io.switchboard.devices.phonehome.PhoneHomeSettings;
import io.switchboard.devices.sdwan.LinkImpairments;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/** The runnable simulator: starts a fleet, prints where it listens, runs until stopped. */
public final class SimulatorMain {

  private SimulatorMain() {}

  public static void main(String[] args) throws Exception {
    CliOptions options;
    try {
      options = CliOptions.parse(Arrays.asList(args));
    } catch (IllegalArgumentException e) {
      System.err.println("error: " + e.getMessage());
      System.err.print(CliOptions.USAGE);
      System.exit(2);
      return;
    }
    if (options.help()) {
      System.out.print(CliOptions.USAGE);
      return;
    }
    configureLogging(options.logLevel());
    long begin = System.nanoTime();
    SimulatedFleet fleet = fleet(options);
    try {
      fleet.start();
    } catch (RuntimeException e) {
      fleet.close();
      System.err.println("error: " + e.getMessage());
      System.exit(1);
      return;
    }
    long millis = (System.nanoTime() - begin) / 1_000_000;
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  fleet.close();
                  stopped.countDown();
                },
                "sim-shutdown"));
    report(options, fleet, millis, System.out);
    stopped.await();
  }

  static SimulatedFleet fleet(CliOptions options) throws GeneralSecurityException {
    SimulatedFleet.Builder builder =
        SimulatedFleet.builder()
            .devices(options.count())
            .basePort(options.basePort())
            .bindAddress(options.bindAddress())
            .serialPrefix(options.serialPrefix())
            .model(options.model())
            .softwareVersion(options.softwareVersion())
            .credentials(options.username(), options.password())
            .faults(options.faults())
            .rebootDelay(options.rebootDelay())
            .slowResponseDelay(options.slowDelay());
    if (options.orchestrator() != null) {
      builder.phoneHome(
          new PhoneHomeSettings(
              URI.create(options.orchestrator()),
              options.phoneHomeAttempts(),
              Duration.ofSeconds(2),
              Duration.ofSeconds(60),
              Duration.ofSeconds(30)));
    }
    if (options.stateDir() != null) {
      builder.stateDirectory(options.stateDir());
    }
    if (options.activationSecret() != null) {
      String secret = options.activationSecret();
      builder.activationSecrets(serial -> secret);
    }
    if (options.insecure()) {
      // Read by the JDK HTTP client when it is built: self-signed lab certificates rarely match.
      System.setProperty("jdk.internal.httpclient.disableHostnameVerification", "true");
      builder.sslContext(trustAll());
    }
    SimulatedFleet fleet = builder.build();
    LinkImpairments.apply(options.impairments(), fleet.sdwan());
    return fleet;
  }

  private static void report(CliOptions options, SimulatedFleet fleet, long millis, PrintStream out)
      throws IOException {
    Runtime rt = Runtime.getRuntime();
    long usedMb = (rt.totalMemory() - rt.freeMemory()) / (1024 * 1024);
    out.printf(
        "Started %d simulated %s devices in %d ms on %s (profile %s, orchestrator %s)%n",
        fleet.size(),
        options.model(),
        millis,
        options.bindAddress(),
        options.faults(),
        options.orchestrator() == null ? "none" : options.orchestrator());
    out.printf(
        "JVM threads: %d, heap used: %d MiB, cores: %d%n",
        ManagementFactory.getThreadMXBean().getThreadCount(), usedMb, rt.availableProcessors());
    StringBuilder csv = new StringBuilder("serial,host,port,username,password,fingerprint\n");
    for (SimulatedDevice d : fleet.devices()) {
      csv.append(
              String.join(
                  ",",
                  d.serialNumber(),
                  d.host(),
                  String.valueOf(d.port()),
                  d.username(),
                  d.password(),
                  d.hostKeyFingerprint()))
          .append('\n');
    }
    if (options.inventory() != null) {
      Files.writeString(options.inventory(), csv);
      out.println("Inventory written to " + options.inventory());
    } else {
      out.print(csv);
    }
    out.println(
        "NETCONF: ssh -p <port> "
            + options.username()
            + "@"
            + options.bindAddress()
            + " -s netconf. Out-of-band change (an operator's CLI commit): ssh -p <port> "
            + options.username()
            + "@"
            + options.bindAddress()
            + " 'configure; set system location building 7; commit comment \"by hand\"'."
            + " Ctrl-C stops.");
    out.flush();
  }

  private static void configureLogging(String level) {
    // slf4j-simple reads these once, when the first logger is created.
    System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", level);
    // A client that hangs up without closing its channel is routine here, not a warning.
    System.setProperty("org.slf4j.simpleLogger.log.org.apache.sshd", "error");
    System.setProperty("org.slf4j.simpleLogger.showDateTime", "true");
    System.setProperty("org.slf4j.simpleLogger.dateTimeFormat", "yyyy-MM-dd'T'HH:mm:ss.SSS");
  }

  private static SSLContext trustAll() throws GeneralSecurityException {
    TrustManager trustAll =
        new X509TrustManager() {
          @Override
          public void checkClientTrusted(X509Certificate[] chain, String authType) {}

          @Override
          public void checkServerTrusted(X509Certificate[] chain, String authType) {}

          @Override
          public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
          }
        };
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, new TrustManager[] {trustAll}, null);
    return context;
  }
}
