package dev.claude500.testing;

import dev.claude500.metrics.BotMetrics;
import dev.claude500.store.JdbcStore;
import java.time.Duration;

/**
 * Opens JDBC stores for tests through the launcher's {@link JdbcStore#open}: the default connection
 * wait unless a test names one, and no metrics.
 */
public final class JdbcStores {
  private JdbcStores() {}

  /** Returns the store at {@code jdbcUrl}, calls waiting the default time for a connection. */
  public static JdbcStore open(String jdbcUrl, String user, String password) {
    return open(jdbcUrl, user, password, JdbcStore.DEFAULT_CONNECTION_WAIT);
  }

  /** Returns the store at {@code jdbcUrl}, calls waiting {@code connectionWait} for a connection. */
  public static JdbcStore open(String jdbcUrl, String user, String password, Duration connectionWait) {
    return JdbcStore.open(jdbcUrl, user, password, connectionWait, BotMetrics.none());
  }
}
