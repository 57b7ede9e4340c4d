package io.switchboard.devices.fleet;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.switchboard.devices.config.CommitInfo;
import io.switchboard.devices.config.ConfigStore.SavedCommit;
import io.switchboard.devices.config.Xml;
import io.switchboard.devices.config.XmlException;
import io.switchboard.devices.image.SoftwareInventory;
import io.switchboard.devices.image.SoftwareInventory.PackageInfo;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a simulated device keeps across a restart of the simulator, as a real device keeps it in
 * flash across a power cycle: its commit history (running first) and its software (running,
 * previous and staged version, packages). One JSON file per device, {@code <serial>.json} in the
 * fleet's state directory, replaced atomically whenever it changed (checked every second and when
 * the fleet closes, so a {@code kill -9} loses at most the last second). A device restored from it
 * boots: a staged version becomes active, an unconfirmed commit has been rolled back. Not kept:
 * VNFs on a uCPE, faults, sessions; tunnels and interfaces follow from the configuration again.
 */
final class DeviceStateFiles {

  private static final Logger log = LoggerFactory.getLogger(DeviceStateFiles.class);
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  static final int FORMAT = 1;

  record State(int format, String serial, Software software, List<Commit> commits) {}

  record Software(
      String version, String previousVersion, String pendingVersion, List<Package> packages) {}

  record Package(String name, String version, String source, String installed) {}

  record Commit(
      int sequence,
      String time,
      String user,
      String log,
      String kind,
      String client,
      String configuration) {}

  private final Path directory;
  private final Map<String, String> written = new ConcurrentHashMap<>();

  DeviceStateFiles(Path directory) {
    try {
      this.directory = Files.createDirectories(directory);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the state directory " + directory, e);
    }
  }

  Path fileOf(String serial) {
    return directory.resolve(serial + ".json");
  }

  /** Puts back what the device saved before, if it did; call before it boots. */
  void restore(SimulatedDevice device) {
    Path file = fileOf(device.serialNumber());
    if (!Files.exists(file)) {
      return;
    }
    try {
      State state = JSON.readValue(file.toFile(), State.class);
      if (state.format() != FORMAT || !device.serialNumber().equals(state.serial())) {
        throw new IllegalStateException(
            file + " is not the state (format " + FORMAT + ") of " + device.serialNumber());
      }
      device.software().restore(software(state.software()));
      device.config().restore(state.commits().stream().map(DeviceStateFiles::commit).toList());
      written.put(device.serialNumber(), marker(device));
      log.info(
          "{}: restored from {} (running {}, staged {})",
          device.serialNumber(),
          file,
          state.software().version(),
          state.software().pendingVersion());
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  /** Writes the device's state when it changed since the last write. */
  void saveIfChanged(SimulatedDevice device) {
    String marker = marker(device);
    if (marker.equals(written.get(device.serialNumber()))) {
      return;
    }
    Path file = fileOf(device.serialNumber());
    try {
      Path temporary = directory.resolve(device.serialNumber() + ".json.tmp");
      JSON.writeValue(temporary.toFile(), state(device));
      Files.move(
          temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      written.put(device.serialNumber(), marker);
    } catch (IOException e) {
      log.warn("{}: cannot write {}: {}", device.serialNumber(), file, e.getMessage());
    }
  }

  /** Cheap to compute every second: changes whenever anything the file holds changes. */
  private static String marker(SimulatedDevice device) {
    SoftwareInventory.Saved software = device.software().saved();
    return device.config().lastCommit().sequence()
        + "|"
        + device.config().confirmDeadline().isPresent()
        + "|"
        + software.version()
        + "|"
        + software.previousVersion()
        + "|"
        + software.pendingVersion()
        + "|"
        + software.packages().size();
  }

  private static State state(SimulatedDevice device) {
    SoftwareInventory.Saved software = device.software().saved();
    List<Package> packages =
        software.packages().stream()
            .map(p -> new Package(p.name(), p.version(), p.source(), p.installed().toString()))
            .toList();
    List<Commit> commits =
        device.config().savedHistory().stream()
            .map(
                c ->
                    new Commit(
                        c.info().sequence(),
                        c.info().time().toString(),
                        c.info().user(),
                        c.info().log(),
                        c.info().kind(),
                        c.info().client(),
                        Xml.toString(c.configuration())))
            .toList();
    return new State(
        FORMAT,
        device.serialNumber(),
        new Software(
            software.version(), software.previousVersion(), software.pendingVersion(), packages),
        commits);
  }

  private static SoftwareInventory.Saved software(Software software) {
    return new SoftwareInventory.Saved(
        software.version(),
        software.previousVersion(),
        software.pendingVersion(),
        software.packages().stream()
            .map(
                p ->
                    new PackageInfo(
                        p.name(), p.version(), p.source(), Instant.parse(p.installed())))
            .toList());
  }

  private static SavedCommit commit(Commit commit) {
    try {
      return new SavedCommit(
          new CommitInfo(
              commit.sequence(),
              Instant.parse(commit.time()),
              commit.user(),
              commit.log(),
              commit.kind(),
              commit.client()),
          Xml.parse(commit.configuration()).getDocumentElement());
    } catch (XmlException e) {
      throw new IllegalStateException(
          "commit " + commit.sequence() + " is not XML: " + e.getMessage(), e);
    }
  }
}
