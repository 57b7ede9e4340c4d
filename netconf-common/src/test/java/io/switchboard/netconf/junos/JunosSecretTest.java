package io.switchboard.netconf.junos;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class JunosSecretTest {

  @Test
  void decodesTheFormJunosShows() {
    // the pair published with the algorithm's first public description
    assertThat(JunosSecret.decode("$9$LbHX-wg4Z")).contains("lc");
  }

  @Test
  void whatItEncodesDecodesToTheSameSecretWhateverTheSalt() {
    Random random = new Random(7);
    for (String secret :
        new String[] {
          "k",
          "tunnel-key-42",
          "a longer key than seven bytes, with blanks",
          "quote\" back\\slash",
          "ümlaut €"
        }) {
      String first = JunosSecret.encode(secret, random);
      String second = JunosSecret.encode(secret, random);
      assertThat(first).startsWith("$9$").isNotEqualTo(second);
      assertThat(JunosSecret.decode(first)).contains(secret);
      assertThat(JunosSecret.decode(second)).contains(secret);
      assertThat(JunosSecret.isEncoded(first)).isTrue();
    }
  }

  @Test
  void somethingElseIsNotASecretInThatForm() {
    assertThat(JunosSecret.decode("plain")).isEmpty();
    assertThat(JunosSecret.decode("$9$")).isEmpty();
    assertThat(JunosSecret.decode("$9$nope!")).as("! is outside the alphabet").isEmpty();
    String truncated = JunosSecret.encode("tunnel-key", new Random(1));
    assertThat(JunosSecret.decode(truncated.substring(0, truncated.length() - 1))).isEmpty();
    assertThat(JunosSecret.isEncoded("tunnel-key")).isFalse();
  }

  @Test
  void configurationTextShowsEachSecretInTheClearAndLeavesTheRestAlone() {
    String key = JunosSecret.encode("k 1\"", new Random(3));
    String radius = JunosSecret.encode("r2", new Random(4));
    String text =
        "set security ike policy p pre-shared-key ascii-text \""
            + key
            + "\"\nset system radius-server 10.0.0.1 secret "
            + radius
            + "\nset system description \"$9$nope!\"\nset system host-name a";

    assertThat(JunosSecret.revealed(text))
        .isEqualTo(
            "set security ike policy p pre-shared-key ascii-text \"k 1\\\"\"\n"
                + "set system radius-server 10.0.0.1 secret \"r2\"\n"
                + "set system description \"$9$nope!\"\nset system host-name a");
    assertThat(JunosSecret.revealed("set system host-name a")).isEqualTo("set system host-name a");
  }
}
