package dev.claude500.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.metrics.micrometer.MicrometerMetricsTrackerFactory;
import dev.claude500.metrics.BotMetrics;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Locale;
import java.util.Properties;

/**
 * Connects a {@link JdbcStore} to its database: the driver properties (credentials, and H2's and
 * PostgreSQL's defaults the bot relies on), one probe outside the pool so a bad URL or a dead server
 * yields one clear line, and the pool of connections the store's calls borrow.
 */
final class StoreConnections {
  private static final int POOL_SIZE = 5;
  /** How long a check that a connection is still valid may take. */
  static final int VALIDATION_TIMEOUT_SECONDS = 2;
  private static final String POSTGRES_CONNECT_TIMEOUT_SECONDS = "5";

  private StoreConnections() {}

  /** Returns the driver properties for {@code url}: the credentials and the defaults the bot relies on. */
  static Properties properties(DatabaseUrl url, String user, String password) {
    Properties properties = new Properties();
    if (user != null && !user.isBlank()) {
      properties.setProperty("user", user);
    }
    if (password != null && !password.isBlank()) {
      properties.setProperty("password", password);
    }
    String upper = url.value().toUpperCase(Locale.ROOT);
    if (url.value().startsWith("jdbc:h2:") && !upper.contains("DB_CLOSE_ON_EXIT")) {
      // the bot closes the store itself at shutdown, after its last writes (releasing the lease)
      properties.setProperty("DB_CLOSE_ON_EXIT", "FALSE");
    }
    if (url.value().startsWith("jdbc:h2:") && !upper.startsWith("JDBC:H2:MEM:") && !upper.contains("WRITE_DELAY")) {
      // H2 writes commits to its file up to half a second late by default; a process killed in
      // that time loses them. A ledger claim lost so is a post made twice after the restart.
      properties.setProperty("WRITE_DELAY", "0");
    }
    if (url.isPostgres()) {
      // the URL's own connectTimeout, if any, wins over this default
      properties.setProperty("connectTimeout", POSTGRES_CONNECT_TIMEOUT_SECONDS);
    }
    return properties;
  }

  /** Connects once outside the pool, so a bad URL or a dead server yields one clear line. */
  static void probe(DatabaseUrl url, Properties properties) {
    Driver driver;
    try {
      driver = DriverManager.getDriver(url.value());
    } catch (SQLException e) {
      throw new StoreException(
          "no JDBC driver for the store URL "
              + url
              + " (expected jdbc:h2:... or jdbc:postgresql://...)");
    }
    try (Connection c = driver.connect(url.value(), properties)) {
      if (c == null) {
        throw new StoreException("the JDBC driver refused the store URL " + url);
      }
    } catch (SQLException e) {
      throw new StoreException(
          "cannot connect to the store at " + url + ": " + Jdbc.oneLine(e.getMessage()), e);
    }
  }

  /** Returns the pool of connections calls borrow, each to a database that can write. */
  static HikariDataSource pool(DatabaseUrl url, Properties properties, Duration connectionWait,
      BotMetrics metrics) {
    HikariConfig config = new HikariConfig();
    config.setMetricsTrackerFactory(new MicrometerMetricsTrackerFactory(metrics.registry()));
    config.setPoolName("claude500-store");
    config.setDataSource(new WritableConnections(url, properties));
    config.setMaximumPoolSize(POOL_SIZE);
    config.setConnectionTimeout(connectionWait.toMillis());
    config.setValidationTimeout(VALIDATION_TIMEOUT_SECONDS * 1_000L);
    try {
      return new HikariDataSource(config);
    } catch (RuntimeException e) {
      throw new StoreException(
          "cannot connect to the store at " + url + ": " + Jdbc.oneLine(e.getMessage()), e);
    }
  }
}
