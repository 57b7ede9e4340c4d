package io.switchboard.engine.store;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * Migrates the engine's own tables. The engine keeps a schema history table of its own so that the
 * application's migrations (inventory) and the engine's evolve independently.
 */
public final class EngineSchema {
  private EngineSchema() {}

  public static void migrate(DataSource dataSource) {
    Flyway.configure()
        .dataSource(dataSource)
        .table("engine_schema_history")
        .locations("classpath:db/engine/" + vendor(dataSource))
        .baselineOnMigrate(true)
        .baselineVersion("0")
        // engine migration numbers are reserved per feature and may land out of order
        .outOfOrder(true)
        .load()
        .migrate();
  }

  /**
   * Every command the engine acknowledges must survive {@code kill -9}. H2 by default writes a
   * commit to its file up to half a second later (WRITE_DELAY 500), which loses acknowledged
   * commands in a crash; the engine turns that off. (MySQL/MariaDB with InnoDB flush on commit by
   * default.) On H2 it also keeps its JSON rows in place ({@link #INPLACE_LOB_LIMIT}).
   */
  public static void ensureDurableCommits(DataSource dataSource) {
    if (!"h2".equals(vendor(dataSource))) {
      return;
    }
    try (Connection connection = dataSource.getConnection();
        java.sql.Statement statement = connection.createStatement()) {
      statement.execute("SET WRITE_DELAY 0");
      statement.execute("SET MAX_LENGTH_INPLACE_LOB " + INPLACE_LOB_LIMIT);
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot make H2 commits durable", e);
    }
  }

  /**
   * The engine's rows are JSON in CLOB columns, mostly a few hundred bytes to a few KiB. H2 stores
   * a CLOB longer than 256 characters (its default) as a separate LOB, which costs every flush
   * extra map writes and a LOB cleaner; up to this length H2 keeps it in the row (a persistent
   * setting; longer values still go to LOB storage).
   */
  static final int INPLACE_LOB_LIMIT = 65_536;

  public static String vendor(DataSource dataSource) {
    try (Connection connection = dataSource.getConnection()) {
      String product = connection.getMetaData().getDatabaseProductName().toLowerCase();
      if (product.contains("h2")) {
        return "h2";
      }
      if (product.contains("mysql") || product.contains("mariadb")) {
        return "mysql";
      }
      throw new IllegalStateException(
          "The embedded engine supports H2 and MySQL/MariaDB, not " + product);
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot reach the engine's database", e);
    }
  }
}
