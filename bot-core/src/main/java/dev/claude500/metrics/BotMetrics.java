package dev.claude500.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

/**
 * The bot's own meters, recorded under the names {@link MeterNames} gives and the same tags
 * everywhere. A Prometheus scrape shows them with dots as underscores, counters ending {@code
 * _total} and timers in seconds (e.g. {@code claude500_triages_started_total}, {@code
 * claude500_ack_latency_seconds}).
 *
 * <p>Tag values come from small closed sets (a platform, a branch of a playbook, an outcome, a
 * result word), never from user input, so the number of series stays bounded. {@link #none()}
 * records nothing, for parts built without a registry (tests, console mode). Thread-safe.
 */
public final class BotMetrics {
  private static final Duration[] ACK_BUCKETS = {
    Duration.ofMillis(10), Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(300),
    Duration.ofSeconds(1), Duration.ofSeconds(3)
  };
  private static final double[] QUESTION_BUCKETS = {1, 2, 3, 4, 5, 8, 13};

  private final MeterRegistry registry;
  private final MultiGauge peopleHit;

  /**
   * Creates the meters' facade over a registry.
   *
   * @param registry where meters are registered, e.g. a Prometheus registry
   */
  public BotMetrics(MeterRegistry registry) {
    this.registry = Objects.requireNonNull(registry, "registry");
    this.peopleHit = MultiGauge.builder(MeterNames.PEOPLE_HIT).description("People hit by each open incident")
        .register(registry);
  }

  /** Returns metrics that record nothing. */
  public static BotMetrics none() {
    return new BotMetrics(new CompositeMeterRegistry());
  }

  /** Returns the registry, for libraries that register meters of their own (the connection pool). */
  public MeterRegistry registry() {
    return registry;
  }

  /** Counts a triage started with a playbook. */
  public void triageStarted(String playbook) {
    started(playbook).increment();
  }

  private Counter started(String playbook) {
    return counter(MeterNames.TRIAGES_STARTED, "Triages started", "playbook", playbook);
  }

  /** Counts a triage that reached a branch's first move. */
  public void branchReached(String branch) {
    branch(branch).increment();
  }

  private Counter branch(String branch) {
    return counter(MeterNames.TRIAGES_BRANCH, "Triages that reached a branch's first move", "branch", branch);
  }

  /**
   * Counts an ended triage and records how many questions it asked.
   *
   * @param outcome how it ended, e.g. {@code resolved}, {@code escalated}, {@code abandoned}
   * @param questions the questions it asked
   */
  public void triageEnded(String outcome, int questions) {
    ended(outcome).increment();
    questions().record(questions);
  }

  private Counter ended(String outcome) {
    return counter(MeterNames.TRIAGES_ENDED, "Triages ended, by outcome", "outcome", outcome);
  }

  private DistributionSummary questions() {
    return DistributionSummary.builder(MeterNames.TRIAGE_QUESTIONS).description("Questions asked per ended triage")
        .serviceLevelObjectives(QUESTION_BUCKETS).register(registry);
  }

  /**
   * Registers every counter of the bot with every label value known at start, at zero, so that a
   * fresh bot exports each series (an alert on a rate reads 0, not "no data"): triages by the
   * playbooks, branches and outcomes given, incident posts by the platforms given and every result,
   * and the closed sets {@link KnownLabels} names (status fetches, purged tables, HTTP cuts and
   * refusals). Counts already made are kept. The webhook's counter: {@link #webhookPokesAtZero()}.
   */
  public void startAtZero(KnownLabels known) {
    Objects.requireNonNull(known, "known");
    known.playbooks().forEach(this::started);
    known.branches().forEach(this::branch);
    known.outcomes().forEach(this::ended);
    questions();
    for (String platform : known.platforms()) {
      KnownLabels.POST_RESULTS.forEach(result -> posts(platform, result));
    }
    for (String endpoint : KnownLabels.STATUS_ENDPOINTS) {
      KnownLabels.FETCH_RESULTS.forEach(result -> fetches(endpoint, result));
    }
    KnownLabels.PURGED_TABLES.forEach(this::purgedRows);
    KnownLabels.CUT_REASONS.forEach(this::cut);
    KnownLabels.REFUSED_REASONS.forEach(this::refused);
  }

  /** Registers the status-page webhook's counter at zero for every result, for a bot whose webhook is on. */
  public void webhookPokesAtZero() {
    KnownLabels.POKE_RESULTS.forEach(this::pokes);
  }

  /**
   * Records how long a request waited for its acknowledgement.
   *
   * @param platform e.g. {@code slack}
   * @param kind what was acknowledged, e.g. {@code command}, {@code action}, {@code event}
   */
  public void ack(String platform, String kind, Duration took) {
    Timer.builder(MeterNames.ACK_LATENCY).description("Time from a request's arrival to its acknowledgement")
        .tags("platform", word(platform), "kind", word(kind))
        .serviceLevelObjectives(ACK_BUCKETS).register(registry).record(took);
  }

  /**
   * Counts a status-page fetch.
   *
   * @param endpoint e.g. {@code summary}
   * @param result {@code 200}, {@code 304} or {@code error}
   */
  public void statusFetch(String endpoint, String result) {
    fetches(endpoint, result).increment();
  }

