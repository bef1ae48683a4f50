package dev.claude500.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claude500.testing.JdbcStores;
import dev.claude500.testing.Postgres;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("JdbcStore on PostgreSQL")
class PostgresStoreTest extends StoreContract {
  private static Postgres postgres;
  private static JdbcStore shared;

  @AfterAll
  static void closeShared() {
    if (shared != null) {
      shared.close();
    }
    if (postgres != null) {
      postgres.dropSchema();
    }
  }

  /**
   * Opens the class's store on first use rather than in {@code @BeforeAll}, so that without a
   * server every test is reported skipped, with the reason.
   */
  @Override
  Store emptyStore() {
    if (shared == null) {
      postgres = Postgres.requireOrSkip();
      shared = JdbcStores.open(postgres.url(), postgres.user(), postgres.password());
    }
    try (Connection c = postgres.connect()) {
      StoreTables.clear(c);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return shared;
  }

  @Test
  @DisplayName("Opening creates the URL's schema and migrates inside it")
  void migratesIntoTheUrlSchema() throws SQLException {
    try (Connection c = postgres.connect()) {
      assertThat(StoreTables.appliedVersions(c)).containsExactly("1", "2", "3", "4", "5", "6", "7", "8", "9", "10");
      assertThat(c.getSchema()).isEqualTo(postgres.schema());
    }
  }

  @Test
  @DisplayName(
      "Two replicas opening a new schema at the same moment both start, and migrate it once")
  void replicasStartTogether() throws Exception {
    try (Postgres fresh = Postgres.requireOrSkip()) {
      List<JdbcStore> replicas =
          race(2, i -> () -> JdbcStores.open(fresh.url(), fresh.user(), fresh.password()));
      try {
        assertThat(replicas.get(0).ledger().claim(SLACK_OPS, "incident/abc", "abc", T0)).isTrue();
        assertThat(replicas.get(1).ledger().claim(SLACK_OPS, "incident/abc", "abc", T0)).isFalse();
        try (Connection c = fresh.connect()) {
          assertThat(StoreTables.appliedVersions(c)).containsExactly("1", "2", "3", "4", "5", "6", "7", "8", "9", "10");
        }
      } finally {
        replicas.forEach(JdbcStore::close);
      }
    }
  }
}
