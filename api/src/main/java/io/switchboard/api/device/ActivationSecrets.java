package io.switchboard.api.device;

import io.switchboard.inventory.device.Device;
import java.security.SecureRandom;
import java.util.Base64;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Every device gets an activation secret, the password it presents when it phones home. The caller
 * may choose it; otherwise one is generated here (144 random bits, URL-safe base64) and returned in
 * the create answer, the only time anyone sees it. Only its bcrypt is stored.
 */
@Component
public class ActivationSecrets {
  private static final SecureRandom RANDOM = new SecureRandom();

  private final PasswordEncoder encoder;

  public ActivationSecrets(PasswordEncoder encoder) {
    this.encoder = encoder;
  }

  /** A new random secret, 24 characters. */
  public static String generate() {
    byte[] raw = new byte[18];
    RANDOM.nextBytes(raw);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
  }

  /**
   * A secret and its bcrypt: {@code chosen}, or a generated secret when {@code chosen} is null.
   * Call it before the transaction that stores the device opens: bcrypt is slow by design (and
   * slower still on a loaded machine), and a transaction holds a pooled database connection for as
   * long as it runs, so hashing inside one let a burst of onboardings empty the pool.
   */
  public Prepared prepare(String chosen) {
    String secret = chosen != null ? chosen : generate();
    return new Prepared(encoder.encode(secret), chosen != null ? null : secret);
  }

  /**
   * A prepared activation secret.
   *
   * @param hash what the device row stores
   * @param generated the generated secret, to return once; null when the caller chose it
   */
  public record Prepared(String hash, String generated) {
    public void applyTo(Device device) {
      device.setActivationSecretHash(hash);
    }
  }
}
