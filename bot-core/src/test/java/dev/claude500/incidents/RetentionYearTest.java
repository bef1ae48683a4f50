package dev.claude500.incidents;


import dev.claude500.chat.ChannelRef;
import dev.claude500.chat.ConversationKey;
import dev.claude500.commands.Filters;
import dev.claude500.commands.Subscription;
import dev.claude500.metrics.BotMetrics;
import dev.claude500.metrics.MeterNames;
import dev.claude500.status.FetchResult;
import dev.claude500.status.Incident;
import dev.claude500.status.IncidentList;
import dev.claude500.status.IncidentStatus;
import dev.claude500.status.IncidentUpdate;
import dev.claude500.status.StatusPage;
import dev.claude500.status.Summary;
import dev.claude500.store.JdbcStore;
import dev.claude500.testing.JdbcStores;
import dev.claude500.testing.Postgres;
import dev.claude500.testing.Watchers;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import static dev.claude500.incidents.Pages.API;
import static dev.claude500.incidents.Pages.CODE;
import static dev.claude500.incidents.Pages.incident;
import static dev.claude500.incidents.Pages.update;
import static dev.claude500.status.IncidentStatus.IDENTIFIED;
import static dev.claude500.status.IncidentStatus.INVESTIGATING;
import static dev.claude500.status.IncidentStatus.MONITORING;
import static dev.claude500.status.IncidentStatus.RESOLVED;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A year of a busy team's traffic on the real store, with the watcher purging as it does in the bot:
 * every table stays bounded by about the retention's worth of rows.
 *
 * <p>Each simulated day brings 50 triages that end (their conversations, written as the engine
 * stores them, about 1.3 KB each), 150 seen deliveries (a command, a click and a reply each), and a
 * triage that waits for an incident on a platform that does not run here, so it is never followed
 * up; every 60 hours an incident opens on the page and resolves three hours later, posted to 10
 * subscribed channels. The day's triages and deliveries are written in one batch at its end, with
 * their times spread over the day, rather than one by one (the purge counts ages, not writes). The
 * watcher itself runs as in the bot, on a clock the test moves by the delays it asks for, with a
 * poll interval of six hours rather than seconds (a year of real rounds would take too long): a
 * round every six hours, every three while an incident is open, and the hourly purge at each. H2
 * runs the whole year; PostgreSQL, where each statement costs a round trip, 75 days: two and a half
 * retentions, long enough to reach the steady state and hold it.
 */
class RetentionYearTest {
  private static final Logger LOG = LoggerFactory.getLogger(RetentionYearTest.class);
  private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
  private static final Duration KEPT = IncidentWatcher.DEFAULT_RETENTION;
  private static final int YEAR = 365;
  /** Days simulated on PostgreSQL: two and a half retentions, so the steady state is reached and held. */
  private static final int POSTGRES_DAYS = 75;
  /** The watcher's poll interval, so the time between its rounds (half that while an incident is open). */
  private static final Duration ROUND = Duration.ofHours(6);
  private static final int TRIAGES_PER_DAY = 50;
  private static final int DELIVERIES_PER_TRIAGE = 3;
  private static final int CHANNELS = 10;
  private static final Duration INCIDENT_EVERY = Duration.ofHours(60);
  /** When an incident's later updates come after it opened: identified, monitoring, resolved. */
  private static final List<Duration> STEPS = List.of(Duration.ofMinutes(30), Duration.ofHours(2), Duration.ofHours(3));
  private static final List<String> TABLES = List.of("conversation", "seen_delivery", "post_ledger", "waiting_triage");
  /** A conversation as the engine stores one that ended with evidence: about 1.3 KB of JSON. */
  private static final String STATE = "{\"playbook\":\"claude-code-500\",\"open\":false,\"outcome\":\"RESOLVED\","
      + "\"evidence\":{\"error_line\":\"API Error: 500 {\\\"type\\\":\\\"error\\\",\\\"error\\\":{\\\"type\\\":"
      + "\\\"api_error\\\",\\\"message\\\":\\\"Internal server error\\\"},\\\"request_id\\\":\\\"req_011CXmPAT8xd3G\\\"}\","
      + "\"status_output\":\"" + "Auth token: claude.ai (OAuth) / Model: default / MCP servers: 2 ".repeat(12)
      + "\"},\"answers\":[\"green\",\"every-session\",\"still-failing\"],\"turn\":7}";

