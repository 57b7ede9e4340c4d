package io.switchboard.devices.vnf;

import io.switchboard.devices.config.ConfigException;
import io.switchboard.devices.config.ConfigTree;
import io.switchboard.devices.config.Xml;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import org.w3c.dom.Element;

/**
 * The virtualisation host of a simulated uCPE (NFX): its resources, the image files under {@code
 * /var/public}, and the VNFs of the running configuration, which boot a while after their commit.
 * Faults: boot never finishes, resources short (half the host), and the fleet's corrupt-image fault
 * (a copied file's checksum does not match its source).
 */
public final class VnfHost {
  /** Where VNF images live on the device. */
  public static final String IMAGE_DIR = "/var/public/";

  private static final List<String> CHECK_OUT_FAILED = List.of("configuration check-out failed");
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  /**
   * An image file on the device.
   *
   * @param source where it was copied from (null for a file put there by a test)
   */
  public record ImageFile(String path, String sha256, long size, boolean corrupt, String source) {}

  /** A boot, from {@code started}, of the VNF whose configuration is {@code signature}. */
  private record Boot(String signature, Instant started, String day0) {}

  private final HostResources capacity;
  private final BooleanSupplier corruptImage;
  private final Map<String, ImageFile> files = new ConcurrentHashMap<>();
  private final Map<String, Boot> boots = new ConcurrentHashMap<>();
  private final Day0Drives drives = new Day0Drives();
  private final java.util.Set<String> crashed = ConcurrentHashMap.newKeySet();
  private final java.util.Set<String> stopped = ConcurrentHashMap.newKeySet();
  private volatile Duration bootDelay = Duration.ofSeconds(2);
  private volatile boolean bootNeverFinishes;
  private volatile boolean resourcesShort;

  public VnfHost(HostResources capacity, BooleanSupplier corruptImage) {
    this.capacity = capacity;
    this.corruptImage = corruptImage;
  }

  /** The host of a model that runs VNFs ({@code nfx250}), if it is one. */
  public static Optional<VnfHost> forModel(String model, BooleanSupplier corruptImage) {
    return model.toLowerCase().startsWith("nfx")
        ? Optional.of(new VnfHost(HostResources.NFX250, corruptImage))
        : Optional.empty();
  }

  public HostResources capacity() {
    return resourcesShort ? capacity.halved() : capacity;
  }

  public void bootDelay(Duration delay) {
    this.bootDelay = delay;
  }

  /** Fault: committed VNFs stay Running with liveliness down for ever. */
  public void bootNeverFinishes(boolean on) {
    this.bootNeverFinishes = on;
  }

  /** Fault: the host offers half its resources (other tenants' VMs, say). */
  public void resourcesShort(boolean on) {
    this.resourcesShort = on;
  }

  /** Fault: the VNF crashes (Crashed until it is restarted). */
  public void crash(String name) {
    crashed.add(name);
  }

  /** {@code request virtual-network-functions NAME restart}: it boots again from its start. */
  public void restart(String name) {
    crashed.remove(name);
    stopped.remove(name);
    boots.remove(name);
  }

  /** {@code request virtual-network-functions NAME stop}: Shutoff until started again. */
  public void stop(String name) {
    stopped.add(name);
  }

  public Map<String, ImageFile> files() {
    return Map.copyOf(files);
  }

  // ---- configuration -------------------------------------------------------------------------

