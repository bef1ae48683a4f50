package dev.claude500.status;

import com.github.benmanes.caffeine.cache.AsyncCacheLoader;
import com.github.benmanes.caffeine.cache.AsyncLoadingCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link StatusSource} that keeps the page's summary in a Caffeine cache, fed by the {@link
 * StatusPoller}'s reads ({@link #record(FetchResult)}) and reading the page itself only when nobody
 * fed it.
 *
 * <ul>
 *   <li>Every read the poller makes lands here, so while the poller runs no caller meets old data
 *       and the cache makes no request of its own.
 *   <li>A cold cache (nothing read yet) fetches on the first call; concurrent callers share that
 *       one fetch: fifty threads asking at once cause one request.
 *   <li>Once the refresh period has passed since the last write, the next read starts a refresh in
 *       the background and still answers at once with what it had; {@link #refresh()} starts one
 *       explicitly.
 *   <li>A {@code 304} keeps the summary and counts as fresh (its {@code asOf} moves to now).
 *   <li>When the page fails, callers get the last good summary marked stale with its original
 *       {@code asOf}, or an unknown snapshot when there never was one.
 * </ul>
 *
 * <p>Thread-safe; no method throws. All time (snapshot times and the refresh period) comes from the
 * injected {@link Clock}; fetches run on the injected {@link Executor}.
 */
public final class CachingStatusSource implements StatusSource {
  /** How long a summary is used before a read triggers a refresh, unless configured otherwise. */
  public static final Duration DEFAULT_REFRESH_AFTER = Duration.ofSeconds(30);

  /** How long {@link #current()} waits for the very first fetch, unless configured otherwise. */
  public static final Duration DEFAULT_FIRST_LOAD_WAIT = Duration.ofSeconds(2);
  /** The incidents of the poller's latest read; empty until it has read them. */
  private volatile List<Incident> recent = List.of();

  private static final Logger LOG = LoggerFactory.getLogger(CachingStatusSource.class);
  private static final String KEY = "summary";

  private final StatusPage page;
  private final Duration firstLoadWait;
  private final Clock clock;
  private final AsyncLoadingCache<String, StatusSnapshot> cache;

  /**
   * Creates a source.
   *
   * @param page where the summary is fetched when nobody fed the cache in time
   * @param refreshAfter how long a summary is used, measured on {@code clock} from its last write,
   *     before a read triggers a refresh
   * @param firstLoadWait how long {@link #current()} waits for the very first fetch
   * @param clock the source of snapshot times and of the refresh period
   * @param executor where fetches run, e.g. {@link #newFetchPool()}; {@code Runnable::run} makes every
   *     fetch synchronous
   */
  public CachingStatusSource(
      StatusPage page, Duration refreshAfter, Duration firstLoadWait, Clock clock, Executor executor) {
    this.page = Objects.requireNonNull(page, "page");
    this.firstLoadWait = positive(firstLoadWait, "firstLoadWait");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.cache =
        Caffeine.newBuilder()
            .refreshAfterWrite(positive(refreshAfter, "refreshAfter"))
            .ticker(tickerOf(clock))
            .executor(Objects.requireNonNull(executor, "executor"))
            .buildAsync(new Loader());
  }

  /**
   * Returns the page's state. Waits only while the very first fetch is under way, and then at most
   * the first-load wait; otherwise answers at once (starting a background refresh when due).
   */
  @Override
  public StatusSnapshot current() {
    CompletableFuture<StatusSnapshot> future = cache.get(KEY);
    if (future.isDone()) {
      return settled(future);
    }
    try {
      return future.get(firstLoadWait.toNanos(), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      return StatusSnapshot.unknown("no answer from the status page within " + firstLoadWait.toMillis() + " ms");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return StatusSnapshot.unknown("interrupted while waiting for the status page");
    } catch (ExecutionException e) {
      return StatusSnapshot.unknown("status fetch failed: " + e.getCause());
    }
  }

  /**
   * Returns what is known now without waiting: unknown while the first fetch is under way (and
   * starts it when none was made), otherwise the cached snapshot (starting a refresh when due).
   */
  @Override
  public StatusSnapshot peek() {
    CompletableFuture<StatusSnapshot> future = cache.get(KEY);
    return future.isDone() ? settled(future) : StatusSnapshot.unknown("the status page has not answered yet");
  }

  /**
   * Returns when the summary now cached was fetched, empty while there is none; unlike {@link
   * #peek()} it never starts a fetch or a refresh, so a metrics scrape can read it freely.
   */
  public Optional<Instant> asOf() {
    StatusSnapshot cached = cache.synchronous().policy().getIfPresentQuietly(KEY);
    return cached == null ? Optional.empty() : cached.asOf();
  }

  /**
   * Folds a summary someone else fetched (the poller's read) into the cache, as if the cache had
   * fetched it now: a body makes a fresh snapshot, a failure marks the last good one stale. While
   * the cache's own first fetch is under way a failure leaves that fetch to answer. Returns the
   * snapshot now cached (or the failure's, when the first fetch still runs).
   */
  public StatusSnapshot record(FetchResult<Summary> result) {
    Objects.requireNonNull(result, "result");
    StatusSnapshot[] recorded = new StatusSnapshot[1];
    cache.asMap().compute(KEY, (key, held) -> {
      StatusSnapshot previous = held != null && held.isDone() ? settled(held) : null;
      recorded[0] = fold(previous, result);
      boolean keepLoading = held != null && !held.isDone() && result instanceof FetchResult.Failed;
      return keepLoading ? held : CompletableFuture.completedFuture(recorded[0]);
    });
    return recorded[0];
  }

  /**
   * Keeps the incidents of the poller's latest read (the recent list, resolved ones included), so
   * that {@link #incident(String)} finds an incident that is no longer in the summary.
   */
  public void recordRecent(List<Incident> incidents) {
    recent = List.copyOf(incidents);
  }

  /** Returns the incident with this id: an open one from the summary, else one of the poller's latest read. */
  @Override
  public Optional<Incident> incident(String id) {
    Optional<Incident> open = StatusSource.super.incident(id);
    return open.isPresent() ? open : recent.stream().filter(i -> id.equals(i.id())).findFirst();
  }

  /**
   * Starts a fetch now unless one is already under way, and returns its outcome; the future never
   * completes exceptionally. Callers need not wait on it. The cache holds the outcome as soon as
   * Caffeine installs it, which may be a moment after the future completes: a caller that waited
   * should use the returned snapshot rather than read {@link #peek()} at once.
   */
  public CompletableFuture<StatusSnapshot> refresh() {
    return cache.synchronous().refresh(KEY).exceptionally(e -> StatusSnapshot.unknown("status fetch failed: " + e));
  }

  private static StatusSnapshot settled(CompletableFuture<StatusSnapshot> done) {
    // The loader never fails, so this is a guard rather than a path.
    return done.isCompletedExceptionally()
        ? StatusSnapshot.unknown("status fetch failed")
        : done.join();
  }

  /** Fetches the summary and folds the outcome into the previous snapshot, if any. */
  private StatusSnapshot next(StatusSnapshot previous) {
    FetchResult<Summary> result;
    try {
      result = page.summary();
    } catch (RuntimeException e) {
      LOG.error("Status client failed unexpectedly", e);
      result = new FetchResult.Failed<>("unexpected " + e);
    }
    return fold(previous, result);
  }

  /** Returns the snapshot a fetch's outcome makes of the previous one (null when there is none). */
  private StatusSnapshot fold(StatusSnapshot previous, FetchResult<Summary> result) {
    if (result instanceof FetchResult.Failed<Summary> failed) {
      // Whoever fetched has logged the failure where it met it.
      return previous != null && previous.isKnown() ? previous.stale(failed.reason()) : StatusSnapshot.unknown(
          failed.reason());
    }
    return StatusSnapshot.fresh(result.toOptional().orElseThrow(), clock.instant());
  }

  /**
   * Returns a Caffeine ticker that reads {@code clock}: nanoseconds since the clock's instant when
   * the cache was made (small numbers, as Caffeine expects of a ticker, so its arithmetic cannot
   * overflow), never going back when the clock is set back.
   */
  private static Ticker tickerOf(Clock clock) {
    Instant origin = clock.instant();
    AtomicLong latest = new AtomicLong();
    return () -> latest.accumulateAndGet(Duration.between(origin, clock.instant()).toNanos(), Math::max);
  }

  private final class Loader implements AsyncCacheLoader<String, StatusSnapshot> {
    @Override
    public CompletableFuture<StatusSnapshot> asyncLoad(String key, Executor executor) {
      return CompletableFuture.supplyAsync(() -> next(null), executor);
    }

    @Override
    public CompletableFuture<StatusSnapshot> asyncReload(
        String key, StatusSnapshot previous, Executor executor) {
      return CompletableFuture.supplyAsync(() -> next(previous), executor);
    }
  }

  private static Duration positive(Duration d, String name) {
    Objects.requireNonNull(d, name);
    if (d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(name + " must be positive, was " + d);
    }
    return d;
  }

  /** Returns a new pool of daemon threads for a source's fetches, as many as are under way at once. */
  public static ExecutorService newFetchPool() {
    AtomicInteger count = new AtomicInteger();
    return Executors.newCachedThreadPool(
        r -> {
          Thread t = new Thread(r, "claude500-status-" + count.incrementAndGet());
          t.setDaemon(true);
          return t;
        });
  }
}
