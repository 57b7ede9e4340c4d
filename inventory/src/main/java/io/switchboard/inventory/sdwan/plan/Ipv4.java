package io.switchboard.inventory.sdwan.plan;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** IPv4 addresses and prefixes as the planner needs them: parse, count, and step through. */
public final class Ipv4 {
  private static final Pattern ADDRESS =
      Pattern.compile("^(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})$");

  private Ipv4() {}

  /** A prefix such as {@code 10.255.0.0/16}: its network address and length. */
  public record Prefix(long network, int length) {
    public long size() {
      return 1L << (32 - length);
    }

    public String address(long offset) {
      return format(network + offset);
    }

    @Override
    public String toString() {
      return format(network) + "/" + length;
    }
  }

  /** Whether {@code text} is a dotted-quad IPv4 address. */
  public static boolean isAddress(String text) {
    return text != null && parseAddress(text) >= 0;
  }

  /** Whether {@code text} is an IPv4 prefix {@code a.b.c.d/n}; host bits may be set. */
  public static boolean isPrefix(String text) {
    if (text == null || !text.contains("/")) {
      return false;
    }
    String[] parts = text.split("/", 2);
    return isAddress(parts[0]) && parts[1].matches("\\d{1,2}") && Integer.parseInt(parts[1]) <= 32;
  }

  /** The prefix {@code text} names, with host bits cleared. */
  public static Prefix prefix(String text) {
    if (!isPrefix(text)) {
      throw new IllegalArgumentException("not an IPv4 prefix: " + text);
    }
    String[] parts = text.split("/", 2);
    int length = Integer.parseInt(parts[1]);
    long mask = length == 0 ? 0 : (0xFFFFFFFFL << (32 - length)) & 0xFFFFFFFFL;
    return new Prefix(parseAddress(parts[0]) & mask, length);
  }

  /** {@code 10.0.0.1/24} → {@code 10.0.0.1}; an address without a length stays as it is. */
  public static String hostPart(String addressOrPrefix) {
    int slash = addressOrPrefix.indexOf('/');
    return slash < 0 ? addressOrPrefix : addressOrPrefix.substring(0, slash);
  }

  private static long parseAddress(String text) {
    Matcher m = ADDRESS.matcher(text);
    if (!m.matches()) {
      return -1;
    }
    long value = 0;
    for (int g = 1; g <= 4; g++) {
      int octet = Integer.parseInt(m.group(g));
      if (octet > 255) {
        return -1;
      }
      value = (value << 8) | octet;
    }
    return value;
  }

  static String format(long value) {
    return ((value >> 24) & 255)
        + "."
        + ((value >> 16) & 255)
        + "."
        + ((value >> 8) & 255)
        + "."
        + (value & 255);
  }
}
