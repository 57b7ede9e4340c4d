package io.switchboard.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.switchboard.engine.store.EngineSchema;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * On H2 the engine turns off the write delay, so an acknowledged commit is on disk before the
 * answer leaves (ops/crash/kill9-demo.sh lost acknowledged instances without it).
 */
class DurableCommitsIT extends EngineIT {
  @Autowired DataSource dataSource;

  @Test
  void h2WritesEveryCommitBeforeTheEngineAnswers() {
    assumeTrue(
        "h2".equals(EngineSchema.vendor(dataSource)), "MySQL/MariaDB flush on commit by default");
    // H2 lists the setting once per scope (database and session); every one must say 0
    var delays =
        new JdbcTemplate(dataSource)
            .queryForList(
                "SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'WRITE_DELAY'",
                String.class);
    assertThat(delays).isNotEmpty().containsOnly("0");
  }

  @Test
  void h2KeepsTheEnginesJsonRowsInPlaceRatherThanAsSeparateLobs() {
    assumeTrue("h2".equals(EngineSchema.vendor(dataSource)), "an H2 setting");
    assertThat(
            new JdbcTemplate(dataSource)
                .queryForList(
                    "SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS"
                        + " WHERE SETTING_NAME = 'MAX_LENGTH_INPLACE_LOB'",
                    String.class))
        .containsExactly("65536");
  }
}
