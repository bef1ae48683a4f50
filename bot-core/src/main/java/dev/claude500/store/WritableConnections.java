package dev.claude500.store;

import com.zaxxer.hikari.util.DriverDataSource;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.Properties;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The store's source of new connections: the JDBC driver's, except that a connection to a database
 * that cannot be written is closed at once and refused with SQL state 25006 (read-only).
 *
 * <p>The pool then never holds such a connection. This matters most for an embedded H2 file: when
 * its files cannot be written at the moment a connection opens the database, H2 opens it read-only,
 * and keeps it so for as long as any connection to it stays open, long after the files are writable
 * again. Refused at once, the read-only database closes with its only connection, and the pool's
 * next try opens it afresh. On PostgreSQL it keeps out sessions that the server makes read-only (a
 * standby, {@code default_transaction_read_only}).
 */
final class WritableConnections implements DataSource {
  static final String READ_ONLY_STATE = "25006";

  private final DataSource driver;
  private final String readOnlyQuery;

  WritableConnections(DatabaseUrl url, Properties properties) {
    this.driver = new DriverDataSource(url.value(), null, properties, null, null);
    this.readOnlyQuery = url.isPostgres()
        ? "SELECT current_setting('transaction_read_only') = 'on'"
        : "CALL READONLY()";
  }

  @Override
  public Connection getConnection() throws SQLException {
    Connection c = driver.getConnection();
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(readOnlyQuery)) {
      if (rs.next() && !rs.getBoolean(1)) {
        return c;
      }
    } catch (SQLException | RuntimeException e) {
      closeQuietly(c, e);
      throw e;
    }
    SQLException refused = new SQLException("the database can be read but not written", READ_ONLY_STATE);
    closeQuietly(c, refused);
    throw refused;
  }

  private static void closeQuietly(Connection c, Exception cause) {
    try {
      c.close();
    } catch (SQLException | RuntimeException e) {
      cause.addSuppressed(e);
    }
  }

  @Override
  public Connection getConnection(String username, String password) throws SQLException {
    throw new SQLFeatureNotSupportedException("the store's user and password are set when it is opened");
  }

  @Override
  public PrintWriter getLogWriter() throws SQLException {
    return driver.getLogWriter();
  }

  @Override
  public void setLogWriter(PrintWriter out) throws SQLException {
    driver.setLogWriter(out);
  }

  @Override
  public void setLoginTimeout(int seconds) throws SQLException {
    driver.setLoginTimeout(seconds);
  }

  @Override
  public int getLoginTimeout() throws SQLException {
    return driver.getLoginTimeout();
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    return driver.getParentLogger();
  }

  @Override
  public <T> T unwrap(Class<T> iface) throws SQLException {
    if (iface.isInstance(this)) {
      return iface.cast(this);
    }
    throw new SQLException("not a wrapper for " + iface.getName());
  }

  @Override
  public boolean isWrapperFor(Class<?> iface) {
    return iface.isInstance(this);
  }
}
