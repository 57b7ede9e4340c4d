package io.switchboard.inventory.vnf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** An instantiation's additionalParams against the VNFD's declarations. */
class Day0ParameterTest {
  static final List<Day0Parameter> DECLARED =
      List.of(
          new Day0Parameter("site_code", Day0Parameter.Type.STRING, false, true, null, "[A-Z]{3}"),
          new Day0Parameter("root_pw", Day0Parameter.Type.STRING, true, true, null, null),
          new Day0Parameter("mtu", Day0Parameter.Type.INTEGER, false, false, "1500", null),
          new Day0Parameter("telemetry", Day0Parameter.Type.BOOLEAN, false, false, null, null));

  @Test
  void givenValuesAndDefaultsInTextFormSecretOnesApart() {
    Day0Parameter.Values values =
        Day0Parameter.resolve(
            DECLARED, Map.of("site_code", "LYS", "root_pw", "pw", "telemetry", true));

    assertThat(values.plain())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of("site_code", "LYS", "mtu", "1500", "telemetry", "true"));
    assertThat(values.secret()).containsExactlyEntriesOf(Map.of("root_pw", "pw"));
    assertThat(
            Day0Parameter.resolve(
                    DECLARED, Map.of("site_code", "LYS", "root_pw", "pw", "mtu", 9000L))
                .plain())
        .containsEntry("mtu", "9000")
        .doesNotContainKey("telemetry");
  }

  @Test
  void eachRefusalNamesItsParameterAndNeverTheValue() {
    record Case(Map<String, Object> given, String name, String message) {}
    for (Case c :
        List.of(
            new Case(Map.of("site_code", "LYS", "root_pw", "pw", "x", 1), "x", "not a day-0"),
            new Case(Map.of("site_code", "LYS"), "root_pw", "is required"),
            new Case(Map.of("site_code", "lys", "root_pw", "pw"), "site_code", "must match"),
            new Case(Map.of("site_code", 7, "root_pw", "pw"), "site_code", "must be a string"),
            new Case(Map.of("site_code", "LYS", "root_pw", "pw", "mtu", 1.5), "mtu", "an integer"),
            new Case(
                Map.of("site_code", "LYS", "root_pw", "pw", "telemetry", "yes"),
                "telemetry",
                "true or false"))) {
      assertThatThrownBy(() -> Day0Parameter.resolve(DECLARED, c.given()))
          .isInstanceOfSatisfying(
              Day0Parameter.InvalidParameterException.class,
              e -> {
                assertThat(e.name()).isEqualTo(c.name());
                assertThat(e.getMessage()).contains(c.message()).doesNotContain("lys");
              });
    }
  }
}
