package io.switchboard.devices.fleet;

import io.switchboard.devices.config.CommitInfo;
import io.switchboard.devices.config.CommitOptions;
import io.switchboard.devices.config.ConfigException;
import io.switchboard.devices.config.ConfigStore;
import io.switchboard.devices.config.Datastore;
import io.switchboard.devices.config.EditOperation;
import io.switchboard.devices.config.InterfaceState;
import io.switchboard.devices.config.OperationalState;
import io.switchboard.devices.config.TunnelState;
import io.switchboard.devices.config.Xml;
import io.switchboard.devices.config.XmlException;
import io.switchboard.devices.fault.Fault;
import io.switchboard.devices.fault.FaultInjector;
import io.switchboard.devices.image.ImageInstaller;
import io.switchboard.devices.image.InstallResult;
import io.switchboard.devices.image.SoftwareInventory;
import io.switchboard.devices.netconf.NetconfDevice;
import io.switchboard.devices.netconf.SessionRegistry;
import io.switchboard.devices.phonehome.PhoneHomeDevice;
import io.switchboard.devices.phonehome.PhoneHomeStatus;
import io.switchboard.devices.sdwan.Impairment;
import io.switchboard.devices.sdwan.ProbeResult;
import io.switchboard.devices.sdwan.SdwanNetwork;
import io.switchboard.devices.sdwan.UnderlayAddresses;
import io.switchboard.devices.sdwan.VpnStatus;
import io.switchboard.devices.vnf.VnfHost;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3c.dom.Element;

/**
 * One simulated Junos device: NETCONF over SSH on its own port, running and candidate
 * configuration, software, interface and tunnel state derived from the configuration, reboot,
 * phone-home and faults. Obtain devices from a {@link SimulatedFleet}. Thread-safe.
 */
public final class SimulatedDevice implements NetconfDevice, PhoneHomeDevice {

  private static final Logger log = LoggerFactory.getLogger(SimulatedDevice.class);

  /** The wait between answering request-reboot and dropping sessions, so the answer arrives. */
  private static final long REBOOT_GRACE_MILLIS = 200;

  private final String serial;
  private final FleetSettings settings;
  private final FleetRuntime runtime;
  private final KeyPair hostKey;
  private final String fingerprint;
  private final ConfigStore config;
  private final VnfHost vnfHost;
  private final SoftwareInventory software;
  private final FaultInjector faults;
  private final SessionRegistry sessions = new SessionRegistry(1000);
  private final SshEndpoint endpoint;
  private final Set<String> forcedDown = ConcurrentHashMap.newKeySet();
  private final AtomicInteger boots = new AtomicInteger();
  private final Object lifecycle = new Object();
  private volatile DeviceState state = DeviceState.STOPPED;
  private volatile boolean unreachable;
  private volatile boolean wrongSerial;
  private volatile String activationSecret;
  private volatile String username;
  private volatile String password;
  private volatile PhoneHomeStatus phoneHomeStatus = PhoneHomeStatus.idle();

  SimulatedDevice(String serial, int port, FleetSettings settings, FleetRuntime runtime) {
    this.serial = serial;
    this.settings = settings;
    this.runtime = runtime;
    this.hostKey = HostKeys.forSerial(serial);
    this.fingerprint = HostKeys.fingerprint(hostKey.getPublic());
    this.username = settings.username();
    this.password = settings.password();
    this.activationSecret = settings.activationSecrets().apply(serial);
    this.software =
        new SoftwareInventory(
            settings.softwareVersion(),
            settings.model().imagePrefix() + "-" + settings.softwareVersion() + ".tgz");
    this.faults =
        new FaultInjector(
            settings.faultSeed() ^ serial.hashCode(),
            settings.faults(),
            settings.slowResponseDelay());
    this.config =
        new ConfigStore(
            initialConfiguration(), runtime.scheduler, event -> log.info("{}: {}", serial, event));
    this.vnfHost =
        VnfHost.forModel(settings.model().name(), () -> faults.strikes(Fault.CORRUPT_IMAGE))
            .orElse(null);
    if (vnfHost != null) {
      config.commitCheck(vnfHost::check);
    }
    this.endpoint = new SshEndpoint(this, runtime, settings.bindAddress(), port, hostKey);
    runtime.sdwan.register(sdwanNode);
  }

  private Element initialConfiguration() {
    String xml = settings.initialConfiguration().apply(serial);
    try {
      return Xml.parse(xml).getDocumentElement();
    } catch (XmlException e) {
      throw new IllegalArgumentException(
          "initial configuration of " + serial + " is not XML: " + e.getMessage(), e);
    }
  }

