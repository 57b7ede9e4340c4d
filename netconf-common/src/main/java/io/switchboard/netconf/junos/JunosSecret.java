package io.switchboard.netconf.junos;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Junos {@code $9$} form of a secret: how a Junos device shows pre-shared keys, RADIUS secrets
 * and authentication keys in its configuration once they are committed. It is a reversible
 * obfuscation, not encryption: a salt character (and as many random characters as the salt's family
 * says), then each byte of the secret as a run of 2 to 4 characters whose distances in a
 * 65-character alphabet, weighted by a pattern that repeats every 7 bytes, add up to the byte. The
 * device (simulator) writes it; Switchboard reads it back to compare secrets by meaning.
 */
public final class JunosSecret {
  /** What starts every secret in this form. */
  public static final String PREFIX = "$9$";

  private static final String[] FAMILIES = {
    "QzF3n6/9CAtpu0O", "B1IREhcSyrleKvMW8LXx", "7N-dVbwsY2g4oaJZGUDj", "iHkq.mPf5T"
  };
  private static final String ALPHABET = String.join("", FAMILIES);
  private static final int[][] WEIGHTS = {
    {1, 4, 32}, {1, 16, 32}, {1, 8, 32}, {1, 64}, {1, 32}, {1, 4, 16, 128}, {1, 32, 64}
  };

  /** A {@code $9$} word in configuration text, bare or quoted. */
  private static final Pattern ENCODED_WORD =
      Pattern.compile("\"(\\$9\\$[^\"\\s]*)\"|(?<![^\\s])(\\$9\\$[^\\s;\"]+)");

  private JunosSecret() {}

  /** The secret in {@code $9$} form, its salt and padding drawn from {@code random}. */
  public static String encode(String secret, Random random) {
    StringBuilder out = new StringBuilder(PREFIX);
    char salt = ALPHABET.charAt(random.nextInt(ALPHABET.length()));
    out.append(salt);
    for (int i = 0; i < padding(salt); i++) {
      out.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
    }
    char previous = salt;
    byte[] bytes = secret.getBytes(StandardCharsets.UTF_8);
    for (int position = 0; position < bytes.length; position++) {
      int[] weights = WEIGHTS[position % WEIGHTS.length];
      int value = bytes[position] & 0xff;
      int[] gaps = new int[weights.length];
      for (int j = weights.length - 1; j >= 0; j--) {
        gaps[j] = value / weights[j];
        value %= weights[j];
      }
      for (int gap : gaps) {
        previous = ALPHABET.charAt((ALPHABET.indexOf(previous) + gap + 1) % ALPHABET.length());
        out.append(previous);
      }
    }
    return out.toString();
  }

  /**
   * The secret a {@code $9$} string stands for; empty when it is not one (no prefix, a character
   * outside the alphabet, a truncated run).
   */
  public static Optional<String> decode(String encoded) {
    if (encoded == null || !encoded.startsWith(PREFIX) || encoded.length() == PREFIX.length()) {
      return Optional.empty();
    }
    String body = encoded.substring(PREFIX.length());
    char salt = body.charAt(0);
    if (ALPHABET.indexOf(salt) < 0) {
      return Optional.empty();
    }
    int at = 1 + padding(salt);
    char previous = salt;
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    for (int position = 0; at < body.length(); position++) {
      int[] weights = WEIGHTS[position % WEIGHTS.length];
      if (at + weights.length > body.length()) {
        return Optional.empty();
      }
      int value = 0;
      for (int weight : weights) {
        char c = body.charAt(at++);
        int index = ALPHABET.indexOf(c);
        if (index < 0) {
          return Optional.empty();
        }
        int gap = Math.floorMod(index - ALPHABET.indexOf(previous) - 1, ALPHABET.length());
        value += gap * weight;
        previous = c;
      }
      if (value > 0xff) {
        return Optional.empty();
      }
      bytes.write(value);
    }
    return Optional.of(bytes.toString(StandardCharsets.UTF_8));
  }

  /** Whether a value is already in {@code $9$} form (a device keeps such a value as it is). */
  public static boolean isEncoded(String value) {
    return decode(value).isPresent();
  }

  /**
   * Configuration text (set commands, curly braces) with every {@code $9$} secret replaced by the
   * quoted secret it stands for, so that it compares with what was sent. Only for use inside a
   * worker: the result holds secrets in the clear.
   */
  public static String revealed(String configuration) {
    if (configuration == null || !configuration.contains(PREFIX)) {
      return configuration;
    }
    Matcher m = ENCODED_WORD.matcher(configuration);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String word = m.group(1) != null ? m.group(1) : m.group(2);
      Optional<String> secret = decode(word);
      m.appendReplacement(
          out, Matcher.quoteReplacement(secret.map(JunosSecret::quoted).orElse(m.group())));
    }
    m.appendTail(out);
    return out.toString();
  }

  private static String quoted(String secret) {
    return '"' + secret.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
  }

  /** How many random characters follow the salt: 3 for the first family, down to 0. */
  private static int padding(char salt) {
    for (int family = 0; family < FAMILIES.length; family++) {
      if (FAMILIES[family].indexOf(salt) >= 0) {
        return FAMILIES.length - 1 - family;
      }
    }
    throw new IllegalArgumentException("not a $9$ salt: " + salt);
  }
}
