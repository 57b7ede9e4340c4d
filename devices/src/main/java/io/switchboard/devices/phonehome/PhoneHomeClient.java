package io.switchboard.devices.phonehome;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.switchboard.devices.image.ImageInstaller;
import io.switchboard.devices.image.InstallResult;
import io.switchboard.devices.phonehome.PhoneHomeStatus.State;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The device side of zero-touch phone-home, shaped like Juniper's: GET the bootstrap data for the
 * serial (HTTP Basic, serial as user, activation secret as password), retrying with back-off while
 * the server answers 404 (serial not claimed yet), 5xx or is unreachable; merge and commit the
 * configuration; install the image when its version differs (then reboot, and the next boot phones
 * home again); POST a progress notification after each step. Fully asynchronous: no thread waits,
 * retries run on the shared scheduler.
 */
public final class PhoneHomeClient {

  private static final Logger log = LoggerFactory.getLogger(PhoneHomeClient.class);

  /** Notification types POSTed to {@code .../progress}. */
  public static final String CONFIG_APPLIED = "config-applied";

  public static final String CONFIG_FAILED = "config-failed";
  public static final String IMAGE_INSTALLED = "image-installed";
  public static final String IMAGE_FAILED = "image-install-failed";
  public static final String BOOTSTRAP_COMPLETE = "bootstrap-complete";
  public static final String BOOTSTRAP_FAILED = "bootstrap-failed";

  private final HttpClient http;
  private final ScheduledExecutorService scheduler;
  private final PhoneHomeSettings settings;
  private final ObjectMapper json = new ObjectMapper();

  public PhoneHomeClient(
      HttpClient http, ScheduledExecutorService scheduler, PhoneHomeSettings settings) {
    this.http = http;
    this.scheduler = scheduler;
    this.settings = settings;
  }

  public PhoneHomeSettings settings() {
    return settings;
  }

  /** Starts one phone-home run; the future completes with the final status. */
  public CompletableFuture<PhoneHomeStatus> phoneHome(PhoneHomeDevice device) {
    CompletableFuture<PhoneHomeStatus> result = new CompletableFuture<>();
    attempt(device, device.bootCount(), 1, result);
    return result;
  }

  private void attempt(
      PhoneHomeDevice device, int boot, int attempt, CompletableFuture<PhoneHomeStatus> result) {
    if (device.bootCount() != boot) {
      result.complete(PhoneHomeStatus.of(State.IDLE, attempt - 1, "superseded by a reboot"));
      return;
    }
    String serial = device.reportedSerialNumber();
    update(
        device,
        result,
        PhoneHomeStatus.of(State.REQUESTING, attempt, "GET bootstrap-data, attempt " + attempt),
        false);
    HttpRequest request =
        HttpRequest.newBuilder(settings.deviceResource(serial, "bootstrap-data"))
            .timeout(settings.requestTimeout())
            .header("Authorization", basic(serial, device.activationSecret()))
            .header("Accept", "application/yang-data+json, application/json")
            .GET()
            .build();
    http.sendAsync(request, HttpResponse.BodyHandlers.ofString())
        .whenComplete(
            (response, error) -> {
              if (error != null) {
                retry(device, boot, attempt, result, "server unreachable: " + rootMessage(error));
              } else if (response.statusCode() == 200 || response.statusCode() == 204) {
                bootstrap(device, response.body(), attempt, result);
              } else if (response.statusCode() == 404
                  || response.statusCode() >= 500
                  || response.statusCode() == 429) {
                retry(
                    device, boot, attempt, result, "server answered HTTP " + response.statusCode());
              } else {
                update(
                    device,
                    result,
                    PhoneHomeStatus.of(
                        State.GAVE_UP,
                        attempt,
                        "server refused the request: HTTP " + response.statusCode()),
                    true);
              }
            });
  }

  private void retry(
      PhoneHomeDevice device,
      int boot,
      int attempt,
      CompletableFuture<PhoneHomeStatus> result,
      String why) {
    if (attempt >= settings.maxAttempts()) {
      update(
          device,
          result,
          PhoneHomeStatus.of(
              State.GAVE_UP, attempt, why + "; giving up after " + attempt + " attempts"),
          true);
      return;
    }
    long delay = backoff(attempt).toMillis();
    log.debug("{}: {}; retrying in {} ms", device.reportedSerialNumber(), why, delay);
    update(
        device,
        result,
        PhoneHomeStatus.of(State.REQUESTING, attempt, why + "; retrying in " + delay + " ms"),
        false);
    scheduler.schedule(
        () -> attempt(device, boot, attempt + 1, result), delay, TimeUnit.MILLISECONDS);
  }

  Duration backoff(int attempt) {
    long factor = 1L << Math.min(attempt - 1, 20);
    Duration delay = settings.initialBackoff().multipliedBy(factor);
    return delay.compareTo(settings.maxBackoff()) > 0 ? settings.maxBackoff() : delay;
  }