  private Counter fetches(String endpoint, String result) {
    return Counter.builder(MeterNames.STATUS_FETCHES).description("Status page fetches, by result")
        .tags("endpoint", word(endpoint), "result", word(result)).register(registry);
  }

  /**
   * Publishes the age of cached status-page data as a gauge read at each scrape.
   *
   * @param fetchedAt when the data now served was fetched, empty while there is none
   */
  public void statusAge(Supplier<Optional<Instant>> fetchedAt, Clock clock) {
    Objects.requireNonNull(fetchedAt, "fetchedAt");
    Objects.requireNonNull(clock, "clock");
    Gauge.builder(MeterNames.STATUS_AGE, () -> fetchedAt.get()
            .map(at -> Duration.between(at, clock.instant()).toMillis() / 1000.0).orElse(Double.NaN))
        .description("Age of the cached status page data").baseUnit("seconds").register(registry);
  }

  /**
   * Publishes the number of open early warnings as a gauge read at each scrape.
   *
   * @param open returns how many are open; read on the scraping thread, so it should be quick
   */
  public void openEarlyWarnings(IntSupplier open) {
    Objects.requireNonNull(open, "open");
    Gauge.builder(MeterNames.EARLY_WARNINGS_OPEN, () -> open.getAsInt())
        .description("Early warnings open now").register(registry);
  }

  /**
   * Counts an incident post.
   *
   * @param platform e.g. {@code slack}
   * @param result {@code posted}, {@code edited} (a post brought up to date), {@code found} (already
   *     there), {@code deferred} or {@code refused}
   */
  public void incidentPost(String platform, String result) {
    posts(platform, result).increment();
  }

  private Counter posts(String platform, String result) {
    return Counter.builder(MeterNames.INCIDENT_POSTS).description("Incident posts, by platform and result")
        .tags("platform", word(platform), "result", word(result)).register(registry);
  }

  /** Records a wait a platform's rate limit imposed (its {@code Retry-After}). */
  public void rateLimitWait(String platform, Duration wait) {
    Timer.builder(MeterNames.RATE_LIMIT_WAITS).description("Waits imposed by a platform's rate limit")
        .tag("platform", word(platform)).register(registry).record(wait);
  }

  /**
   * Returns the timer for one kind of store operation.
   *
   * @param op {@code read}, {@code write} or {@code transaction}
   */
  public Timer storeTimer(String op) {
    return Timer.builder(MeterNames.STORE_LATENCY).description("Store operations").tag("op", word(op)).register(registry);
  }

  /**
   * Counts rows the retention purged from one table.
   *
   * @param table e.g. {@code conversation}, {@code seen_delivery}, {@code post_ledger}
   * @param rows how many; 0 still shows the table's series
   */
  public void purged(String table, int rows) {
    purgedRows(table).increment(rows);
  }

  private Counter purgedRows(String table) {
    return counter(MeterNames.STORE_PURGED, "Rows purged as older than the retention, by table", "table", table);
  }

  /**
   * Counts an HTTP connection cut for being too slow.
   *
   * @param reason {@code headers} (its request's headers did not arrive in time) or {@code body}
   *     (its body did not)
   */
  public void httpCut(String reason) {
    cut(reason).increment();
  }

  private Counter cut(String reason) {
    return counter(MeterNames.HTTP_CUT, "HTTP connections cut for being too slow", "reason", reason);
  }

  /**
   * Counts an HTTP request refused without being acted on.
   *
   * @param reason {@code too_large} (its body), {@code busy} (its route's queue was full) or
   *     {@code late} (picked up after the sender stopped waiting)
   */
  public void httpRefused(String reason) {
    refused(reason).increment();
  }

  private Counter refused(String reason) {
    return counter(MeterNames.HTTP_REFUSED, "HTTP requests refused without being acted on", "reason", reason);
  }

  /**
   * Counts a call to the status-page webhook.
   *
   * @param result {@code now}, {@code later} or {@code joined} (what became of the read it asked
   *     for), {@code unknown_token} (answered 404), {@code not_post} (answered 405) or {@code
   *     relayed} (a call another replica of the store took, passed on)
   */
  public void webhookPoke(String result) {
    pokes(result).increment();
  }

  private Counter pokes(String result) {
    return counter(MeterNames.WEBHOOK_POKES, "Calls to the status-page webhook, by result", "result", result);
  }

  /**
   * Sets the people hit by each open incident; incidents not named (no longer open) leave the
   * gauge. Thread-safe; the last call wins.
   */
  public synchronized void peopleHit(Map<String, Integer> byOpenIncident) {
    List<MultiGauge.Row<?>> rows = new ArrayList<>();
    new TreeMap<>(byOpenIncident).forEach((id, n) -> rows.add(MultiGauge.Row.of(Tags.of("incident", id), n)));
    peopleHit.register(rows, true);
  }

  /** Records how long {@code work} took on {@code timer}; returns its value. */
  public static <T> T timed(Timer timer, Supplier<T> work) {
    long start = System.nanoTime();
    try {
      return work.get();
    } finally {
      timer.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
    }
  }

  /** Returns the counter {@code name} of one tag, {@code key} = {@code value} as a label word. */
  private Counter counter(String name, String description, String key, String value) {
    return Counter.builder(name).description(description).tag(key, word(value)).register(registry);
  }

  private static String word(String value) {
    return value == null || value.isBlank() ? "none" : value.toLowerCase(Locale.ROOT);
  }
}
