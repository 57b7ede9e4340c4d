package io.switchboard.devices.fleet;

import io.switchboard.devices.fault.FaultProfile;
import io.switchboard.devices.phonehome.PhoneHomeClient;
import io.switchboard.devices.phonehome.PhoneHomeSettings;
import io.switchboard.devices.sdwan.SdwanNetwork;
import java.net.URI;
import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import javax.net.ssl.SSLContext;

/**
 * A fleet of simulated Junos devices in one JVM, each with NETCONF over SSH on its own port of
 * 127.0.0.1. Devices share a fixed set of threads (see {@link #threadBudget()}), so thousands fit
 * in one process.
 *
 * <pre>{@code
 * try (SimulatedFleet fleet = SimulatedFleet.builder().devices(3).basePort(0).build()) {
 *   fleet.start();
 *   SimulatedDevice d = fleet.device("SIM00001");
 *   // connect to d.host():d.port() as d.username()/d.password(), pin d.hostKeyFingerprint()
 * }
 * }</pre>
 */
public final class SimulatedFleet implements AutoCloseable {

  private final FleetSettings settings;
  private final FleetRuntime runtime;
  private final int basePort;
  private final int rpcThreads;
  private final int ioThreads;
  private final Map<String, SimulatedDevice> devices = new LinkedHashMap<>();
  private final DeviceStateFiles stateFiles;
  private boolean started;
  private boolean closed;

  private SimulatedFleet(Builder b, List<String> serials) {
    this.basePort = b.basePort;
    this.rpcThreads = b.rpcThreads;
    this.ioThreads = b.ioThreads;
    this.runtime = new FleetRuntime(b.rpcThreads, b.ioThreads, b.sslContext, b.downloadTimeout);
    PhoneHomeClient phoneHome =
        b.phoneHome == null
            ? null
            : new PhoneHomeClient(runtime.http, runtime.scheduler, b.phoneHome);
    this.settings =
        new FleetSettings(
            b.bindAddress,
            b.model,
            b.softwareVersion,
            b.username,
            b.password,
            Set.copyOf(b.authorizedKeys),
            b.faults,
            b.faultSeed,
            b.slowResponseDelay,
            b.rebootDelay,
            phoneHome,
            b.activationSecrets,
            b.initialConfiguration);
    this.stateFiles = b.stateDirectory == null ? null : new DeviceStateFiles(b.stateDirectory);
    for (String serial : serials) {
      create(serial);
    }
  }

  public static Builder builder() {
    return new Builder();
  }

  private SimulatedDevice create(String serial) {
    if (devices.containsKey(serial)) {
      throw new IllegalArgumentException("duplicate serial " + serial);
    }
    int port = basePort == 0 ? 0 : basePort + devices.size();
    SimulatedDevice device = new SimulatedDevice(serial, port, settings, runtime);
    if (stateFiles != null) {
      stateFiles.restore(device);
    }
    devices.put(serial, device);
    return device;
  }

  /** Boots every device: each binds its port, then phones home when an orchestrator is set. */
  public synchronized SimulatedFleet start() {
    if (closed) {
      throw new IllegalStateException("fleet is closed");
    }
    if (!started) {
      started = true;
      for (SimulatedDevice device : devices.values()) {
        device.start();
      }
      if (stateFiles != null) {
        runtime.scheduler.scheduleWithFixedDelay(this::saveStates, 1, 1, TimeUnit.SECONDS);
      }
    }
    return this;
  }

  /** Adds a device (booted at once when the fleet runs), e.g. to stand for a newly shipped CPE. */
  public synchronized SimulatedDevice addDevice(String serial) {
    SimulatedDevice device = create(serial);
    if (started) {
      device.start();
    }
    return device;
  }

  /** The device with this serial number. */
  public synchronized SimulatedDevice device(String serial) {
    SimulatedDevice device = devices.get(serial);
    if (device == null) {
      throw new NoSuchElementException("no simulated device with serial " + serial);
    }
    return device;
  }