  /** The factory-default configuration: host name, NETCONF over SSH, DHCP on ge-0/0/0. */
  static String factoryDefault(String serial) {
    return "<configuration><system><host-name>"
        + serial.toLowerCase(java.util.Locale.ROOT)
        + "</host-name>"
        + "<services><ssh/><netconf><ssh/></netconf></services></system>"
        + "<interfaces><interface><name>ge-0/0/0</name><unit><name>0</name>"
        + "<family><inet><dhcp/></inet></family></unit></interface></interfaces></configuration>";
  }

  // ---- identity and access -------------------------------------------------------------------

  /** The device's real serial number. */
  public String serialNumber() {
    return serial;
  }

  /** What the device reports: its serial, or {@code <serial>X} under the wrong-serial fault. */
  @Override
  public String reportedSerialNumber() {
    return wrongSerial ? serial + "X" : serial;
  }

  @Override
  public String productModel() {
    return settings.model().name();
  }

  /** The address the NETCONF port listens on ({@code 127.0.0.1} by default). */
  public String host() {
    return settings.bindAddress();
  }

  @Override
  public String managementAddress() {
    return settings.bindAddress();
  }

  /** The NETCONF-over-SSH port (the actual one, also when the fleet asked for ephemeral ports). */
  @Override
  public int port() {
    return endpoint.port();
  }

  /**
   * The SSH host key fingerprint, {@code SHA256:<base64>}; stable across restarts (derived from the
   * serial).
   */
  @Override
  public String hostKeyFingerprint() {
    return fingerprint;
  }

  public PublicKey hostPublicKey() {
    return hostKey.getPublic();
  }

  public String username() {
    return username;
  }

  public String password() {
    return password;
  }

  /** Changes this device's login (the fleet default is admin/admin123). */
  public void credentials(String user, String pass) {
    this.username = user;
    this.password = pass;
  }

  @Override
  public String activationSecret() {
    return activationSecret;
  }

  public void activationSecret(String secret) {
    this.activationSecret = secret;
  }

  boolean authenticates(String user, String pass) {
    return MessageDigest.isEqual(bytes(username), bytes(user))
        && MessageDigest.isEqual(bytes(password), bytes(pass));
  }

  boolean authenticates(String user, PublicKey key) {
    return username.equals(user) && settings.authorizedKeys().contains(key);
  }

  private static byte[] bytes(String s) {
    return s == null ? new byte[0] : s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
  }

  // ---- state for tests -----------------------------------------------------------------------

  public DeviceState state() {
    return state;
  }

  /** Whether the NETCONF port accepts connections now. */
  public boolean isReachable() {
    return state == DeviceState.RUNNING && endpoint.listening();
  }

  @Override
  public int bootCount() {
    return boots.get();
  }

  public int sessionCount() {
    return sessions.count();
  }

  /** The running configuration as indented XML. */
  public String runningConfig() {
    return Xml.toPrettyString(config.read(Datastore.RUNNING));
  }

  public String candidateConfig() {
    return Xml.toPrettyString(config.read(Datastore.CANDIDATE));
  }

  /** A copy of the running {@code configuration} element. */
  public Element runningConfiguration() {
    return config.read(Datastore.RUNNING);
  }

  public List<CommitInfo> commitHistory() {
    return config.history();
  }

  @Override
  public String softwareVersion() {
    return software.version();
  }

  /** The version staged for the next reboot, or null. */
  public String pendingSoftwareVersion() {
    return software.pendingVersion();
  }

  public List<SoftwareInventory.PackageInfo> installedPackages() {
    return software.packages();
  }

  @Override
  public String hostName() {
    Element system = Xml.child(config.read(Datastore.RUNNING), "system");
    String name = system == null ? null : Xml.childText(system, "host-name");
    return name == null ? serial.toLowerCase(java.util.Locale.ROOT) : name;
  }

  @Override
  public List<InterfaceState> interfaces() {
    Element running = config.read(Datastore.RUNNING);
    Set<String> down = Set.copyOf(forcedDown);
    return OperationalState.interfaces(
        running, settings.model().portNames(), down, negotiated(running, down));
  }

  @Override
  public List<TunnelState> tunnels() {
    Element running = config.read(Datastore.RUNNING);
    return negotiated(running, Set.copyOf(forcedDown));
  }

