package dev.claude500.metrics;

/**
 * The names of the bot's own meters, named once here so every part (and every dashboard or alert
 * written against them) uses the same ones. A Prometheus scrape shows them with dots as
 * underscores, counters ending {@code _total} and timers in seconds. {@link BotMetrics} records them.
 */
public final class MeterNames {
  /** Triages started. */
  public static final String TRIAGES_STARTED = "claude500.triages.started";
  /** Triages that reached a branch's first move, tagged {@code branch}. */
  public static final String TRIAGES_BRANCH = "claude500.triages.branch";
  /** Triages ended, tagged {@code outcome}. */
  public static final String TRIAGES_ENDED = "claude500.triages.ended";
  /** Questions asked per ended triage. */
  public static final String TRIAGE_QUESTIONS = "claude500.triage.questions";
  /** Time from a request's arrival to its acknowledgement, tagged {@code platform} and {@code kind}. */
  public static final String ACK_LATENCY = "claude500.ack.latency";
  /** Status-page fetches, tagged {@code endpoint} and {@code result} (200, 304, error). */
  public static final String STATUS_FETCHES = "claude500.status.fetches";
  /** Age of the cached status-page data, in seconds; NaN while there is none. */
  public static final String STATUS_AGE = "claude500.status.age";
  /** Incident posts, tagged {@code platform} and {@code result} (posted, edited, found, deferred, refused). */
  public static final String INCIDENT_POSTS = "claude500.incident.posts";
  /** Waits a platform's rate limit imposed, tagged {@code platform}. */
  public static final String RATE_LIMIT_WAITS = "claude500.ratelimit.waits";
  /** Store operations, tagged {@code op} (read, write, transaction). */
  public static final String STORE_LATENCY = "claude500.store.latency";
  /** Rows the retention purged, tagged {@code table}. */
  public static final String STORE_PURGED = "claude500.store.purged";
  /** HTTP connections cut for being too slow, tagged {@code reason} (headers, body). */
  public static final String HTTP_CUT = "claude500.http.connections.cut";
  /** Early warnings open now (triages failing on a green page, posted before the page shows an incident). */
  public static final String EARLY_WARNINGS_OPEN = "claude500.early.warnings.open";
  /** HTTP requests refused without being acted on, tagged {@code reason} (too_large, busy, late). */
  public static final String HTTP_REFUSED = "claude500.http.requests.refused";
  /** Calls to the status-page webhook, tagged {@code result} (see {@link BotMetrics#webhookPoke}). */
  public static final String WEBHOOK_POKES = "claude500.webhook.pokes";
  /** Gauge: people hit by each open incident (every workspace), tagged {@code incident}. */
  public static final String PEOPLE_HIT = "claude500.incident.people.hit";

  private MeterNames() {}
}
