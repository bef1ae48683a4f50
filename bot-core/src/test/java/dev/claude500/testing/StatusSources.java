package dev.claude500.testing;

import dev.claude500.metrics.BotMetrics;
import dev.claude500.status.CachingStatusSource;
import dev.claude500.status.StatusPage;
import dev.claude500.status.StatuspageClient;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * Builds status-page clients and status caches for tests through the launcher's constructors: no
 * metrics and the default body limit, and caches on the system clock fetching on a pool of their
 * own, unless a test names them.
 */
public final class StatusSources {
  private StatusSources() {}

  /** Returns a client of {@code baseUrls} with the default body limit and no metrics. */
  public static StatuspageClient client(List<URI> baseUrls, Duration connectTimeout, Duration requestTimeout) {
    return new StatuspageClient(baseUrls, connectTimeout, requestTimeout, StatuspageClient.DEFAULT_MAX_BODY_BYTES,
        BotMetrics.none());
  }

  /** Returns a cache reading through {@code client} with the default refresh period and first-load wait. */
  public static CachingStatusSource cache(StatuspageClient client) {
    return cache(client, CachingStatusSource.DEFAULT_REFRESH_AFTER, CachingStatusSource.DEFAULT_FIRST_LOAD_WAIT);
  }

  /** Returns a cache reading through {@code client} on the system clock, fetching on a pool of its own. */
  public static CachingStatusSource cache(StatuspageClient client, Duration refreshAfter, Duration firstLoadWait) {
    return new CachingStatusSource(StatusPage.of(client), refreshAfter, firstLoadWait, Clock.systemUTC(),
        CachingStatusSource.newFetchPool());
  }
}
