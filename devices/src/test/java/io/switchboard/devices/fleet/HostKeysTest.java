package io.switchboard.devices.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HostKeysTest {

  @Test
  void theSameSerialAlwaysGetsTheSameFingerprint() {
    String first = HostKeys.fingerprint(HostKeys.forSerial("SIM00001").getPublic());
    assertThat(HostKeys.fingerprint(HostKeys.forSerial("SIM00001").getPublic()))
        .isEqualTo(first)
        .startsWith("SHA256:");
    assertThat(HostKeys.fingerprint(HostKeys.forSerial("SIM00002").getPublic()))
        .isNotEqualTo(first);
  }
}
