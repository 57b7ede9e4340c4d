package io.switchboard.devices.netconf;

import io.switchboard.devices.config.ConfigStore;
import io.switchboard.devices.config.InterfaceState;
import io.switchboard.devices.config.TunnelState;
import io.switchboard.devices.fault.FaultInjector;
import io.switchboard.devices.image.ImageInstaller;
import io.switchboard.devices.image.SoftwareInventory;
import io.switchboard.devices.vnf.VnfHost;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;

/** What the NETCONF layer needs from a device. */
public interface NetconfDevice {

  /** The serial number the device reports (not its own under {@code WRONG_SERIAL}). */
  String reportedSerialNumber();

  String productModel();

  /** The configured host name ({@code system host-name}), or a default. */
  String hostName();

  ConfigStore config();

  SoftwareInventory software();

  ImageInstaller imageInstaller();

  FaultInjector faults();

  List<InterfaceState> interfaces();

  List<TunnelState> tunnels();

  /** IPsec VPNs as negotiated with their peers, with the reason when down (none by default). */
  default List<io.switchboard.devices.sdwan.VpnStatus> vpnStatus() {
    return List.of();
  }

  /** RPM probe results (none by default). */
  default List<io.switchboard.devices.sdwan.ProbeResult> probeResults() {
    return List.of();
  }

  /** The virtualisation host of a uCPE (NFX), or null for a device that runs no VNFs. */
  default VnfHost vnfHost() {
    return null;
  }

  SessionRegistry sessions();

  /** Runs RPCs (bounded, shared by the fleet). */
  Executor executor();

  /** Delays and timers (shared by the fleet). */
  ScheduledExecutorService scheduler();

  /** Reboots now: sessions drop, the device comes back after its reboot delay. */
  void reboot();
}
