package dev.claude500.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Passes status-page pokes between the replicas that share one PostgreSQL store, with PostgreSQL's
 * {@code LISTEN}/{@code NOTIFY}: a webhook call reaches whichever replica the load balancer picks,
 * while only the one holding the watcher's lease posts, so each replica {@link #tell()}s the others
 * of the pokes it takes and hears theirs ({@code onPoke}). One connection of its own listens, on a
 * daemon thread, and another tells, on a thread of its own (a tell never holds up the caller; tells
 * that come while one waits are one); a broken connection is opened again after {@link #RETRY}, and
 * what is said meanwhile is lost (polling is the safety net). The channel is the store's: replicas
 * on other schemas of the same database do not hear each other. Thread-safe.
 */
public final class PokeRelay implements AutoCloseable {
  /** How long after a broken connection the next try comes. */
  static final Duration RETRY = Duration.ofSeconds(5);
  private static final int WAIT_MILLIS = 1000;
  private static final Logger LOG = LoggerFactory.getLogger(PokeRelay.class);

  private final String url;
  private final String user;
  private final String password;
  private final String replica;
  private final Runnable onPoke;
  private final String channel;
  private final Thread listener;
  private final ThreadPoolExecutor telling;
  private volatile boolean closed;
  private volatile boolean listening;
  private volatile Connection teller;
  private boolean tellFailing;

  private PokeRelay(String url, String user, String password, String replica, Runnable onPoke) {
    this.url = url;
    this.user = user;
    this.password = password;
    this.replica = replica;
    this.onPoke = onPoke;
    this.channel = channelOf(url);
    this.listener = new Thread(this::listen, "claude500-poke-relay");
    this.listener.setDaemon(true);
    this.telling = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(1), r -> {
      Thread t = new Thread(r, "claude500-poke-teller");
      t.setDaemon(true);
      return t;
    }, new ThreadPoolExecutor.DiscardPolicy());
  }

  /**
   * Starts listening when {@code jdbcUrl} is PostgreSQL's; empty for any other store (one replica
   * on H2 has nobody to tell).
   *
   * @param replica this replica's name: its own pokes are not heard back
   * @param onPoke what to do when another replica took a poke; must return quickly
   */
  public static Optional<PokeRelay> start(String jdbcUrl, String user, String password, String replica,
      Runnable onPoke) {
    Objects.requireNonNull(jdbcUrl, "jdbcUrl");
    if (!jdbcUrl.startsWith("jdbc:postgresql:")) {
      return Optional.empty();
    }
    PokeRelay relay = new PokeRelay(jdbcUrl, user, password, Objects.requireNonNull(replica, "replica"),
        Objects.requireNonNull(onPoke, "onPoke"));
    relay.listener.start();
    return Optional.of(relay);
  }

  /** Returns the channel of the store at {@code jdbcUrl}: one per database URL and schema. */
  static String channelOf(String jdbcUrl) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(jdbcUrl.replaceAll("password=[^&;]*", "")
          .getBytes(StandardCharsets.UTF_8));
      return "claude500_poke_" + HexFormat.of().formatHex(d, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this Java", e);
    }
  }

  /**
   * Tells the other replicas of a poke taken here, on the relay's own thread: returns at once. Never
   * throws; a failure is logged once until it passes.
   */
  public void tell() {
    if (!closed) {
      telling.execute(this::tellNow);
    }
  }

  private synchronized void tellNow() {
    if (closed) {
      return;
    }
    try {
      if (teller == null || teller.isClosed()) {
        teller = connect();
      }
      try (PreparedStatement s = teller.prepareStatement("SELECT pg_notify(?, ?)")) {
        s.setString(1, channel);
        s.setString(2, replica);
        s.execute();
      }
      tellFailing = false;
    } catch (SQLException e) {
      if (!tellFailing) {
        LOG.warn("Cannot tell the other replicas of a status-page poke ({}); they read at their next poll", e.toString());
      }
      tellFailing = true;
      closeQuietly(teller);
      teller = null;
    }
  }

  private void listen() {
    boolean failing = false;
    while (!closed) {
      try (Connection c = connect()) {
        try (Statement s = c.createStatement()) {
          s.execute("LISTEN " + channel);
        }
        if (failing) {
          LOG.info("Listening for the other replicas' status-page pokes again");
        }
        failing = false;
        listening = true;
        PGConnection pg = c.unwrap(PGConnection.class);
        while (!closed) {
          PGNotification[] heard = pg.getNotifications(WAIT_MILLIS);
          for (PGNotification n : heard == null ? new PGNotification[0] : heard) {
            if (!replica.equals(n.getParameter())) {
              onPoke.run();
            }
          }
        }
      } catch (SQLException | RuntimeException e) {
        listening = false;
        if (closed) {
          return;
        }
        if (!failing) {
          LOG.warn("Not hearing the other replicas' status-page pokes ({}); trying again every {} s", e.toString(),
              RETRY.toSeconds());
        }
        failing = true;
        try {
          Thread.sleep(RETRY.toMillis());
        } catch (InterruptedException stop) {
          return;
        }
      }
    }
  }

  /** Returns true while the relay's listening connection is up and listens. */
  public boolean listening() {
    return listening && !closed;
  }

  private Connection connect() throws SQLException {
    Properties p = new Properties();
    if (user != null) {
      p.setProperty("user", user);
    }
    if (password != null) {
      p.setProperty("password", password);
    }
    p.setProperty("connectTimeout", "5");
    p.setProperty("socketTimeout", "10");
    return DriverManager.getConnection(url, p);
  }

  /** Stops listening and closes both connections; waits a second at most. */
  @Override
  public void close() {
    closed = true;
    telling.shutdownNow();
    listener.interrupt();
    closeQuietly(teller); // a tell under way fails at once

    try {
      listener.join(WAIT_MILLIS + 500);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void closeQuietly(Connection c) {
    if (c == null) {
      return;
    }
    try {
      c.close();
    } catch (SQLException ignored) {
      // closing what is already broken
    }
  }
}
