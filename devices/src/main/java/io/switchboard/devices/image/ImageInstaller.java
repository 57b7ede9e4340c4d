package io.switchboard.devices.image;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Flow;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fetches a software image over HTTP(S) (or from a local path), checks its SHA-256 and stages it.
 * The expected checksum comes from the URL fragment ({@code #sha256=<hex>} or {@code #<hex>}) or
 * else from a sidecar file {@code <url>.sha256}. The version comes from the file name ({@code
 * junos-srxsme-21.4R3-S5.4.tgz} is 21.4R3-S5.4). The body is digested as it streams, so large
 * images and many parallel downloads cost no heap.
 */
public final class ImageInstaller {

  private static final Pattern VERSION =
      Pattern.compile("\\d+\\.\\d+[RXSBF]\\d+(?:-S\\d+)?(?:\\.\\d+)?");
  private static final Pattern HEX = Pattern.compile("^[0-9a-fA-F]{64}");

  private final HttpClient http;
  private final Duration timeout;

  public ImageInstaller(HttpClient http, Duration timeout) {
    this.http = http;
    this.timeout = timeout;
  }

  /**
   * Downloads and verifies the package; {@code corrupt} simulates a damaged transfer (the digest
   * computed does not match). Never completes exceptionally: failures are results.
   */
  public CompletableFuture<InstallResult> install(
      String packageName, SoftwareInventory inventory, boolean corrupt) {
    String location = packageName.trim();
    String fragment = null;
    int hash = location.indexOf('#');
    if (hash >= 0) {
      fragment = location.substring(hash + 1);
      location = location.substring(0, hash);
    }
    String fileName = location.substring(location.lastIndexOf('/') + 1);
    String version = versionOf(fileName);
    StringBuilder output = new StringBuilder();
    if (version == null) {
      return CompletableFuture.completedFuture(
          InstallResult.failed(
              "ERROR: "
                  + fileName
                  + ": not a recognised software package (no release in its name)"));
    }
    String expectedFromFragment = fragment == null ? null : checksumFromFragment(fragment);
    String source = location;
    CompletableFuture<Digest> digest;
    CompletableFuture<String> expected;
    if (location.startsWith("http://") || location.startsWith("https://")) {
      output
          .append("Fetching package from ")
          .append(location)
          .append(" to /var/tmp/")
          .append(fileName)
          .append('\n');
      digest = download(URI.create(location));
      expected =
          expectedFromFragment != null
              ? CompletableFuture.completedFuture(expectedFromFragment)
              : sidecar(URI.create(location + ".sha256"));
    } else {
      Path path = Path.of(location.startsWith("file:") ? URI.create(location).getPath() : location);
      digest = CompletableFuture.supplyAsync(() -> digestFile(path));
      expected =
          expectedFromFragment != null
              ? CompletableFuture.completedFuture(expectedFromFragment)
              : CompletableFuture.supplyAsync(() -> readSidecarFile(Path.of(path + ".sha256")));
    }
    return digest
        .thenCombine(
            expected,
            (actual, wanted) -> {
              String got = corrupt ? damaged(actual.hex()) : actual.hex();
              if (wanted == null) {
                return InstallResult.failed(
                    output
                        + "ERROR: no SHA-256 checksum for "
                        + fileName
                        + ": give it as #sha256=<hex> in the URL or publish "
                        + fileName
                        + ".sha256");
              }
              if (!wanted.equalsIgnoreCase(got)) {
                return InstallResult.failed(
                    output
                        + "ERROR: Package /var/tmp/"
                        + fileName
                        + " is corrupt: SHA-256 checksum mismatch"
                        + " (expected "
                        + wanted.toLowerCase(Locale.ROOT)
                        + ", computed "
                        + got
                        + ")");
              }
              inventory.stage(fileName, version, source);
              output
                  .append("Verified SHA-256 checksum of ")
                  .append(fileName)
                  .append(" (")
                  .append(actual.size())
                  .append(" bytes)\n")
                  .append("Installing package '/var/tmp/")
                  .append(fileName)
                  .append("' ...\n")
                  .append("Saving package file in /var/sw/pkg/")
                  .append(fileName)
                  .append(" ...\n")
                  .append("NOTICE: '")
                  .append(version)
                  .append("' will become active at next reboot\n")
                  .append("WARNING: A reboot is required to install the software");
              return new InstallResult(0, output.toString(), version);
            })
        .exceptionally(e -> InstallResult.failed(output + "ERROR: " + rootMessage(e)));
  }

  /** The release in a package file name, or null. */
  public static String versionOf(String fileName) {
    Matcher m = VERSION.matcher(fileName);
    return m.find() ? m.group() : null;
  }

  private static String checksumFromFragment(String fragment) {
    String value =
        fragment.toLowerCase(Locale.ROOT).startsWith("sha256=") ? fragment.substring(7) : fragment;
    return HEX.matcher(value).find() ? value.substring(0, 64) : null;
  }

  private record Digest(String hex, long size) {}

  private CompletableFuture<Digest> download(URI uri) {
    HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout).GET().build();
    return http.sendAsync(
            request,
            info ->
                info.statusCode() == 200
                    ? HttpResponse.BodySubscribers.fromSubscriber(
                        new DigestingSubscriber(), DigestingSubscriber::result)
                    : HttpResponse.BodySubscribers.replacing((Digest) null))
        .thenApply(
            response -> {
              if (response.statusCode() != 200) {
                throw new CompletionException(
                    new IOException("fetch of " + uri + " failed: HTTP " + response.statusCode()));
              }
              return response.body();
            });
  }

  private CompletableFuture<String> sidecar(URI uri) {
    HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout).GET().build();
    return http.sendAsync(request, HttpResponse.BodyHandlers.ofString())
        .thenApply(response -> response.statusCode() == 200 ? firstHex(response.body()) : null);
  }

  private static String firstHex(String text) {
    Matcher m = HEX.matcher(text.strip());
    return m.find() ? m.group() : null;
  }

  private static Digest digestFile(Path path) {
    try {
      MessageDigest sha = sha256();
      byte[] bytes = Files.readAllBytes(path);
      sha.update(bytes);
      return new Digest(HexFormat.of().formatHex(sha.digest()), bytes.length);
    } catch (IOException e) {
      throw new CompletionException(new IOException("Package " + path + " does not exist", e));
    }
  }

  private static String readSidecarFile(Path path) {
    try {
      return firstHex(Files.readString(path, StandardCharsets.UTF_8));
    } catch (IOException e) {
      return null;
    }
  }

  private static String damaged(String hex) {
    char first = hex.charAt(0);
    return (first == '0' ? '1' : '0') + hex.substring(1);
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && (t instanceof CompletionException || t.getMessage() == null)) {
      t = t.getCause();
    }
    String message = t.getMessage();
    if (t instanceof java.net.ConnectException) {
      message = "fetch failed: connection refused";
    }
    return message == null ? t.getClass().getSimpleName() : message;
  }

  static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Digests a response body as it arrives. */
  private static final class DigestingSubscriber implements Flow.Subscriber<List<ByteBuffer>> {
    private final MessageDigest sha = sha256();
    private final CompletableFuture<Digest> result = new CompletableFuture<>();
    private long size;

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
      subscription.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
      for (ByteBuffer buffer : buffers) {
        size += buffer.remaining();
        sha.update(buffer);
      }
    }

    @Override
    public void onError(Throwable throwable) {
      result.completeExceptionally(throwable);
    }

    @Override
    public void onComplete() {
      result.complete(new Digest(HexFormat.of().formatHex(sha.digest()), size));
    }

    Digest result() {
      return result.join();
    }
  }
}
