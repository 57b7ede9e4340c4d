package io.switchboard.inventory.sdwan.sla;

import io.switchboard.inventory.sdwan.render.DeviceIntent;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Loss (%), round trip and jitter (ms) measured over a tunnel by an RPM probe. */
public record SlaMeasurement(double lossPercent, double rttMs, double jitterMs) {

  /** Each figure the worse of the two: a tunnel is as good as its worse end measures it. */
  public SlaMeasurement worse(SlaMeasurement other) {
    if (other == null) {
      return this;
    }
    return new SlaMeasurement(
        Math.max(lossPercent, other.lossPercent),
        Math.max(rttMs, other.rttMs),
        Math.max(jitterMs, other.jitterMs));
  }

  /** What misses the SLA, e.g. {@code loss 10 % > 1 %}; empty when the measurement meets it. */
  public List<String> violations(DeviceIntent.Steering sla) {
    return violations(sla.maxLossPercent(), sla.maxRttMs(), sla.maxJitterMs());
  }

  public List<String> violations(int maxLossPercent, int maxRttMs, int maxJitterMs) {
    List<String> out = new ArrayList<>();
    if (lossPercent > maxLossPercent) {
      out.add("loss " + figure(lossPercent) + " % > " + maxLossPercent + " %");
    }
    if (rttMs > maxRttMs) {
      out.add("rtt " + figure(rttMs) + " ms > " + maxRttMs + " ms");
    }
    if (jitterMs > maxJitterMs) {
      out.add("jitter " + figure(jitterMs) + " ms > " + maxJitterMs + " ms");
    }
    return out;
  }

  private static String figure(double value) {
    return value == Math.rint(value)
        ? String.valueOf((long) value)
        : String.format(Locale.ROOT, "%.2f", value);
  }
}
