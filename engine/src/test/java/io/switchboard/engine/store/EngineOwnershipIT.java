package io.switchboard.engine.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.switchboard.engine.EngineIT;
import io.switchboard.engine.EngineTestApplication;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * One embedded engine per database: a second one refuses to start while the first runs, starts at
 * once after the first stopped, takes over the lease of one that was killed once it expires, and an
 * engine whose lease was taken over stops.
 */
class EngineOwnershipIT {
  private static final Duration NO_WAIT = Duration.ZERO;
  private String url;
  private DataSource dataSource;

  @BeforeEach
  void database() {
    url = EngineIT.databaseForRestart("ownership");
    dataSource =
        new DriverManagerDataSource(
            url,
            System.getProperty("spring.datasource.username", "sa"),
            System.getProperty("spring.datasource.password", ""));
    EngineSchema.migrate(dataSource);
  }

  @Test
  void aSecondEngineIsRefusedWhileTheFirstRunsAndStartsOnceItStopped() {
    EngineOwnership first = new EngineOwnership(dataSource, Duration.ofSeconds(15), NO_WAIT);
    EngineOwnership second = new EngineOwnership(dataSource, Duration.ofSeconds(15), NO_WAIT);
    first.acquire(() -> {});
    try {
      assertThatThrownBy(() -> second.acquire(() -> {}))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("Another embedded engine runs on this database (" + first.owner())
          .hasMessageContaining("camunda profile");
    } finally {
      first.release();
    }
    second.acquire(() -> {});
    assertThat(second.currentOwner()).contains(second.owner());
    second.release();
    assertThat(second.currentOwner()).isEmpty();
  }

  @Test
  void theLeaseOfAKilledEngineIsTakenOverOnceItExpires() {
    // what a process killed with -9 leaves: its name and an expiry it will never renew
    long expiresAt = System.currentTimeMillis() + 1_000;
    new JdbcTemplate(dataSource)
        .update(
            "UPDATE engine_owner SET owner = 'killed@elsewhere', expires_at = ? WHERE id = 1",
            expiresAt);
    EngineOwnership impatient = new EngineOwnership(dataSource, Duration.ofSeconds(15), NO_WAIT);
    assertThatThrownBy(() -> impatient.acquire(() -> {})).hasMessageContaining("killed@elsewhere");

    EngineOwnership next =
        new EngineOwnership(dataSource, Duration.ofSeconds(15), Duration.ofSeconds(20));
    next.acquire(() -> {});
    assertThat(System.currentTimeMillis()).isGreaterThanOrEqualTo(expiresAt);
    assertThat(next.currentOwner()).contains(next.owner());
    next.release();
  }

  @Test
  void anEngineWhoseLeaseWasTakenOverIsStopped() {
    EngineOwnership stalled = new EngineOwnership(dataSource, Duration.ofMillis(600), NO_WAIT);
    AtomicBoolean lost = new AtomicBoolean();
    stalled.acquire(() -> lost.set(true));
    // another engine took the lease while this one stood still past its expiry
    new JdbcTemplate(dataSource)
        .update("UPDATE engine_owner SET owner = 'other@host' WHERE id = 1");
    Awaitility.await().atMost(Duration.ofSeconds(10)).untilTrue(lost);
    stalled.release();
    assertThat(stalled.currentOwner()).contains("other@host");
  }

  @Test
  void theApplicationRefusesToStartASecondEngineOnItsDatabase() {
    ConfigurableApplicationContext first = start(Duration.ofSeconds(30));
    try {
      assertThatThrownBy(() -> start(Duration.ofMillis(500)).close())
          .hasStackTraceContaining("Another embedded engine runs on this database");
    } finally {
      first.close();
    }
    // the first gave its lease up when it stopped: the next one starts without waiting for it
    try (ConfigurableApplicationContext second = start(NO_WAIT)) {
      assertThat(second.isRunning()).isTrue();
    }
  }

  private ConfigurableApplicationContext start(Duration wait) {
    return new SpringApplicationBuilder(EngineTestApplication.class)
        .run(
            "--server.port=0",
            "--spring.datasource.url=" + url,
            "--switchboard.engine.ownership.start-wait=" + wait);
  }
}