  @ParameterizedTest(name = "on {0}")
  @ValueSource(strings = {"h2", "postgresql"})
  @Timeout(value = 5, unit = TimeUnit.MINUTES)
  @DisplayName("A year of 50 triages a day and incident posts to 10 channels keeps about 30 days of rows"
      + " (75 days on PostgreSQL)")
  void aYearStaysBounded(String database) throws Exception {
    if (database.equals("postgresql")) {
      try (Postgres postgres = Postgres.requireOrSkip()) {
        try (JdbcStore store = JdbcStores.open(postgres.url(), postgres.user(), postgres.password())) {
          simulate(store, postgres::connect, POSTGRES_DAYS);
        }
      }
    } else {
      String url = "jdbc:h2:mem:year-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
      try (JdbcStore store = JdbcStores.open(url, null, null)) {
        simulate(store, () -> DriverManager.getConnection(url), YEAR);
      }
    }
  }

  /** Opens a connection to the store's database behind its back. */
  @FunctionalInterface
  interface Connector {
    Connection connect() throws SQLException;
  }

  private void simulate(JdbcStore store, Connector db, int days) throws Exception {
    YearPage page = new YearPage();
    Harness h = new Harness(store, START, page);
    page.clock = h.clock;
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    h.watcher = Watchers.reading(h.source, store, h.ports, h.engine, h.clock, ROUND, "year", () -> 0.0, KEPT,
        new BotMetrics(registry));
    for (int c = 0; c < CHANNELS; c++) {
      store.subscriptions().save(new Subscription(new ChannelRef("slack", "C" + c), Set.of(), "U1", START, Filters.DEFAULT));
    }
    Map<String, Long> most = new LinkedHashMap<>();
    long started = System.nanoTime();
    long cpu = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    try (Connection c = db.connect()) {
      for (int day = 0; day < days; day++) {
        for (Instant end = h.clock.instant().plus(Duration.ofDays(1)); h.clock.instant().isBefore(end); ) {
          Duration next = h.tick();
          h.clock.advance(next.compareTo(Duration.between(h.clock.instant(), end)) < 0 ? next
              : Duration.between(h.clock.instant(), end));
        }
        writeDay(c, day, h.clock.instant());
        if (day >= KEPT.toDays() + 2) {
          counts(c).forEach((t, n) -> most.merge(t, n, Math::max));
          if (day % 7 == 0) {
            assertNothingOlderThanKept(c, h.clock.instant(), day);
          }
        }
      }
      Map<String, Long> kept = counts(c);
      Map<String, Long> written = new LinkedHashMap<>();
      kept.forEach((t, n) -> written.put(t, n + (long) registry.get(MeterNames.STORE_PURGED).tag("table", t)
          .counter().count()));
      LOG.info("{} days on {} in {} s ({} s of this thread's CPU): written {}; kept at the end {}; most kept on any"
          + " day after the first month {}", days, c.getMetaData().getDatabaseProductName(),
          (System.nanoTime() - started) / 1_000_000_000,
          (ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpu) / 1_000_000_000, written, kept, most);
      long perDay = TRIAGES_PER_DAY;
      assertThat(most.get("conversation")).isLessThanOrEqualTo((KEPT.toDays() + 2) * perDay);
      assertThat(most.get("seen_delivery")).isLessThanOrEqualTo((KEPT.toDays() + 2) * perDay * DELIVERIES_PER_TRIAGE);
      assertThat(most.get("waiting_triage")).isLessThanOrEqualTo(KEPT.toDays() + 2);
      assertThat(kept.get("conversation")).isGreaterThan((KEPT.toDays() - 1) * perDay);
      // a waiting triage keeps the entries of its incident, which opened up to 60 hours before it began to wait
      long incidentsKept = KEPT.plus(INCIDENT_EVERY).toHours() / INCIDENT_EVERY.toHours() + 2;
      assertThat(most.get("post_ledger"))
          .isLessThanOrEqualTo(incidentsKept * CHANNELS * rowsPerIncidentPerChannel(h, days));
      assertThat(h.slack.topLevel(new ChannelRef("slack", "C0"))).as("every incident posted once")
          .hasSize((int) (Duration.ofDays(days).toHours() / INCIDENT_EVERY.toHours()));
    }
  }

