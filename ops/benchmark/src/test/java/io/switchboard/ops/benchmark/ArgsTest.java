package io.switchboard.ops.benchmark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ArgsTest {
  @Test
  void readsOptionsWithSpaceOrEqualsAndFallsBackToDefaults() {
    Args args =
        new Args(new String[] {"--concurrency", "8", "--duration=2m", "--address", "http://x:1"});
    assertEquals(8, args.integer("concurrency", 32));
    assertEquals(Duration.ofMinutes(2), args.duration("duration", Duration.ZERO));
    assertEquals("http://x:1", args.string("address", "?"));
    assertEquals(Duration.ofSeconds(15), args.duration("warmup", Duration.ofSeconds(15)));
  }

  @Test
  void parsesDurationsInTheUsualSpellings() {
    assertEquals(Duration.ofMillis(250), Args.parseDuration("250ms"));
    assertEquals(Duration.ofSeconds(60), Args.parseDuration("60s"));
    assertEquals(Duration.ofSeconds(45), Args.parseDuration("45"));
    assertEquals(Duration.ofMinutes(1), Args.parseDuration("PT1M"));
  }

  @Test
  void refusesAValueWithoutAnOptionName() {
    assertThrows(IllegalArgumentException.class, () -> new Args(new String[] {"60s"}));
  }

  @Test
  void refusesAnOptionWithoutValue() {
    assertThrows(IllegalArgumentException.class, () -> new Args(new String[] {"--duration"}));
  }

  @Test
  void namesAMissingRequiredOption() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> new Args(new String[0]).required("journal"));
    assertEquals("Expected option --journal", e.getMessage());
  }
}
