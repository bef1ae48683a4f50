package dev.claude500.testing;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * A throwaway PostgreSQL schema for one test class, on the test server: {@code
 * CLAUDE500_TEST_PG_URL} (default {@code jdbc:postgresql://127.0.0.1:5432/test}), {@code
 * CLAUDE500_TEST_PG_USER} (default {@code postgres}) and {@code CLAUDE500_TEST_PG_PASSWORD}
 * (default none).
 *
 * <p>When the server cannot be reached, {@link #requireOrSkip()} skips the calling test (a JUnit
 * assumption) with a message saying why, except when the environment has {@code CI=true}: there
 * PostgreSQL is part of the test bed and its absence fails the test instead. Surefire's console
 * counts skipped tests but never says why, so the first skip for a server in a test JVM also
 * writes one {@code [WARNING]} line with the reason to the JVM's own standard error, which Surefire
 * and Failsafe copy to the build's console (they keep {@code System.err} for the reports). Call it
 * from a test or {@code @BeforeEach} rather than {@code @BeforeAll}: Surefire does not report a
 * class skipped from {@code @BeforeAll}, so the skip would be silent.
 *
 * <p>Typical use:
 *
 * <pre>{@code
 * try (Postgres postgres = Postgres.requireOrSkip()) {   // close() drops the schema
 *   JdbcStore store = JdbcStores.open(postgres.url(), postgres.user(), postgres.password());
 *   ...
 * }
 * }</pre>
 */
public final class Postgres implements AutoCloseable {
  private static final String DEFAULT_URL = "jdbc:postgresql://127.0.0.1:5432/test";
  private static final String DEFAULT_USER = "postgres";
  private static final String CONNECT_TIMEOUT_SECONDS = "3";

  /**
   * Why each server URL tried in this JVM was unreachable (empty when it answered): a dead server
   * costs one connection attempt per run, not one per test.
   */
  private static final ConcurrentMap<String, String> UNREACHABLE = new ConcurrentHashMap<>();

  /** The server URLs whose skip the build's console has been told of in this JVM. */
  private static final Set<String> ANNOUNCED = ConcurrentHashMap.newKeySet();

  private final String serverUrl;
  private final String user;
  private final String password;
  private final String schema;

  private Postgres(String serverUrl, String user, String password, String schema) {
    this.serverUrl = serverUrl;
    this.user = user;
    this.password = password;
    this.schema = schema;
  }

  /**
   * Checks that the test server answers and returns a fresh schema name on it. The schema is not
   * created: {@code JdbcStore} creates it on open (call {@link #createSchema()} to have it exist
   * beforehand). Skips the calling test (or class, from {@code @BeforeAll}) when the server is
   * unreachable; fails instead when {@code CI=true}.
   */
  public static Postgres requireOrSkip() {
    Postgres postgres =
        new Postgres(
            env("CLAUDE500_TEST_PG_URL", DEFAULT_URL),
            env("CLAUDE500_TEST_PG_USER", DEFAULT_USER),
            env("CLAUDE500_TEST_PG_PASSWORD", ""),
            "c5test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16));
    String why = UNREACHABLE.computeIfAbsent(postgres.serverUrl, url -> postgres.whyUnreachable());
    if (why.isEmpty()) {
      return postgres;
    }
    if (isCi()) {
      return Assertions.fail(why + "; CI=true, so this is a failure, not a skip");
    }
    if (ANNOUNCED.add(postgres.serverUrl)) {
      toBuildConsole("[WARNING] PostgreSQL tests skipped: " + why + ". Set CLAUDE500_TEST_PG_URL, CLAUDE500_TEST_PG_USER"
          + " and CLAUDE500_TEST_PG_PASSWORD to use another server, or CI=true to fail instead.");
    }
    return Assumptions.abort(why + "; skipping (set CI=true to fail instead)");
  }

  /**
   * Writes a line to this JVM's own standard error (file descriptor 2), bypassing {@code
   * System.err}, which Surefire redirects to the test's report file.
   */
  private static void toBuildConsole(String line) {
    // not closed: closing would close the JVM's standard error
    PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
    err.println(line);
  }

  /** Returns why the server cannot be reached, or an empty string when it answers. */
  private String whyUnreachable() {
    try (Connection c = connectToServer()) {
      return c.isValid(3) ? "" : "PostgreSQL at " + serverUrl + " does not answer";
    } catch (SQLException e) {
      return "PostgreSQL is not reachable at "
          + serverUrl
          + " as "
          + user
          + " ("
          + e.getMessage()
          + ")";
    }
  }

  /** Returns true when the environment says this is a CI run ({@code CI=true}). */
  public static boolean isCi() {
    return "true".equalsIgnoreCase(System.getenv("CI"));
  }

  /** Returns the JDBC URL selecting this schema ({@code currentSchema=...}). */
  public String url() {
    return serverUrl + (serverUrl.contains("?") ? "&" : "?") + "currentSchema=" + schema;
  }

  /** Returns the server's JDBC URL, without a schema. */
  public String serverUrl() {
    return serverUrl;
  }

  /** Returns the user. */
  public String user() {
    return user;
  }

  /** Returns the password, empty when none. */
  public String password() {
    return password;
  }

  /** Returns the schema's name (lower case, safe unquoted). */
  public String schema() {
    return schema;
  }

  /** Creates the schema unless it exists; returns this. */
  public Postgres createSchema() {
    execute("CREATE SCHEMA IF NOT EXISTS " + schema);
    return this;
  }

  /** Drops the schema and everything in it, if it exists. */
  public void dropSchema() {
    execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
  }

  /** Returns a new connection whose search path is this schema; the caller closes it. */
  public Connection connect() throws SQLException {
    return DriverManager.getConnection(url(), properties());
  }

  /** Drops the schema. */
  @Override
  public void close() {
    dropSchema();
  }

  @Override
  public String toString() {
    return url();
  }

  private Connection connectToServer() throws SQLException {
    return DriverManager.getConnection(serverUrl, properties());
  }

  private void execute(String sql) {
    try (Connection c = connectToServer();
        Statement s = c.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(sql + " failed on " + serverUrl + ": " + e.getMessage(), e);
    }
  }

  private Properties properties() {
    Properties properties = new Properties();
    properties.setProperty("user", user);
    if (!password.isEmpty()) {
      properties.setProperty("password", password);
    }
    properties.setProperty("connectTimeout", CONNECT_TIMEOUT_SECONDS);
    properties.setProperty("loginTimeout", CONNECT_TIMEOUT_SECONDS);
    return properties;
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value.strip();
  }
}
