package io.switchboard.inventory.firewall.analysis;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Addresses as closed intervals of numbers: IPv4 as 0..2^32-1, IPv6 shifted above every IPv4 number
 * so that the families never overlap.
 */
public final class IpRanges {
  private static final BigInteger V6_BASE = BigInteger.ONE.shiftLeft(40);
  private static final Pattern LITERAL = Pattern.compile("^[0-9a-fA-F:.]+$");

  record Interval(BigInteger low, BigInteger high) {}

  private IpRanges() {}

  /** Whether {@code text} is an IPv4 or IPv6 literal (never a DNS lookup). */
  public static boolean isAddress(String text) {
    if (text == null
        || !LITERAL.matcher(text).matches()
        || !(text.contains(".") || text.contains(":"))) {
      return false;
    }
    try {
      InetAddress.getByName(text);
      return true;
    } catch (UnknownHostException e) {
      return false;
    }
  }

  static BigInteger number(String address) {
    if (!isAddress(address)) {
      throw new IllegalArgumentException("not an IP address: " + address);
    }
    try {
      byte[] bytes = InetAddress.getByName(address).getAddress();
      BigInteger value = new BigInteger(1, bytes);
      return bytes.length == 4 ? value : value.add(V6_BASE);
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException(address, e);
    }
  }

  static String text(BigInteger number) {
    try {
      if (number.compareTo(V6_BASE) < 0) {
        return InetAddress.getByAddress(pad(number, 4)).getHostAddress();
      }
      return InetAddress.getByAddress(pad(number.subtract(V6_BASE), 16)).getHostAddress();
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException(e);
    }
  }

  private static byte[] pad(BigInteger n, int length) {
    byte[] raw = n.toByteArray();
    byte[] out = new byte[length];
    int copy = Math.min(raw.length, length);
    System.arraycopy(raw, raw.length - copy, out, length - copy, copy);
    return out;
  }

  /** A prefix such as {@code 10.0.0.0/8} or {@code 2001:db8::/32} as an interval. */
  static Interval prefix(String prefix) {
    String[] parts = prefix.split("/");
    BigInteger base = number(parts[0]);
    boolean v6 = parts[0].contains(":");
    int bits = v6 ? 128 : 32;
    int length = parts.length > 1 ? Integer.parseInt(parts[1]) : bits;
    BigInteger offset = v6 ? V6_BASE : BigInteger.ZERO;
    BigInteger raw = base.subtract(offset);
    BigInteger size = BigInteger.ONE.shiftLeft(bits - length);
    BigInteger low = raw.subtract(raw.mod(size));
    return new Interval(low.add(offset), low.add(size).subtract(BigInteger.ONE).add(offset));
  }

  /** Whether {@code text} is a valid prefix (address, slash, length within the family). */
  public static boolean isPrefix(String text) {
    String[] parts = text.split("/", -1);
    if (parts.length != 2 || !isAddress(parts[0]) || !parts[1].matches("\\d{1,3}")) {
      return false;
    }
    return Integer.parseInt(parts[1]) <= (parts[0].contains(":") ? 128 : 32);
  }

  /** Merged and sorted, so containment is one scan. */
  static List<Interval> merge(List<Interval> intervals) {
    List<Interval> sorted = new ArrayList<>(intervals);
    sorted.sort(Comparator.comparing(Interval::low));
    List<Interval> out = new ArrayList<>();
    for (Interval i : sorted) {
      if (!out.isEmpty()
          && out.get(out.size() - 1).high().add(BigInteger.ONE).compareTo(i.low()) >= 0) {
        Interval last = out.remove(out.size() - 1);
        out.add(new Interval(last.low(), last.high().max(i.high())));
      } else {
        out.add(i);
      }
    }
    return out;
  }

  static boolean covers(List<Interval> merged, Interval i) {
    for (Interval m : merged) {
      if (m.low().compareTo(i.low()) <= 0 && m.high().compareTo(i.high()) >= 0) {
        return true;
      }
    }
    return false;
  }

  static boolean overlaps(Interval a, Interval b) {
    return a.low().compareTo(b.high()) <= 0 && b.low().compareTo(a.high()) <= 0;
  }

  static boolean contains(Interval a, BigInteger n) {
    return a.low().compareTo(n) <= 0 && a.high().compareTo(n) >= 0;
  }
}
