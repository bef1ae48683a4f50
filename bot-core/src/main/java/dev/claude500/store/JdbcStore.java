package dev.claude500.store;

import com.zaxxer.hikari.HikariDataSource;
import dev.claude500.chat.SeenDeliveries;
import dev.claude500.commands.AutodetectStore;
import dev.claude500.commands.SubscriptionStore;
import dev.claude500.earlywarning.EarlyWarningStore;
import dev.claude500.incidents.IncidentHits;
import dev.claude500.incidents.Leases;
import dev.claude500.incidents.PostLedger;
import dev.claude500.incidents.WaitingTriages;
import dev.claude500.incidents.WatcherState;
import dev.claude500.metrics.BotMetrics;
import dev.claude500.triage.ConversationStore;
import dev.claude500.triage.TriageRecords;
import dev.claude500.outbox.OutboxStore;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A store in a SQL database: an H2 file (the default, {@code jdbc:h2:file:./data/claude500}), an
 * in-memory H2 database ({@code jdbc:h2:mem:...}), or PostgreSQL ({@code jdbc:postgresql://...},
 * shared by several replicas).
 *
 * <p>{@link #open} migrates the schema with Flyway, so opening is all a caller does. An H2 file
 * writes each commit through to the file as it is made ({@code WRITE_DELAY=0} unless the URL says
 * otherwise), so a process killed at any moment keeps every write it committed, and its free space
 * is given back when the store closes. Every write
 * that must happen once (creating a conversation, claiming a post, first sight of a delivery)
 * relies on a primary key, so it is safe between threads, processes and replicas alike. Every SQL
 * failure surfaces as a {@link StoreException}. Thread-safe: operations borrow connections from a
 * small pool (5 connections, by default at most 3 s to get one).
 *
 * <p>The store recovers by itself from faults that pass (see {@link StoreFault}): a connection lost,
 * a disk full or read-only for a while, a server that turned read-only. A call meeting one fails,
 * and the pool is emptied of the connections the fault may have spoilt; the pool takes no connection
 * to a database that cannot write (see {@link WritableConnections}), so an H2 file is opened afresh,
 * writable, once its files are. {@link #writeFault()} says what the latest write found; when nothing
 * wrote for {@value #WRITE_CHECK_SECONDS} s a background check writes one row to find out, at most
 * that often, so a readiness probe that reads it costs nothing.
 */
public final class JdbcStore implements Store {
  /** How long a call waits for a pooled connection before it fails. */
  public static final Duration DEFAULT_CONNECTION_WAIT = Duration.ofSeconds(3);
  /** How long the store may go without a write before its write check writes. */
  static final int WRITE_CHECK_SECONDS = 2;
  private static final int WRITE_CHECK_TIMEOUT_SECONDS = 2;
  private static final Logger LOG = LoggerFactory.getLogger(JdbcStore.class);

  private final HikariDataSource dataSource;
  private final DatabaseUrl url;
  private final Properties properties;
  private final AtomicBoolean closed = new AtomicBoolean();
  private final ConversationStore conversations;
  private final SubscriptionStore subscriptions;
  private final AutodetectStore autodetect;
  private final PostLedger ledger;
  private final SeenDeliveries seenDeliveries;
  private final Leases leases;
  private final WaitingTriages waitingTriages;
  private final WatcherState watcherState;
  private final IncidentHits incidentHits;
  private final OutboxStore outbox;
  private final EarlyWarningStore earlyWarnings;
  private final TriageRecords triageRecords;
  private final WriteHealth health;
  private final Jdbc jdbc;
  private final ScheduledExecutorService writeCheck;

  private JdbcStore(HikariDataSource dataSource, DatabaseUrl url, Properties properties, BotMetrics metrics) {
    this.dataSource = dataSource;
    this.url = url;
    this.properties = properties;
    this.health = new WriteHealth(url.toString(), System::nanoTime);
    this.jdbc = new Jdbc(dataSource, metrics, health, this::dropPooledConnections);
    this.conversations = new JdbcConversations(jdbc);
    this.subscriptions = new JdbcSubscriptions(jdbc);
    this.autodetect = new JdbcAutodetect(jdbc);
    this.ledger = new JdbcPostLedger(jdbc);
    this.seenDeliveries = new JdbcSeenDeliveries(jdbc);
    this.leases = new JdbcLeases(jdbc);
    this.waitingTriages = new JdbcWaitingTriages(jdbc);
    this.watcherState = new JdbcWatcherState(jdbc);
    this.incidentHits = new JdbcIncidentHits(jdbc);
    this.outbox = new JdbcOutbox(jdbc);
    this.earlyWarnings = new JdbcEarlyWarnings(jdbc);
    this.triageRecords = new JdbcTriageRecords(jdbc);
    this.writeCheck = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "claude500-store-check");
      t.setDaemon(true);
      return t;
    });
    writeCheck.scheduleWithFixedDelay(this::checkWrite, WRITE_CHECK_SECONDS, WRITE_CHECK_SECONDS, TimeUnit.SECONDS);
  }

  /**
   * Connects to the database, applies any pending migrations and returns the store.
   *
   * <p>For PostgreSQL, a {@code currentSchema=name} parameter in the URL puts everything in that
   * schema, created if missing (the first entry when it lists several). Several processes may open
   * the same database at once; migrations run once.
   *
   * @param jdbcUrl an H2 or PostgreSQL JDBC URL
   * @param user the user, or null or blank for the driver's default
   * @param password the password, or null or blank for none
   * @param connectionWait how long a call waits for a connection while the database cannot be
   *     reached, before it fails (at least 250 ms; e.g. {@link #DEFAULT_CONNECTION_WAIT})
   * @param metrics where every operation is timed and the connection pool's meters are published
   * @throws StoreException when the URL names no available driver, the database cannot be reached,
   *     or the migration fails; its message is one line naming the problem and the URL (with any
   *     password masked)
   */
  public static JdbcStore open(String jdbcUrl, String user, String password, Duration connectionWait,
      BotMetrics metrics) {
    Objects.requireNonNull(metrics, "metrics");
    if (connectionWait.toMillis() < 250) {
      throw new IllegalArgumentException("connectionWait must be at least 250 ms, was " + connectionWait);
    }
    DatabaseUrl url = new DatabaseUrl(Objects.requireNonNull(jdbcUrl, "jdbcUrl").strip());
    if (url.value().isEmpty()) {
      throw new StoreException("the store's JDBC URL is empty");
    }
    Properties properties = StoreConnections.properties(url, user, password);
    StoreConnections.probe(url, properties);
    HikariDataSource dataSource = StoreConnections.pool(url, properties, connectionWait, metrics);
    try {
      String version = Migrations.apply(dataSource, url.schema());
      LOG.info("Store open at {}, schema version {}", url, version);
      return new JdbcStore(dataSource, url, properties, metrics);
    } catch (RuntimeException e) {
      dataSource.close();
      throw new StoreException(
          "cannot migrate the store at " + url + ": " + Jdbc.oneLine(e.getMessage()), e);
    }
  }

  @Override
  public ConversationStore conversations() {
    return conversations;
  }

  @Override
  public SubscriptionStore subscriptions() {
    return subscriptions;
  }

  @Override
  public AutodetectStore autodetect() {
    return autodetect;
  }

  @Override
  public PostLedger ledger() {
    return ledger;
  }

  @Override
  public SeenDeliveries seenDeliveries() {
    return seenDeliveries;
  }

  @Override
  public Leases leases() {
    return leases;
  }

  @Override
  public WaitingTriages waitingTriages() {
    return waitingTriages;
  }

  @Override
  public WatcherState watcherState() {
    return watcherState;
  }

  @Override
  public IncidentHits incidentHits() {
    return incidentHits;
  }

  @Override
  public TriageRecords triageRecords() {
    return triageRecords;
  }

  /** Returns the messages the outbox has queued and not yet delivered. */
  public OutboxStore outbox() {
    return outbox;
  }

  /** Returns the early warning's failing triages and warnings. */
  public EarlyWarningStore earlyWarnings() {
    return earlyWarnings;
  }

  /**
   * Returns true when a pooled connection answers a validation within 2 s; false when the store is
   * closed, unreachable or slow (waiting at most the pool's connection wait, 3 s by default), and then the
   * pool is emptied of connections the outage may have broken. Once the database is back it answers
   * true within a few seconds (the pool retries connecting with a backoff of at most 5 s). Never
   * throws.
   */
  @Override
  public boolean isReachable() {
    if (dataSource.isClosed()) {
      return false;
    }
    try (Connection c = dataSource.getConnection()) {
      if (c.isValid(StoreConnections.VALIDATION_TIMEOUT_SECONDS)) {
        return true;
      }
      LOG.debug("Store at {} is not reachable: a pooled connection is no longer valid", url);
      dropPooledConnections();
      return false;
    } catch (SQLException | RuntimeException e) {
      LOG.debug("Store at {} is not reachable: {}", url, e.getMessage());
      return false;
    }
  }

  /**
   * Returns the fault that keeps the store from writing, as the latest write or write check found
   * ({@link StoreFault#UNREACHABLE} once closed), or empty when it can write. Reads state only: no
   * database call. A fault shows within about {@value #WRITE_CHECK_SECONDS} s and the pool's
   * connection wait; its end within about as long after the database can write again.
   */
  @Override
  public Optional<StoreFault> writeFault() {
    return dataSource.isClosed() ? Optional.of(StoreFault.UNREACHABLE) : health.fault();
  }

  /** Writes the check row unless a write succeeded lately; never throws. */
  private void checkWrite() {
    if (dataSource.isClosed() || health.wroteWithin(Duration.ofSeconds(WRITE_CHECK_SECONDS))) {
      return;
    }
    try {
      jdbc.checkWrite(WRITE_CHECK_TIMEOUT_SECONDS);
    } catch (StoreException e) {
      LOG.debug("Write check of the store at {}: {}", url, e.getMessage());
    } catch (RuntimeException e) {
      LOG.warn("Write check of the store at {} failed unexpectedly", url, e);
    }
  }

  /**
   * Closes every pooled connection (those in use once they come back), so that after a fault (the
   * database away for a moment, an H2 file that failed to write and closed its database) the next
   * call connects afresh instead of meeting a connection the fault broke.
   */
  private void dropPooledConnections() {
    try {
      if (!dataSource.isClosed() && dataSource.getHikariPoolMXBean() != null) {
        dataSource.getHikariPoolMXBean().softEvictConnections();
      }
    } catch (RuntimeException e) {
      LOG.debug("Could not empty the pool of the store at {}: {}", url, e.toString());
    }
  }

  /**
   * Stops the write check and closes the connection pool; never throws. An H2 file is then
   * compacted when at least half of it is free (see {@link H2Compaction}), which takes about a second
   * for tens of MB of live data.
   */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    writeCheck.shutdownNow();
    try {
      dataSource.close();
    } catch (RuntimeException e) {
      LOG.warn("Closing the store at {} failed: {}", url, e.toString());
      return;
    }
    if (url.isEmbeddedH2File()) {
      H2Compaction.compactIfWorthIt(url, properties);
    }
  }

  /** Returns the store's URL, any password masked. */
  @Override
  public String toString() {
    return "JdbcStore[" + url + "]";
  }
}
