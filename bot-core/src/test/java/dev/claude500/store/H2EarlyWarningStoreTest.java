package dev.claude500.store;

import dev.claude500.earlywarning.EarlyWarningStore;
import dev.claude500.testing.JdbcStores;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;

@DisplayName("The early warning's store on H2")
class H2EarlyWarningStoreTest extends EarlyWarningStoreContract {
  private static final String URL = "jdbc:h2:mem:early-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
  private static JdbcStore shared;
  private static JdbcStore replica;

  @BeforeAll
  static void openShared() {
    shared = JdbcStores.open(URL, null, null);
    replica = JdbcStores.open(URL, null, null);
  }

  @AfterAll
  static void closeShared() throws SQLException {
    replica.close();
    shared.close();
    try (Connection c = DriverManager.getConnection(URL);
        Statement s = c.createStatement()) {
      s.execute("SHUTDOWN");
    }
  }

  @Override
  EarlyWarningStore emptyStore() {
    try (Connection c = DriverManager.getConnection(URL)) {
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