  /** Tunnels from the configuration, IPsec ones negotiated with their peers in the fleet. */
  private List<TunnelState> negotiated(Element running, Set<String> down) {
    List<TunnelState> local = OperationalState.tunnels(running, down);
    if (local.stream().noneMatch(t -> "ipsec".equals(t.type()))) {
      return local;
    }
    Map<String, VpnStatus> vpns = new java.util.HashMap<>();
    for (VpnStatus v : runtime.sdwan.vpns(sdwanNode)) {
      vpns.put(v.name(), v);
    }
    return local.stream()
        .map(
            t -> {
              VpnStatus v = "ipsec".equals(t.type()) ? vpns.get(t.name()) : null;
              return v == null
                  ? t
                  : new TunnelState(
                      t.name(),
                      t.type(),
                      t.bindInterface(),
                      t.remoteAddress(),
                      v.up() ? "up" : "down");
            })
        .toList();
  }

  @Override
  public List<VpnStatus> vpnStatus() {
    return runtime.sdwan.vpns(sdwanNode);
  }

  @Override
  public List<ProbeResult> probeResults() {
    return runtime.sdwan.probes(sdwanNode);
  }

  /** Impairs one WAN port (loss, latency, jitter), as RPM probes over it will see. */
  public void impair(String port, Impairment impairment) {
    runtime.sdwan.impair(serial, port, impairment);
  }

  /** The underlay address of a WAN port now: its static address, or the one DHCP gives it. */
  public String underlayAddress(String port) {
    return UnderlayAddresses.of(serial, config.read(Datastore.RUNNING), port);
  }

  private final SdwanNetwork.Node sdwanNode =
      new SdwanNetwork.Node() {
        @Override
        public String serialNumber() {
          return serial;
        }

        @Override
        public Element runningConfiguration() {
          return config.read(Datastore.RUNNING);
        }

        @Override
        public boolean forcedDown(String name) {
          return forcedDown.contains(name);
        }
      };

  /**
   * Pulls the cable of a port (or brings down a tunnel or unit) whatever the configuration says.
   */
  public void linkDown(String name) {
    forcedDown.add(name);
  }

  public void linkUp(String name) {
    forcedDown.remove(name);
  }

  /**
   * An operator's out-of-band change, as if {@code user} logged in by SSH and ran {@code
   * configure}, the {@code set}/{@code delete} {@code commands} and {@code commit comment
   * "<comment>"}: committed at once and recorded as {@code user}'s commit with client {@code cli}.
   *
   * @throws IllegalStateException with the device's message when the device refuses it (a NETCONF
   *     session holds the lock, a syntax error, a commit check)
   */
  public void changeOutOfBand(String user, String commands, String comment) {
    try {
      config.commitFromCli(user, commands, comment);
    } catch (ConfigException e) {
      throw new IllegalStateException(e.getMessage(), e);
    }
  }

  /** Replaces running and candidate configuration outside NETCONF (test setup). */
  public void loadRunningConfig(String configurationXml) {
    try {
      config.replaceRunning(
          Xml.parse(configurationXml).getDocumentElement(), "test", "loaded by test");
    } catch (XmlException e) {
      throw new IllegalArgumentException("not XML: " + e.getMessage(), e);
    }
  }

  public PhoneHomeStatus phoneHomeStatus() {
    return phoneHomeStatus;
  }

  // ---- faults --------------------------------------------------------------------------------

  /** Arms a fault: it strikes every time until cleared. */
  public void injectFault(Fault fault) {
    injectFault(fault, 1.0);
  }

  /** Arms a fault with a probability per event. */
  public void injectFault(Fault fault, double probability) {
    faults.inject(fault, probability);
    reevaluate(fault);
  }

  /** Arms a fault for the next {@code times} events only. */
  public void injectFaultTimes(Fault fault, int times) {
    faults.injectTimes(fault, times);
    reevaluate(fault);
  }

  public void clearFault(Fault fault) {
    faults.clear(fault);
    reevaluate(fault);
  }

  public void clearFaults() {
    faults.clearAll();
    reevaluate(Fault.UNREACHABLE);
    reevaluate(Fault.WRONG_SERIAL);
  }

  public Map<Fault, Double> activeFaults() {
    return faults.active();
  }

  /** Per-boot faults take effect at once when injected or cleared. */
  private void reevaluate(Fault fault) {
    if (fault == Fault.WRONG_SERIAL) {
      wrongSerial = faults.strikes(Fault.WRONG_SERIAL);
    } else if (fault == Fault.UNREACHABLE) {
      synchronized (lifecycle) {
        unreachable = faults.strikes(Fault.UNREACHABLE);
        if (state == DeviceState.RUNNING) {
          applyReachability();
        }
      }
    }
  }

