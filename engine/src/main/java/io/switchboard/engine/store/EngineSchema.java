package io.switchboard.engine.store;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * Migrates the engine's own tables. The engine keeps a schema history table of its own so that
 * the application's migrations (inventory) and the engine's evolve independently.
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
        .load()
        .migrate();
  }

  static String vendor(DataSource dataSource) {
    try (Connection connection = dataSource.getConnection()) {
      String product = connection.getMetaData().getDatabaseProductName().toLowerCase();
      if (product.contains("h2")) {
        return "h2";
      }
      if (product.contains("mysql") || product.contains("mariadb")) {
        return "mysql";
      }
      throw new IllegalStateException("The embedded engine supports H2 and MySQL/MariaDB, not " + product);
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot reach the engine's database", e);
    }
  }
}
