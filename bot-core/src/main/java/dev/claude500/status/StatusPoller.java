package dev.claude500.status;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.DoubleSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one reader of the status page in a process: one scheduled job that reads the page (summary,
 * then recent incidents) once per poll interval, half that while an incident is open, with jitter
 * and a bounded backoff while the page fails ({@link PollSchedule}; the client's conditional
 * requests make an unchanged page cheap), and hands each read to the status cache ({@link
 * CachingStatusSource#record}, what {@code /claude500 status} and the triage read) and then to its
 * {@link PollListener}s (the incident watcher, which posts only while it holds the replica lease).
 * Every replica polls, so each keeps its own cache fresh.
 *
 * <p>Each round ({@link #tick()}) reads when due, calls the listeners, and returns how long to wait
 * for the next: until the next read is due or a listener wants a round, whichever is sooner, and at
 * most one interval. Rounds run one at a time on the scheduler given to {@link
 * #start(ScheduledExecutorService)} (or a thread of its own); time comes from the injected clock,
 * so tests step {@link #tick()} by hand. Thread-safe; no method throws.
 *
 * <p>Polling is the safety net; a {@link #poke()} (a status-page webhook's call) brings a read
 * sooner, at most one extra read per {@link #POKE_SPACING} however many pokes come, and one more
 * 10 s after the last poke (the API's copy may lag the change behind it).
 */
public final class StatusPoller implements AutoCloseable {
  /** Poll intervals below this only help a test page: the real page caches for 10 s. */
  public static final Duration USEFUL_INTERVAL = Duration.ofSeconds(10);
  /** The least time between two reads that {@link #poke()}s bring. */
  public static final Duration POKE_SPACING = Pokes.SPACING;
  private static final Duration MIN_DELAY = Duration.ofMillis(200);
  private static final Logger LOG = LoggerFactory.getLogger(StatusPoller.class);

  private final StatusPage page;
  private final CachingStatusSource cache;
  private final Clock clock;
  private final Duration interval;
  private final PollSchedule schedule;
  private final List<PollListener> listeners = new CopyOnWriteArrayList<>();
  private final ReentrantLock round = new ReentrantLock();
  private volatile PageRead latest;
  private volatile boolean readSoon;
  private volatile boolean closed;
  private ScheduledFuture<?> nextRound;
  private ScheduledExecutorService ownScheduler;
  /** Where rounds run once started: a poke's round is scheduled there too. */
  private ScheduledExecutorService rounds;
  private final Pokes pokes = new Pokes();

  /**
   * Creates a poller.
   *
   * @param page where the page is read
   * @param cache the status cache each read's summary is recorded in
   * @param clock the time
   * @param interval the poll interval, e.g. {@code CLAUDE500_POLL_INTERVAL}; positive
   * @param random where the jitter is drawn from, numbers in {@code [0, 1)}: {@link #randomJitter()},
   *     or a constant 0 that makes every wait exact, for tests and replays
   */
  public StatusPoller(StatusPage page, CachingStatusSource cache, Clock clock, Duration interval,
      DoubleSupplier random) {
    this.page = Objects.requireNonNull(page, "page");
    this.cache = Objects.requireNonNull(cache, "cache");
    this.clock = Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(interval, "interval");
    if (interval.isNegative() || interval.isZero()) {
      throw new IllegalArgumentException("interval must be positive, was " + interval);
    }
    this.interval = interval;
    this.schedule = new PollSchedule(interval, Objects.requireNonNull(random, "random"));
  }

  /** Returns uniformly random draws in {@code [0, 1)}, the jitter of a running bot. */
  public static DoubleSupplier randomJitter() {
    return () -> ThreadLocalRandom.current().nextDouble();
  }

  /** Returns the poll interval. */
  public Duration interval() {
    return interval;
  }

  /** Hands every round from now on to {@code listener}, after the listeners added before it. */
  public void follow(PollListener listener) {
    listeners.add(Objects.requireNonNull(listener, "listener"));
  }

  /** Stops handing rounds to {@code listener}; a round under way may still reach it. */
  public void unfollow(PollListener listener) {
    listeners.remove(listener);
  }

  /** Returns the latest successful read, empty before the first. */
  public Optional<PageRead> latest() {
    return Optional.ofNullable(latest);
  }

  /**
   * Makes the next round read the page whether or not a read is due (once: a read that fails then
   * backs off as usual), and that round come at once when asked from a listener.
   */
  public void readSoon() {
    readSoon = true;
  }

  /**
   * Asks for a read of the page now, from outside (a status-page webhook): pokes that come while
   * one waits join it, and the reads pokes bring are at least {@link #POKE_SPACING} apart by the
   * clock, so a flood of pokes costs at most one extra read per spacing. Any read after the poke
   * (a poll's, say) answers it. Once started, the read runs on the poller's scheduler at once (or
   * when the spacing ends); before, the next {@link #tick()} makes it. Returns at once; never throws.
   */
  public Poke poke() {
    Poke poke = pokes.ask(clock.instant());
    if (poke != Poke.JOINED) {
      pokedRoundLater();
    }
    return poke;
  }

  /** Schedules a round for when the poke waiting is due; that round schedules another while one waits. */
  private void pokedRoundLater() {
    ScheduledExecutorService scheduler;
    synchronized (this) {
      scheduler = closed ? null : rounds;
    }
    Optional<Instant> at = scheduler == null ? Optional.empty() : pokes.roundToSchedule();
    if (at.isEmpty()) {
      return;
    }
    long millis = Math.max(0, Duration.between(clock.instant(), at.get()).toMillis() + 1);
    try {
      scheduler.schedule(() -> {
        pokes.roundRuns(at.get());
        tick();
        pokedRoundLater();
      }, millis, TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException e) {
      LOG.debug("A poke's read is not scheduled: the scheduler is shut down");
    }
  }

  /** Returns {@code d} shortened by up to a fifth at random, never lengthened: the poller's jitter, for listeners. */
  public Duration jittered(Duration d) {
    round.lock();
    try {
      return schedule.jittered(d);
    } finally {
      round.unlock();
    }
  }

  /** Runs one round and returns how long to wait before the next. Never throws. */
  public Duration tick() {
    round.lock();
    try {
      return round();
    } finally {
      round.unlock();
    }
  }

  private Duration round() {
    Instant now = clock.instant();
    boolean due = readSoon || schedule.due(now);
    if (due || pokes.waiting().filter(at -> !now.isBefore(at)).isPresent()) {
      readSoon = false;
      pokes.read(now, !due);
      read(now);
    }
    PollRound handed = new PollRound(now, latest(), schedule.lastSucceeded());
    Instant next = schedule.next();
    Optional<Instant> poked = pokes.waiting();
    if (poked.isPresent() && poked.get().isBefore(next)) {
      next = poked.get();
    }
    for (PollListener listener : listeners) {
      Instant wanted;
      try {
        wanted = listener.polled(handed);
      } catch (RuntimeException e) {
        LOG.error("A status poll listener failed; it gets the next round again", e);
        wanted = now.plus(interval);
      }
      next = wanted.isBefore(next) ? wanted : next;
    }
    if (readSoon || next.isBefore(now)) {
      next = now;
    }
    Duration d = Duration.between(now, next.isAfter(now.plus(interval)) ? now.plus(interval) : next);
    return d.compareTo(MIN_DELAY) < 0 ? MIN_DELAY : d;
  }

  /** Reads the summary (what the cache needs), then the recent incidents (what the watcher needs too). */
  private void read(Instant now) {
    FetchResult<Summary> summary = guarded(page::summary);
    cache.record(summary);
    if (summary instanceof FetchResult.Failed<Summary> failed) {
      schedule.failed(now, failed.reason());
      return;
    }
    FetchResult<IncidentList> recent = guarded(page::incidents);
    if (recent instanceof FetchResult.Failed<IncidentList> failed) {
      schedule.failed(now, failed.reason());
      return;
    }
    PageRead read = PageRead.of(recent.toOptional().orElseThrow().incidents(), summary.toOptional().orElseThrow(), now);
    latest = read;
    cache.recordRecent(read.incidents());
    schedule.succeeded(now, read.anyIncidentOpen());
  }

  private static <T> FetchResult<T> guarded(Supplier<FetchResult<T>> fetch) {
    try {
      return fetch.get();
    } catch (RuntimeException e) {
      LOG.error("Reading the status page failed unexpectedly", e);
      return new FetchResult.Failed<>("unexpected " + e);
    }
  }

  /** Starts rounds on a thread of the poller's own, the first at once; {@link #close()} stops it. */
  public void start() {
    ScheduledExecutorService own = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "claude500-status-poller");
      t.setDaemon(true);
      return t;
    });
    synchronized (this) {
      ownScheduler = own;
    }
    start(own);
  }

  /** Starts rounds on {@code scheduler}, the first at once, each scheduled when the last ends. */
  public void start(ScheduledExecutorService scheduler) {
    Objects.requireNonNull(scheduler, "scheduler");
    synchronized (this) {
      rounds = scheduler;
    }
    if (interval.compareTo(USEFUL_INTERVAL) < 0) {
      LOG.warn("The status page is polled every {} s: below {} s only a test page gains, as the real page"
          + " caches for 10 s", interval.toSeconds(), USEFUL_INTERVAL.toSeconds());
    }
    LOG.info("Status poller starting: reads the page every {} s (half that while an incident is open)",
        interval.toSeconds());
    schedule(scheduler, Duration.ZERO);
  }

  private void schedule(ScheduledExecutorService scheduler, Duration delay) {
    synchronized (this) {
      if (closed) {
        return;
      }
      try {
        nextRound = scheduler.schedule(() -> {
          Duration next = interval;
          try {
            next = tick();
          } finally {
            schedule(scheduler, next);
          }
        }, delay.toMillis(), TimeUnit.MILLISECONDS);
      } catch (RejectedExecutionException e) {
        LOG.debug("Status poller rounds end: the scheduler is shut down");
      }
    }
  }

  /** Stops the rounds (a round under way ends first on a scheduler of the caller's). Never throws. */
  @Override
  public void close() {
    ScheduledExecutorService own;
    synchronized (this) {
      closed = true;
      if (nextRound != null) {
        nextRound.cancel(false);
      }
      own = ownScheduler;
    }
    if (own != null) {
      own.shutdownNow();
    }
  }
}
