package io.switchboard.devices.sdwan;

import java.util.Locale;

/** What a WAN link does to traffic: loss in percent, added one-way latency and jitter in ms. */
public record Impairment(double lossPercent, int latencyMs, int jitterMs) {
  public static final Impairment NONE = new Impairment(0, 0, 0);

  public Impairment {
    if (lossPercent < 0 || lossPercent > 100 || latencyMs < 0 || jitterMs < 0) {
      throw new IllegalArgumentException(
          "impairment needs loss 0..100 and non-negative latency and jitter");
    }
  }

  /** {@code loss=5,latency=80,jitter=10} (any subset; absent values are 0). */
  public static Impairment parse(String text) {
    double loss = 0;
    int latency = 0;
    int jitter = 0;
    for (String part : text.split(",")) {
      String[] kv = part.trim().split("=", 2);
      if (kv.length != 2) {
        throw new IllegalArgumentException("impairment '" + text + "': expected name=value");
      }
      switch (kv[0].trim().toLowerCase(Locale.ROOT)) {
        case "loss" -> loss = Double.parseDouble(kv[1].trim());
        case "latency" -> latency = Integer.parseInt(kv[1].trim());
        case "jitter" -> jitter = Integer.parseInt(kv[1].trim());
        default ->
            throw new IllegalArgumentException(
                "impairment '" + text + "': unknown '" + kv[0] + "' (loss, latency, jitter)");
      }
    }
    return new Impairment(loss, latency, jitter);
  }
}
