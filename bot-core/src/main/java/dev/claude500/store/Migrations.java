package dev.claude500.store;

import java.util.Optional;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Brings the schema up to date with Flyway from {@code classpath:db/migration}. Flyway serialises
 * concurrent migrations (an advisory lock on PostgreSQL), so replicas may start together.
 */
final class Migrations {
  static final String LOCATION = "classpath:db/migration";

  private Migrations() {}

  /**
   * Migrates the database behind {@code dataSource}; when {@code schema} is given Flyway works in
   * it, creating it if it is missing. Returns the schema version now applied.
   */
  static String apply(DataSource dataSource, Optional<String> schema) {
    FluentConfiguration config =
        Flyway.configure(Migrations.class.getClassLoader())
            .dataSource(dataSource)
            .locations(LOCATION);
    schema.ifPresent(config::schemas);
    MigrateResult result = config.load().migrate();
    return result.targetSchemaVersion != null
        ? result.targetSchemaVersion
        : String.valueOf(result.initialSchemaVersion);
  }
}
