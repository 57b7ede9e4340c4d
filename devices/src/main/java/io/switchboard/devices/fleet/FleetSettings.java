package io.switchboard.devices.fleet;

import io.switchboard.devices.fault.FaultProfile;
import io.switchboard.devices.phonehome.PhoneHomeClient;
import java.security.PublicKey;
import java.time.Duration;
import java.util.Set;
import java.util.function.Function;

/** What every device of a fleet shares; built by {@link SimulatedFleet.Builder}. */
record FleetSettings(
    String bindAddress,
    DeviceModel model,
    String softwareVersion,
    String username,
    String password,
    Set<PublicKey> authorizedKeys,
    FaultProfile faults,
    long faultSeed,
    Duration slowResponseDelay,
    Duration rebootDelay,
    PhoneHomeClient phoneHome,
    Function<String, String> activationSecrets,
    Function<String, String> initialConfiguration) {}