  /**
   * The page on the test's clock: an incident every 60 hours, each resolved three hours after it
   * opened, and like Statuspage's list the latest 50 of them, newest first.
   */
  private static final class YearPage implements StatusPage {
    private static final URI SOURCE = URI.create("http://year.test/api/v2/");
    /** The harness's clock, once it has one. */
    private Clock clock;

    @Override
    public FetchResult<IncidentList> incidents() {
      return new FetchResult.Fetched<>(new IncidentList(Pages.PAGE, shown()), SOURCE);
    }

    @Override
    public FetchResult<Summary> summary() {
      return new FetchResult.Fetched<>(Pages.summary(shown().stream().filter(Incident::isOpen).toList(), List.of()),
          SOURCE);
    }

    private List<Incident> shown() {
      Instant now = clock.instant();
      long latest = Duration.between(START, now).toHours() / INCIDENT_EVERY.toHours();
      List<Incident> shown = new ArrayList<>();
      for (long k = latest; k >= Math.max(0, latest - 49); k--) {
        incidentAt(k, now).ifPresent(shown::add);
      }
      return shown;
    }

    /** Returns incident {@code k} as it stands at {@code now}, unless it has not opened yet. */
    private static Optional<Incident> incidentAt(long k, Instant now) {
      Instant opened = START.plus(INCIDENT_EVERY.multipliedBy(k)).plusSeconds(600);
      if (opened.isAfter(now)) {
        return Optional.empty();
      }
      String id = "inc" + k;
      List<IncidentUpdate> updates = new ArrayList<>();
      updates.add(update(id + "-1", id, INVESTIGATING, opened, "We are investigating elevated errors."));
      List<IncidentStatus> statuses = List.of(IDENTIFIED, MONITORING, RESOLVED);
      for (int i = 0; i < statuses.size(); i++) {
        Instant at = opened.plus(STEPS.get(i));
        if (!at.isAfter(now)) {
          updates.add(update(id + "-" + (i + 2), id, statuses.get(i), at, "Update " + (i + 2) + "."));
        }
      }
      return Optional.of(incident(id, "Elevated errors " + k, List.of(CODE, API),
          updates.toArray(IncidentUpdate[]::new)));
    }
  }