  /**
   * The commit check of a uCPE: every VNF's image must be on the device, and together they must fit
   * the host's vCPUs, memory and hugepages.
   */
  public void check(Element configuration) throws ConfigException {
    int vcpus = 0;
    int memory = 0;
    int hugepages = 0;
    for (Element vnf : Xml.children(configuration, "virtual-network-functions")) {
      String name = Xml.childText(vnf, ConfigTree.KEY);
      String path = "[edit virtual-network-functions " + name + "]";
      String image = imageOf(vnf);
      if (image == null) {
        throw failure(path, "image", "virtual-network-functions " + name + ": image is mandatory");
      }
      if (!files.containsKey(image)) {
        throw failure(
            path, "image " + image, "VNF " + name + ": image file " + image + " does not exist");
      }
      for (String drive : Day0Drives.sourcesOf(vnf)) {
        if (!files.containsKey(drive)) {
          throw failure(
              path, "storage", "VNF " + name + ": storage file " + drive + " does not exist");
        }
        String notADrive = drives.notADrive(drive);
        if (notADrive != null) {
          throw failure(
              path, "storage", "VNF " + name + ": storage file " + drive + " " + notADrive);
        }
      }
      vcpus += vcpusOf(vnf);
      if (hugepagesOf(vnf)) {
        hugepages += memoryMibOf(vnf);
      } else {
        memory += memoryMibOf(vnf);
      }
    }
    HostResources host = capacity();
    if (vcpus > host.vcpus()) {
      throw failure(
          "[edit virtual-network-functions]",
          "virtual-cpu count",
          "Insufficient CPU resources: "
              + vcpus
              + " vCPUs requested, "
              + host.vcpus()
              + " available");
    }
    if (memory > host.memoryMib()) {
      throw failure(
          "[edit virtual-network-functions]",
          "memory size",
          "Insufficient memory: "
              + memory
              + " MB requested, "
              + host.memoryMib()
              + " MB available");
    }
    if (hugepages > host.hugepagesMib()) {
      throw failure(
          "[edit virtual-network-functions]",
          "memory features hugepages",
          "Insufficient hugepages: "
              + hugepages
              + " MB requested, "
              + host.hugepagesMib()
              + " MB available");
    }
  }

  private static ConfigException failure(String path, String bad, String message) {
    return new ConfigException("invalid-value", message, path, bad, CHECK_OUT_FAILED);
  }

  /** The VNFs of the running configuration and how they run now. */
  public List<VnfState> states(Element running) {
    List<VnfState> states = new ArrayList<>();
    List<String> present = new ArrayList<>();
    Instant now = Instant.now();
    for (Element vnf : Xml.children(running, "virtual-network-functions")) {
      String name = Xml.childText(vnf, ConfigTree.KEY);
      present.add(name);
      String image = imageOf(vnf);
      String signature = Xml.toString(vnf);
      Boot boot =
          boots.compute(
              name,
              (n, old) ->
                  old != null && old.signature().equals(signature)
                      ? old
                      : new Boot(signature, now, drives.day0Of(vnf).orElse(null)));
      String status;
      String liveliness = "down";
      ImageFile file = image == null ? null : files.get(image);
      if (Xml.child(vnf, "no-autostart") != null || stopped.contains(name)) {
        status = "Shutoff";
      } else if (file == null || file.corrupt() || crashed.contains(name)) {
        status = "Crashed";
      } else {
        status = "Running";
        if (!bootNeverFinishes && !now.isBefore(boot.started().plus(bootDelay))) {
          liveliness = "up";
        }
      }
      states.add(
          new VnfState(
              name, status, liveliness, vcpusOf(vnf), memoryMibOf(vnf), image, boot.day0()));
    }
    boots.keySet().retainAll(present);
    crashed.retainAll(present);
    stopped.retainAll(present);
    return states;
  }

  static String imageOf(Element vnf) {
    Element image = Xml.child(vnf, "image");
    if (image == null) {
      return null;
    }
    return Xml.hasElementChildren(image) ? Xml.childText(image, ConfigTree.KEY) : Xml.text(image);
  }

  public static int vcpusOf(Element vnf) {
    return number(
        Xml.childText(
            Xml.child(vnf, "virtual-cpu") == null ? vnf : Xml.child(vnf, "virtual-cpu"), "count"),
        1);
  }

  /** {@code memory size} is in KiB, as on Junos. */
  public static int memoryMibOf(Element vnf) {
    Element memory = Xml.child(vnf, "memory");
    return memory == null ? 1024 : (int) (number(Xml.childText(memory, "size"), 1048576) / 1024L);
  }

  public static boolean hugepagesOf(Element vnf) {
    Element memory = Xml.child(vnf, "memory");
    return memory != null && "hugepages".equals(Xml.childText(memory, "features"));
  }

  private static int number(String text, int otherwise) {
    try {
      return text == null ? otherwise : Integer.parseInt(text.trim());
    } catch (NumberFormatException e) {
      return otherwise;
    }
  }

