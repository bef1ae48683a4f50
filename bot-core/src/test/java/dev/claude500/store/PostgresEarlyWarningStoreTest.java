package dev.claude500.store;

import dev.claude500.earlywarning.EarlyWarningStore;
import dev.claude500.testing.JdbcStores;
import dev.claude500.testing.Postgres;
import java.sql.Connection;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;

@DisplayName("The early warning's store on PostgreSQL")
class PostgresEarlyWarningStoreTest extends EarlyWarningStoreContract {
  private static Postgres postgres;
  private static JdbcStore shared;
  private static JdbcStore replica;

  @AfterAll
  static void closeShared() {
    if (replica != null) {
      replica.close();
    }
    if (shared != null) {
      shared.close();
    }
    if (postgres != null) {
      postgres.dropSchema();
    }
  }

  /** Opens the stores on first use, so that without a server every test is reported skipped, with the reason. */
  @Override
  EarlyWarningStore emptyStore() {
    if (shared == null) {
      postgres = Postgres.requireOrSkip();
      shared = JdbcStores.open(postgres.url(), postgres.user(), postgres.password());
      replica = JdbcStores.open(postgres.url(), postgres.user(), postgres.password());
    }
    try (Connection c = postgres.connect()) {
      StoreTables.clear(c);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return shared.earlyWarnings();
  }

  @Override
  EarlyWarningStore sameData() {
    return replica.earlyWarnings();
  }
}