  /** Writes a day's ended triages, their deliveries and one waiting triage, their times spread over the day. */
  private static void writeDay(Connection c, int day, Instant end) throws SQLException {
    c.setAutoCommit(false);
    try (PreparedStatement conversation = c.prepareStatement("INSERT INTO conversation (platform, channel_id,"
            + " thread_id, state, version, is_open, updated_at) VALUES (?, ?, ?, ?, 3, FALSE, ?)");
        PreparedStatement delivery = c.prepareStatement("INSERT INTO seen_delivery (delivery_id, seen_at) VALUES (?, ?)");
        PreparedStatement waiting = c.prepareStatement("INSERT INTO waiting_triage (platform, channel_id, thread_id,"
            + " incident_id, since) VALUES (?, ?, ?, ?, ?)")) {
      for (int i = 0; i < TRIAGES_PER_DAY; i++) {
        OffsetDateTime at = time(end.minus(Duration.ofDays(1)).plusSeconds(i * 86_400L / TRIAGES_PER_DAY));
        String thread = day + "." + i;
        conversation.setString(1, "slack");
        conversation.setString(2, "C" + (i % CHANNELS));
        conversation.setString(3, thread);
        conversation.setString(4, STATE);
        conversation.setObject(5, at);
        conversation.addBatch();
        for (int d = 0; d < DELIVERIES_PER_TRIAGE; d++) {
          delivery.setString(1, "Ev" + thread + "." + d);
          delivery.setObject(2, at);
          delivery.addBatch();
        }
      }
      // a triage waiting on the latest incident, on a platform that does not run here: never followed up
      ConversationKey key = new ConversationKey("teams", "T1", "w" + day);
      conversation.setString(1, key.platform());
      conversation.setString(2, key.channel());
      conversation.setString(3, key.thread());
      conversation.setString(4, STATE);
      conversation.setObject(5, time(end.minusSeconds(3_600)));
      conversation.addBatch();
      waiting.setString(1, key.platform());
      waiting.setString(2, key.channel());
      waiting.setString(3, key.thread());
      // the latest incident opened before it began to wait
      waiting.setString(4, "inc" + (Duration.between(START, end).toHours() - 1) / INCIDENT_EVERY.toHours());
      waiting.setObject(5, time(end.minusSeconds(3_600)));
      waiting.addBatch();
      conversation.executeBatch();
      delivery.executeBatch();
      waiting.executeBatch();
      c.commit();
    } finally {
      c.setAutoCommit(true);
    }
  }

  private static OffsetDateTime time(Instant t) {
    return OffsetDateTime.ofInstant(t, ZoneOffset.UTC);
  }

  private static Map<String, Long> counts(Connection c) throws SQLException {
    Map<String, Long> counts = new LinkedHashMap<>();
    for (String table : TABLES) {
      counts.put(table, count(c, "SELECT COUNT(*) FROM " + table, Optional.empty()));
    }
    return counts;
  }

  private static long count(Connection c, String sql, Optional<Instant> param) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      if (param.isPresent()) {
        ps.setObject(1, time(param.get()));
      }
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  /**
   * Nothing is older than the retention and a day but waiting triages' conversations, and the ledger
   * entries of the incident a waiting triage waits on (which opened up to 60 hours before it waited).
   */
  private static void assertNothingOlderThanKept(Connection c, Instant now, int day) throws SQLException {
    Optional<Instant> old = Optional.of(now.minus(KEPT).minus(Duration.ofDays(1)));
    assertThat(count(c, "SELECT COUNT(*) FROM conversation WHERE updated_at < ? AND NOT EXISTS (SELECT 1 FROM"
        + " waiting_triage w WHERE w.thread_id = conversation.thread_id)", old)).as("day %d", day).isZero();
    assertThat(count(c, "SELECT COUNT(*) FROM seen_delivery WHERE seen_at < ?", old)).as("day %d", day).isZero();
    Optional<Instant> oldIncident = Optional.of(old.get().minus(INCIDENT_EVERY));
    assertThat(count(c, "SELECT COUNT(*) FROM post_ledger WHERE claimed_at < ?", oldIncident)).as("day %d", day)
        .isZero();
    assertThat(count(c, "SELECT COUNT(*) FROM waiting_triage WHERE since < ?", old)).as("day %d", day).isZero();
  }

  /** Returns the ledger entries one incident leaves in one channel, as the first one left them. */
  private static long rowsPerIncidentPerChannel(Harness h, int days) {
    return h.store.ledger().forIncident("inc" + (Duration.ofDays(days).toHours() / INCIDENT_EVERY.toHours() - 1))
        .stream().filter(e -> e.channel().channelId().equals("C0")).count();
  }
}