  // ---- files ---------------------------------------------------------------------------------

  /**
   * Copies {@code source} (http(s), file: or a path) to {@code destination} under {@link
   * #IMAGE_DIR}, digesting it as it streams. Under the corrupt-image fault the copy is damaged.
   */
  public CompletableFuture<ImageFile> copy(String source, String destination) {
    if (!destination.startsWith(IMAGE_DIR) || destination.contains("..")) {
      return CompletableFuture.failedFuture(
          new IOException("destination must be a file under " + IMAGE_DIR));
    }
    boolean corrupt = corruptImage.getAsBoolean();
    CompletableFuture<long[]> sizes = new CompletableFuture<>();
    CompletableFuture<String> digest;
    if (source.startsWith("http://") || source.startsWith("https://")) {
      digest =
          HTTP.sendAsync(
                  HttpRequest.newBuilder(URI.create(source))
                      .timeout(Duration.ofMinutes(10))
                      .build(),
                  HttpResponse.BodyHandlers.ofInputStream())
              .thenApply(
                  response -> {
                    if (response.statusCode() != 200) {
                      throw new IllegalStateException(
                          "HTTP " + response.statusCode() + " from " + source);
                    }
                    return digest(response.body(), sizes);
                  });
    } else {
      Path path = Path.of(source.startsWith("file:") ? URI.create(source).getPath() : source);
      digest =
          CompletableFuture.supplyAsync(
              () -> {
                try (InputStream in = Files.newInputStream(path)) {
                  return digest(in, sizes);
                } catch (IOException e) {
                  throw new IllegalStateException(source + ": No such file or directory", e);
                }
              });
    }
    return digest.thenApply(
        hex -> {
          ImageFile file =
              new ImageFile(
                  destination, corrupt ? damaged(hex) : hex, sizes.join()[0], corrupt, source);
          files.put(destination, file);
          return file;
        });
  }

  private static String damaged(String hex) {
    char last = hex.charAt(hex.length() - 1);
    return hex.substring(0, hex.length() - 1) + (last == '0' ? '1' : '0');
  }

  private static String digest(InputStream in, CompletableFuture<long[]> sizes) {
    try (in) {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      byte[] buffer = new byte[64 * 1024];
      long total = 0;
      int n;
      while ((n = in.read(buffer)) > 0) {
        md.update(buffer, 0, n);
        total += n;
      }
      sizes.complete(new long[] {total});
      return HexFormat.of().formatHex(md.digest());
    } catch (IOException | NoSuchAlgorithmException e) {
      throw new IllegalStateException("copy failed: " + e.getMessage(), e);
    }
  }

  /** The SHA-256 of a file on the device (as {@code file checksum sha-256}). */
  public Optional<ImageFile> file(String path) {
    return Optional.ofNullable(files.get(path));
  }

  public boolean delete(String path) {
    drives.remove(path);
    return files.remove(path) != null;
  }

  /**
   * {@code file-put}: a file under {@link #IMAGE_DIR} (a VNF's day-0 config drive, an ISO 9660
   * image); it replaces one of the same name only when {@code replace}.
   */
  public ImageFile put(String path, byte[] content, boolean replace) throws IOException {
    if (!path.startsWith(IMAGE_DIR) || path.contains("..")) {
      throw new IOException("destination must be a file under " + IMAGE_DIR);
    }
    if (!replace && files.containsKey(path)) {
      throw new IOException(path + ": File exists");
    }
    byte[] bytes = content;
    String sha256;
    try {
      sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    ImageFile file = new ImageFile(path, sha256, bytes.length, false, "file-put");
    drives.put(path, content);
    files.put(path, file);
    return file;
  }

  /**
   * The files of the config drive image at {@code path} as the VNF reads them (name to content),
   * empty when there is no such file or it is not an ISO 9660 image.
   */
  public Map<String, byte[]> driveFiles(String path) {
    return drives.filesOf(path);
  }

  /** Test set-up: a file already on the device. */
  public void putFile(String path, String sha256, long size) {
    files.put(path, new ImageFile(path, sha256, size, false, null));
  }
}
