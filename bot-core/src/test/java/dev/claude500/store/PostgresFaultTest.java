package dev.claude500.store;

import static dev.claude500.testing.FaultDrill.FAULT;
import static dev.claude500.testing.FaultDrill.RECOVERY_BOUND;
import static org.assertj.core.api.Assertions.assertThat;

import dev.claude500.testing.FaultDrill;
import dev.claude500.testing.JdbcStores;
import dev.claude500.testing.Postgres;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Properties;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL turns read-only under an open {@link JdbcStore} for ten seconds, as after a fail-over
 * to a server that takes no writes: the test creates a database of its own, sets {@code
 * default_transaction_read_only = on} on it and ends the store's sessions (the setting applies to
 * new sessions), then sets it off again. Writes fail meanwhile as read-only, and succeed again a few
 * seconds after, in the same store, without a restart. Skips as {@link Postgres} does when there is
 * no server (fails under {@code CI=true}).
 */
@DisplayName("JdbcStore on a PostgreSQL database that is read-only for a while")
class PostgresFaultTest {
  private Postgres server;
  private String database;
  private JdbcStore store;

  @AfterEach
  void drop() throws SQLException {
    if (store != null) {
      store.close();
    }
    if (database != null) {
      execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
    }
  }

  @Test
  @DisplayName("default_transaction_read_only for 10 s: writes fail meanwhile as read-only, and succeed again soon after")
  void readOnlyDatabase() throws Exception {
    server = Postgres.requireOrSkip();
    database = "c5ro_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    execute("CREATE DATABASE " + database);
    String url = server.serverUrl().replaceFirst("/[^/?]*(\\?|$)", "/" + database + "$1");
    store = JdbcStores.open(url, server.user(), server.password(), Duration.ofMillis(500));
    FaultDrill.writeBefore(store);

    execute("ALTER DATABASE " + database + " SET default_transaction_read_only = on");
    execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + database + "'");
    int failed = FaultDrill.writesFailThroughout(store, FAULT);
    assertThat(failed).as("writes tried during the fault").isGreaterThan(3);
    assertThat(store.writeFault()).contains(StoreFault.READ_ONLY);
    execute("ALTER DATABASE " + database + " SET default_transaction_read_only = off");
    Duration recovery = FaultDrill.untilAWriteSucceeds(store);

    System.out.printf("PostgreSQL read-only: first write %d ms after it took writes again%n", recovery.toMillis());
    assertThat(recovery).isLessThan(RECOVERY_BOUND);
    assertThat(store.writeFault()).isEmpty();
    FaultDrill.everyWriteSucceedsAndNothingWasLost(store);
  }

  private void execute(String sql) throws SQLException {
    Properties properties = new Properties();
    properties.setProperty("user", server.user());
    if (!server.password().isEmpty()) {
      properties.setProperty("password", server.password());
    }
    try (Connection c = DriverManager.getConnection(server.serverUrl(), properties);
        Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }
}
