package io.switchboard.devices.fleet;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;
import org.apache.sshd.common.config.keys.KeyUtils;

/**
 * Host keys derived from the serial number: an ECDSA P-256 key generated from a SHA1PRNG seeded
 * with the serial, so a device keeps its fingerprint across restarts of the simulator (as a real
 * device keeps its key across reboots) and tests can pin it. These keys are public knowledge by
 * construction: for simulation only. P-256 generation takes about a millisecond, which keeps
 * thousands of devices quick to start.
 */
public final class HostKeys {

  private HostKeys() {}

  public static KeyPair forSerial(String serial) {
    try {
      SecureRandom random = SecureRandom.getInstance("SHA1PRNG");
      random.setSeed(("switchboard-simulator-host-key:" + serial).getBytes(StandardCharsets.UTF_8));
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec("secp256r1"), random);
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot generate a host key", e);
    }
  }

  /** The OpenSSH-style fingerprint, {@code SHA256:<base64>}. */
  public static String fingerprint(PublicKey key) {
    return KeyUtils.getFingerPrint(key);
  }
}