  /** The device at this position (0-based, creation order). */
  public synchronized SimulatedDevice device(int index) {
    return devices().get(index);
  }

  public synchronized List<SimulatedDevice> devices() {
    return List.copyOf(devices.values());
  }

  public synchronized int size() {
    return devices.size();
  }

  /** The fleet's underlay: negotiates IPsec VPNs across its devices, holds link impairments. */
  public SdwanNetwork sdwan() {
    return runtime.sdwan;
  }

  /** Threads the fleet itself runs, whatever its size: timers, RPC pool, SSH I/O, HTTP. */
  public int threadBudget() {
    return 2 + rpcThreads + 2 * ioThreads + 1;
  }

  /**
   * The file that keeps this device's state across restarts, when the fleet has a state directory.
   */
  public Optional<Path> stateFileOf(String serial) {
    return Optional.ofNullable(stateFiles).map(files -> files.fileOf(serial));
  }

  private void saveStates() {
    if (stateFiles != null) {
      devices().forEach(stateFiles::saveIfChanged);
    }
  }

  /** Stops every device and the shared threads (saving their state first, if it is kept). */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    saveStates();
    for (SimulatedDevice device : devices.values()) {
      device.stop();
    }
    runtime.close();
  }

  /** Fleet options; every one has a default good for tests. */
  public static final class Builder {
    private int count = 1;
    private List<String> serials;
    private String serialPrefix = "SIM";
    private int basePort;
    private String bindAddress = "127.0.0.1";
    private DeviceModel model = DeviceModel.SRX300;
    private String softwareVersion = "21.4R3-S5.4";
    private String username = "admin";
    private String password = "admin123";
    private final Set<PublicKey> authorizedKeys = new LinkedHashSet<>();
    private FaultProfile faults = FaultProfile.NONE;
    private long faultSeed = 42;
    private Duration slowResponseDelay = Duration.ofSeconds(3);
    private Duration rebootDelay = Duration.ofSeconds(5);
    private PhoneHomeSettings phoneHome;
    private Function<String, String> activationSecrets = serial -> null;
    private Function<String, String> initialConfiguration = SimulatedDevice::factoryDefault;
    private SSLContext sslContext;
    private Duration downloadTimeout = Duration.ofMinutes(5);
    private Path stateDirectory;
    private int rpcThreads = Math.max(4, 2 * Runtime.getRuntime().availableProcessors());
    private int ioThreads = Math.max(2, Runtime.getRuntime().availableProcessors());

    private Builder() {}

    /** How many devices, with serials {@code <prefix>00001}, {@code <prefix>00002}, ... */
    public Builder devices(int count) {
      if (count < 0) {
        throw new IllegalArgumentException("count must not be negative");
      }
      this.count = count;
      return this;
    }

    /** Explicit serial numbers instead of a count. */
    public Builder serials(Collection<String> serials) {
      this.serials = List.copyOf(serials);
      return this;
    }

    public Builder serials(String... serials) {
      return serials(List.of(serials));
    }

    public Builder serialPrefix(String prefix) {
      this.serialPrefix = Objects.requireNonNull(prefix);
      return this;
    }

    /** Device i listens on basePort + i; 0 (the default) gives every device an ephemeral port. */
    public Builder basePort(int port) {
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("invalid base port " + port);
      }
      this.basePort = port;
      return this;
    }

    public Builder bindAddress(String address) {
      this.bindAddress = Objects.requireNonNull(address);
      return this;
    }

    public Builder model(String name) {
      this.model = DeviceModel.named(name);
      return this;
    }

    public Builder model(DeviceModel model) {
      this.model = Objects.requireNonNull(model);
      return this;
    }

    /** The Junos release devices boot with, e.g. {@code 21.4R3-S5.4}. */
    public Builder softwareVersion(String version) {
      this.softwareVersion = Objects.requireNonNull(version);
      return this;
    }

    /** SSH login of every device (default admin / admin123). */
    public Builder credentials(String user, String pass) {
      this.username = Objects.requireNonNull(user);
      this.password = Objects.requireNonNull(pass);
      return this;
    }

    /** Also accept public-key authentication with this key (for the configured user). */
    public Builder authorizedKey(PublicKey key) {
      this.authorizedKeys.add(Objects.requireNonNull(key));
      return this;
    }

    public Builder faults(FaultProfile profile) {
      this.faults = Objects.requireNonNull(profile);
      return this;
    }

    public Builder faults(String profile) {
      return faults(FaultProfile.parse(profile));
    }

    /** Seed of the per-device fault draws (the same seed hits the same devices). */
    public Builder faultSeed(long seed) {
      this.faultSeed = seed;
      return this;
    }

    public Builder slowResponseDelay(Duration delay) {
      this.slowResponseDelay = Objects.requireNonNull(delay);
      return this;
    }

    /** How long a rebooting device stays unreachable (default 5 s). */
    public Builder rebootDelay(Duration delay) {
      this.rebootDelay = Objects.requireNonNull(delay);
      return this;
    }

    /** Phone home to this orchestrator base URL at every boot, with default retries. */
    public Builder phoneHome(String orchestratorUrl) {
      return phoneHome(URI.create(orchestratorUrl));
    }

    public Builder phoneHome(URI orchestratorUrl) {
      this.phoneHome = PhoneHomeSettings.defaults(orchestratorUrl);
      return this;
    }

    public Builder phoneHome(PhoneHomeSettings settings) {
      this.phoneHome = Objects.requireNonNull(settings);
      return this;
    }

    /** The activation secret each device sends as its Basic password (null: none). */
    public Builder activationSecrets(Function<String, String> secretBySerial) {
      this.activationSecrets = Objects.requireNonNull(secretBySerial);
      return this;
    }

    /** The configuration devices boot with (XML {@code <configuration>}), by serial. */
    public Builder initialConfiguration(Function<String, String> xmlBySerial) {
      this.initialConfiguration = Objects.requireNonNull(xmlBySerial);
      return this;
    }

    /** TLS for phone-home and image downloads over HTTPS (default: the JVM's trust store). */
    public Builder sslContext(SSLContext context) {
      this.sslContext = context;
      return this;
    }

    public Builder downloadTimeout(Duration timeout) {
      this.downloadTimeout = Objects.requireNonNull(timeout);
      return this;
    }

    /**
     * Keep each device's configuration and software in this directory across restarts of the fleet
     * (see {@link DeviceStateFiles}); by default every start is a factory-new fleet.
     */
    public Builder stateDirectory(Path directory) {
      this.stateDirectory = Objects.requireNonNull(directory);
      return this;
    }

    /** Threads running RPCs for the whole fleet. */
    public Builder rpcThreads(int threads) {
      this.rpcThreads = positive(threads);
      return this;
    }

    /** SSH I/O threads for the whole fleet. */
    public Builder ioThreads(int threads) {
      this.ioThreads = positive(threads);
      return this;
    }

    private static int positive(int n) {
      if (n < 1) {
        throw new IllegalArgumentException("must be at least 1: " + n);
      }
      return n;
    }

    /** Builds and starts the fleet. */
    public SimulatedFleet start() {
      return build().start();
    }

    public SimulatedFleet build() {
      List<String> names = serials;
      if (names == null) {
        names = new ArrayList<>(count);
        for (int i = 1; i <= count; i++) {
          names.add(String.format("%s%05d", serialPrefix, i));
        }
      }
      if (basePort != 0 && basePort + names.size() - 1 > 65535) {
        throw new IllegalArgumentException(
            "ports " + basePort + ".." + (basePort + names.size() - 1) + " exceed 65535");
      }
      return new SimulatedFleet(this, names);
    }
  }
}