  private void applyReachability() {
    if (unreachable) {
      sessions.dropAll();
      endpoint.stop();
    } else {
      endpoint.start();
    }
  }

  // ---- lifecycle -----------------------------------------------------------------------------

  /** First boot. */
  void start() {
    boot();
  }

  void stop() {
    synchronized (lifecycle) {
      state = DeviceState.STOPPED;
      sessions.dropAll();
      endpoint.stop();
    }
  }

  private void boot() {
    synchronized (lifecycle) {
      if (software.activatePending()) {
        log.info("{}: booted into {}", serial, software.version());
      }
      boots.incrementAndGet();
      wrongSerial = faults.strikes(Fault.WRONG_SERIAL);
      unreachable = faults.strikes(Fault.UNREACHABLE);
      state = DeviceState.RUNNING;
      applyReachability();
    }
    phoneHomeNow();
  }

  /**
   * Reboots: sessions drop shortly after (so a request-reboot answer still arrives), the port
   * closes for the reboot delay, then the device comes back on any staged software version and
   * phones home again.
   */
  @Override
  public void reboot() {
    synchronized (lifecycle) {
      if (state != DeviceState.RUNNING) {
        return;
      }
      state = DeviceState.REBOOTING;
    }
    log.info("{}: rebooting", serial);
    runtime.scheduler.schedule(
        () -> {
          synchronized (lifecycle) {
            if (state != DeviceState.REBOOTING) {
              return;
            }
            sessions.dropAll();
            endpoint.stop();
            config.rebooted();
          }
          runtime.scheduler.schedule(
              this::bootAfterReboot, settings.rebootDelay().toMillis(), TimeUnit.MILLISECONDS);
        },
        REBOOT_GRACE_MILLIS,
        TimeUnit.MILLISECONDS);
  }

  private void bootAfterReboot() {
    synchronized (lifecycle) {
      if (state != DeviceState.REBOOTING) {
        return;
      }
    }
    try {
      boot();
    } catch (RuntimeException e) {
      log.error("{}: boot failed", serial, e);
    }
  }

  /** Runs phone-home now (it also runs at every boot when the fleet has an orchestrator URL). */
  public CompletableFuture<PhoneHomeStatus> phoneHomeNow() {
    if (settings.phoneHome() == null) {
      return CompletableFuture.completedFuture(phoneHomeStatus);
    }
    return settings.phoneHome().phoneHome(this);
  }

  @Override
  public void phoneHomeStatus(PhoneHomeStatus status) {
    this.phoneHomeStatus = status;
  }

  @Override
  public void applyBootstrapConfiguration(String configuration, String format)
      throws ConfigException, XmlException {
    switch (format) {
      case "text" -> config.loadText(0, configuration, false);
      case "set" -> config.loadSetCommands(0, configuration);
      default -> {
        Element root = Xml.parse(configuration).getDocumentElement();
        if (!"configuration".equals(Xml.name(root))) {
          throw new ConfigException(
              "invalid-value",
              "bootstrap configuration must be a <configuration> element",
              null,
              Xml.name(root));
        }
        config.editCandidate(0, root, EditOperation.MERGE);
      }
    }
    try {
      config.commit(
          0, "ztp", new CommitOptions(false, "phone-home bootstrap", null, null, null, true));
    } catch (ConfigException e) {
      config.discardChanges(0);
      throw e;
    }
  }

  @Override
  public CompletableFuture<InstallResult> installImage(String url) {
    return runtime.installer.install(url, software, faults.strikes(Fault.CORRUPT_IMAGE));
  }

  // ---- NetconfDevice -------------------------------------------------------------------------

  @Override
  public ConfigStore config() {
    return config;
  }

  @Override
  public SoftwareInventory software() {
    return software;
  }

  @Override
  public ImageInstaller imageInstaller() {
    return runtime.installer;
  }

  @Override
  public FaultInjector faults() {
    return faults;
  }

  /** The VNF host of an NFX model, null otherwise. */
  @Override
  public VnfHost vnfHost() {
    return vnfHost;
  }

  @Override
  public SessionRegistry sessions() {
    return sessions;
  }

  @Override
  public Executor executor() {
    return runtime.workers;
  }

  @Override
  public ScheduledExecutorService scheduler() {
    return runtime.scheduler;
  }

  @Override
  public String toString() {
    return serial + "@" + host() + ":" + port();
  }
}
