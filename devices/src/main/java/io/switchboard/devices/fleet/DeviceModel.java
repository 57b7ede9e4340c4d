package io.switchboard.devices.fleet;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A hardware model: its name and front-panel ports. */
public record DeviceModel(String name, String imagePrefix, int ports) {

  public static final DeviceModel SRX300 = new DeviceModel("srx300", "junos-srxsme", 8);
  public static final DeviceModel SRX345 = new DeviceModel("srx345", "junos-srxsme", 16);
  public static final DeviceModel VSRX = new DeviceModel("vsrx", "junos-vsrx3", 5);

  /** A uCPE that hosts VNFs (devices.vnf.VnfHost). */
  public static final DeviceModel NFX250 = new DeviceModel("nfx250", "jinstall-host-nfx-2", 12);

  /** A known model by name ({@code srx300}, {@code srx345}, {@code vsrx}); others get 8 ports. */
  public static DeviceModel named(String name) {
    return switch (name.toLowerCase(Locale.ROOT)) {
      case "srx300" -> SRX300;
      case "srx345" -> SRX345;
      case "vsrx" -> VSRX;
      case "nfx250" -> NFX250;
      default -> new DeviceModel(name.toLowerCase(Locale.ROOT), "junos", 8);
    };
  }

  /** {@code ge-0/0/0} ... */
  public List<String> portNames() {
    List<String> names = new ArrayList<>(ports);
    for (int i = 0; i < ports; i++) {
      names.add("ge-0/0/" + i);
    }
    return names;
  }
}
