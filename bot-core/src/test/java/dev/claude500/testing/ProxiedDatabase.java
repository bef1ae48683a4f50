package dev.claude500.testing;

import java.net.URI;
import dev.claude500.store.JdbcStore;
import dev.claude500.store.Store;
import java.sql.SQLException;
import java.time.Duration;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.h2.tools.Server;
import org.junit.jupiter.params.provider.Arguments;

/**
 * A database reached through a {@link TcpProxy}, so a test can take it away for a moment and give
 * it back while a store is open on it: an H2 TCP server on loopback (always available), or the
 * PostgreSQL test server (through {@link Postgres}, so it skips outside CI when there is none).
 * Closing it stops the proxy, the H2 server, and drops the PostgreSQL schema.
 */
public final class ProxiedDatabase implements AutoCloseable {
  private final String kind;
  private final String url;
  private final String user;
  private final String password;
  private final TcpProxy proxy;
  private final Runnable behind;

  private ProxiedDatabase(String kind, String url, String user, String password, TcpProxy proxy, Runnable behind) {
    this.kind = kind;
    this.url = url;
    this.user = user;
    this.password = password;
    this.proxy = proxy;
    this.behind = behind;
  }

  /** Starts an H2 TCP server on a free loopback port with an in-memory database, and a proxy in front of it. */
  public static ProxiedDatabase h2() {
    Server server;
    try {
      server = Server.createTcpServer("-tcpPort", "0", "-ifNotExists").start();
    } catch (SQLException e) {
      throw new IllegalStateException("cannot start an H2 TCP server", e);
    }
    TcpProxy proxy = TcpProxy.to("127.0.0.1", server.getPort());
    String url = "jdbc:h2:tcp://127.0.0.1:" + proxy.port() + "/mem:outage-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    return new ProxiedDatabase("H2", url, "sa", "", proxy, server::stop);
  }

  /**
   * Returns the PostgreSQL test server behind a proxy, in a fresh schema; skips the calling test
   * when there is no server (fails under {@code CI=true}), as {@link Postgres#requireOrSkip()} does.
   */
  public static ProxiedDatabase postgres() {
    Postgres postgres = Postgres.requireOrSkip();
    URI server = URI.create(postgres.url().substring("jdbc:".length()));
    TcpProxy proxy = TcpProxy.to(server.getHost(), server.getPort() < 0 ? 5432 : server.getPort());
    String url = postgres.url().replaceFirst("//[^/]+/", "//127.0.0.1:" + proxy.port() + "/");
    return new ProxiedDatabase("PostgreSQL", url, postgres.user(), postgres.password(), proxy, postgres::close);
  }

  /**
   * Returns the arguments for a parameterized test on each database: a name, and how to get it
   * ({@code @MethodSource("dev.claude500.testing.ProxiedDatabase#each")}).
   */
  public static Stream<Arguments> each() {
    return Stream.of(
        Arguments.of("H2 over TCP", (Supplier<ProxiedDatabase>) ProxiedDatabase::h2),
        Arguments.of("PostgreSQL", (Supplier<ProxiedDatabase>) ProxiedDatabase::postgres));
  }

  /** Returns the JDBC URL through the proxy. */
  public String url() {
    return url;
  }

  /** Returns the user. */
  public String user() {
    return user;
  }

  /** Returns the password, empty when none. */
  public String password() {
    return password;
  }

  /** Returns the proxy to cut and restore. */
  public TcpProxy proxy() {
    return proxy;
  }

  /**
   * Opens a store on the database, whose calls wait half a second (not the usual three) for a
   * connection while the database is away, so that an outage costs a test little time.
   */
  public JdbcStore openStore() {
    return JdbcStores.open(url, user, password, Duration.ofMillis(500));
  }

  /** Cuts the proxy: the database is away. */
  public void cut() {
    proxy.cut();
  }

  /**
   * Restores the proxy and waits until {@code store} says it is reachable, asking every 50 ms as
   * steady traffic would: at most the pool's longest backoff (5 s) and its connection wait after the
   * database is back; fails after 10 s.
   */
  public void restore(Store store) {
    proxy.restore();
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (!store.isReachable()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("the store on " + kind + " is not reachable 10 s after the database came back");
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }

  @Override
  public String toString() {
    return kind;
  }

  @Override
  public void close() {
    proxy.close();
    behind.run();
  }
}
