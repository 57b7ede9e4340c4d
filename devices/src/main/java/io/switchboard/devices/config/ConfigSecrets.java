package io.switchboard.devices.config;

import io.switchboard.netconf.junos.JunosSecret;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.Set;
import org.w3c.dom.Element;

/**
 * Secrets as Junos keeps them: a pre-shared key, RADIUS secret or authentication key entered in the
 * clear is stored (and from then on shown, in every format) in its {@code $9$} form; a value that
 * already is one is kept as it is. The salt comes from the secret itself, so that loading the same
 * key again changes nothing (real Junos draws it at random).
 */
public final class ConfigSecrets {
  private static final Set<String> SECRET_LEAVES =
      Set.of("ascii-text", "authentication-key", "secret");

  private ConfigSecrets() {}

  /** Replaces every clear-text secret under {@code configuration} by its {@code $9$} form. */
  public static void encode(Element configuration) {
    for (Element child : Xml.children(configuration)) {
      if (SECRET_LEAVES.contains(Xml.name(child)) && !Xml.hasElementChildren(child)) {
        String value = child.getTextContent().strip();
        if (!value.isEmpty() && !JunosSecret.isEncoded(value)) {
          child.setTextContent(JunosSecret.encode(value, saltFor(value)));
        }
      } else {
        encode(child);
      }
    }
  }

  /** The secret a stored value stands for (a value not in {@code $9$} form is the secret). */
  public static String plain(String stored) {
    return stored == null ? null : JunosSecret.decode(stored).orElse(stored);
  }

  private static Random saltFor(String value) {
    long seed = 1125899906842597L;
    for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
      seed = 31 * seed + b;
    }
    return new Random(seed);
  }
}