  private void bootstrap(
      PhoneHomeDevice device, String body, int attempt, CompletableFuture<PhoneHomeStatus> result) {
    update(
        device,
        result,
        PhoneHomeStatus.of(State.APPLYING, attempt, "applying bootstrap data"),
        false);
    BootstrapData data;
    try {
      data = BootstrapData.parse(json, body);
    } catch (Exception e) {
      fail(device, attempt, result, CONFIG_FAILED, "unreadable bootstrap data: " + e.getMessage());
      return;
    }
    if (data.configuration() == null || data.configuration().isBlank()) {
      installIfNeeded(device, data, attempt, result);
      return;
    }
    try {
      device.applyBootstrapConfiguration(data.configuration(), data.configurationFormat());
    } catch (Exception e) {
      fail(
          device,
          attempt,
          result,
          CONFIG_FAILED,
          "bootstrap configuration failed: " + e.getMessage());
      return;
    }
    // Notifications go out one after the other, so the server sees them in order.
    notify(device, CONFIG_APPLIED, "bootstrap configuration committed")
        .thenRun(() -> installIfNeeded(device, data, attempt, result));
  }

  private void installIfNeeded(
      PhoneHomeDevice device,
      BootstrapData data,
      int attempt,
      CompletableFuture<PhoneHomeStatus> result) {
    BootstrapData.Image image = data.image();
    String version =
        image == null
            ? null
            : image.version() != null ? image.version() : ImageInstaller.versionOf(image.url());
    if (image == null || device.softwareVersion().equals(version)) {
      notify(device, BOOTSTRAP_COMPLETE, "bootstrap complete on " + device.softwareVersion())
          .thenRun(
              () ->
                  update(
                      device,
                      result,
                      PhoneHomeStatus.of(State.COMPLETE, attempt, "bootstrap complete"),
                      true));
      return;
    }
    String url =
        image.sha256() == null || image.url().contains("#")
            ? image.url()
            : image.url() + "#sha256=" + image.sha256();
    device
        .installImage(url)
        .whenComplete(
            (install, error) -> {
              InstallResult outcome =
                  error != null
                      ? new InstallResult(1, "ERROR: " + rootMessage(error), null)
                      : install;
              if (!outcome.succeeded()) {
                fail(device, attempt, result, IMAGE_FAILED, lastLine(outcome.output()));
                return;
              }
              notify(device, IMAGE_INSTALLED, "installed " + outcome.version() + "; rebooting")
                  .thenRun(
                      () -> {
                        update(
                            device,
                            result,
                            PhoneHomeStatus.of(
                                State.REBOOTING, attempt, "rebooting into " + outcome.version()),
                            true);
                        device.reboot();
                      });
            });
  }

  private void fail(
      PhoneHomeDevice device,
      int attempt,
      CompletableFuture<PhoneHomeStatus> result,
      String type,
      String message) {
    log.info("{}: {}", device.reportedSerialNumber(), message);
    notify(device, type, message)
        .thenCompose(ignored -> notify(device, BOOTSTRAP_FAILED, message))
        .thenRun(
            () -> update(device, result, PhoneHomeStatus.of(State.FAILED, attempt, message), true));
  }

  private static void update(
      PhoneHomeDevice device,
      CompletableFuture<PhoneHomeStatus> result,
      PhoneHomeStatus status,
      boolean last) {
    device.phoneHomeStatus(status);
    if (last) {
      result.complete(status);
    }
  }

  /** POSTs a progress notification; failures are logged, never retried (as the real client). */
  public CompletableFuture<Integer> notify(PhoneHomeDevice device, String type, String message) {
    String serial = device.reportedSerialNumber();
    ObjectNode body =
        json.createObjectNode()
            .put("type", type)
            .put("message", message)
            .put("serialNumber", serial)
            .put("model", device.productModel())
            .put("softwareVersion", device.softwareVersion())
            .put("managementAddress", device.managementAddress())
            .put("netconfPort", device.port())
            .put("hostKeyFingerprint", device.hostKeyFingerprint())
            .put("timestamp", Instant.now().toString());
    HttpRequest request =
        HttpRequest.newBuilder(settings.deviceResource(serial, "progress"))
            .timeout(settings.requestTimeout())
            .header("Authorization", basic(serial, device.activationSecret()))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
            .build();
    return http.sendAsync(request, HttpResponse.BodyHandlers.discarding())
        .handle(
            (response, error) -> {
              if (error != null) {
                log.info("{}: progress {} not delivered: {}", serial, type, rootMessage(error));
                return -1;
              }
              return response.statusCode();
            });
  }

  static String basic(String user, String password) {
    String pair = user + ":" + (password == null ? "" : password);
    return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
  }

  private static String lastLine(String output) {
    String[] lines = output.strip().split("\\R");
    return lines[lines.length - 1];
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null) {
      t = t.getCause();
    }
    return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
  }

  /** The resource for a serial, for logs and docs. */
  public URI bootstrapUri(String serial) {
    return settings.deviceResource(serial, "bootstrap-data");
  }
}
