package dev.claude500.incidents;

import dev.claude500.metrics.BotMetrics;
import dev.claude500.status.FetchResult;
import dev.claude500.status.IncidentList;
import dev.claude500.status.Summary;
import dev.claude500.store.Store;
import dev.claude500.store.StoreException;
import dev.claude500.triage.TriageEngine;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.DoubleSupplier;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches the status page and publishes incidents to the subscribed channels, exactly once each.
 *
 * <p>Each round ({@link #tick()}): take or renew the lease (of several replicas on one store only
 * the holder polls and posts; the lease runs one and a half poll intervals and a standby asks every
 * third of one, so a standby takes over at most about 1.9 intervals after the holder's last
 * renewal); read the page when due (every interval, half that while an incident is open, backing
 * off while the page fails); then, for every subscription whose platform runs here, publish what
 * the ledger shows missing, and tell waiting triages whose incident cleared.
 *
 * <p><b>Exactly once.</b> Every post is claimed in the ledger before it is sent and confirmed with
 * its message id after; a restart, or another replica, skips what is confirmed and resolves what is
 * only claimed by looking for it on the platform ({@link dev.claude500.chat.ChatPort#findPosted}),
 * posting it again only when it cannot tell: the one crash point between a post and its
 * confirmation is at-least-once on a platform whose port cannot look. A rate limit or a 5xx delays
 * the channel's posts (in order, honouring {@code Retry-After}), never drops them; a refusal for
 * good is recorded and logged once.
 *
 * <p><b>First start.</b> With no baseline stored yet, the first round records one: incidents that
 * ended before it are history and never posted; incidents open then are posted once, as they stand
 * (their updates so far summarised by the post, not replayed). A restart finds the baseline and the
 * ledger, and re-posts nothing.
 *
 * <p><b>Stopping.</b> {@link #close()} lets the round in progress end at the next channel (a post
 * under way is made and recorded; the channels not reached yet are left to the next holder), then
 * gives up the lease so a standby takes over at once. It waits at most {@link #CLOSE_WAIT} for the
 * round; a round still stuck on the platform then keeps its lease until it expires.
 *
 * <p><b>Retention.</b> The lease's holder also purges what is older than the retention (ended
 * triages, seen deliveries, settled ledger entries of incidents it no longer follows), a minute
 * after taking the lease and then hourly, at the end of a round ({@link Retention}).
 *
 * <p>Time comes from the injected clock and rounds run on the scheduler given to {@link
 * #start(ScheduledExecutorService)} (or a thread of its own), so tests step {@link #tick()} by hand.
 * Thread-safe: rounds run one at a time.
 */
public final class IncidentWatcher implements AutoCloseable {
  /** The lease's name. */
  public static final String LEASE = "incident-watcher";

  /** Poll intervals below this only help a test page: the real page caches for 10 s. */
  public static final Duration USEFUL_INTERVAL = Duration.ofSeconds(10);

  /** How long ended triages, seen deliveries and settled ledger entries are kept unless told otherwise. */
  public static final Duration DEFAULT_RETENTION = Duration.ofDays(30);

  /** The shortest retention: a platform retries a delivery within minutes, and a triage ends within one. */
  public static final Duration MIN_RETENTION = Duration.ofHours(1);

  /** The longest {@link #close()} waits for the round in progress to end. */
  public static final Duration CLOSE_WAIT = Duration.ofSeconds(10);

  private static final Duration MIN_DELAY = Duration.ofMillis(200);
  private static final Logger LOG = LoggerFactory.getLogger(IncidentWatcher.class);

  private final StatusPage page;
  private final Store store;
  private final Clock clock;
  private final Duration interval;
  private final String replicaId;
  private final PollSchedule schedule;
  private final LedgerPoster poster;
  private final ReplicaLease lease;
  private final Fanout fanout;
  private final Retention retention;
  /** Held for a round, and by {@link #close()} to give the lease up between rounds. */
  private final ReentrantLock round = new ReentrantLock();
  private Page last;
  private volatile boolean closed;
  private ScheduledFuture<?> nextRound;
  private ScheduledExecutorService ownScheduler;

  /**
   * Creates a watcher.
   *
   * @param page reads the page ({@link StatusPage#of} a client, whose conditional requests make an
   *     unchanged page cheap)
   * @param store the ledger, subscriptions, lease and waiting triages
   * @param ports the chat ports of the platforms running here; channels of other platforms wait
   * @param engine resumes waiting triages when their incident clears
   * @param clock the time
   * @param pollInterval the poll interval, e.g. {@code CLAUDE500_POLL_INTERVAL}; positive
   * @param replicaId this replica's name in the lease, e.g. {@link #replicaName()}
   * @param random where the poll's jitter is drawn from, in [0, 1)
   * @param retention how long ended triages, seen deliveries and settled ledger entries are kept;
   *     at least {@link #MIN_RETENTION}
   * @param metrics where its incident posts, rate-limit waits and purged rows are counted
   */
  public IncidentWatcher(StatusPage page, Store store, ChatPorts ports, TriageEngine engine, Clock clock,
      Duration pollInterval, String replicaId, DoubleSupplier random, Duration retention, BotMetrics metrics) {
    this.page = Objects.requireNonNull(page, "page");
    this.store = Objects.requireNonNull(store, "store");
    this.clock = Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(pollInterval, "pollInterval");
    if (pollInterval.isNegative() || pollInterval.isZero()) {
      throw new IllegalArgumentException("pollInterval must be positive, was " + pollInterval);
    }
    Objects.requireNonNull(retention, "retention");
    if (retention.compareTo(MIN_RETENTION) < 0) {
      throw new IllegalArgumentException("retention must be at least " + MIN_RETENTION + ", was " + retention);
    }
    this.interval = pollInterval;
    this.replicaId = Objects.requireNonNull(replicaId, "replicaId");
    this.schedule = new PollSchedule(pollInterval, random);
    this.poster = new LedgerPoster(store.ledger(), clock, Objects.requireNonNull(metrics, "metrics"));
    this.lease = new ReplicaLease(store.leases(), LEASE, replicaId, leaseDuration(), clock);
    this.fanout = new Fanout(store, Objects.requireNonNull(ports, "ports"), poster, lease,
        Objects.requireNonNull(engine, "engine"), clock, () -> closed);
    this.retention = new Retention(store, retention, clock, metrics);
  }

  /** Returns how long the lease runs after each renewal: one and a half poll intervals. */
  public Duration leaseDuration() {
    return interval.multipliedBy(3).dividedBy(2);
  }

  /** Returns true when this watcher held the lease at its last round. */
  public boolean holdsLease() {
    round.lock();
    try {
      return lease.holding();
    } finally {
      round.unlock();
    }
  }

  /** Starts rounds on a thread of the watcher's own, the first at once; {@link #close()} stops it. */
  public void start() {
    ScheduledExecutorService own = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "claude500-incidents");
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
    if (interval.compareTo(USEFUL_INTERVAL) < 0) {
      LOG.warn("The status page is polled every {} s: below {} s only a test page gains, as the real page"
          + " caches for 10 s", interval.toSeconds(), USEFUL_INTERVAL.toSeconds());
    }
    LOG.info("Incident watcher {} starting: polls every {} s (half that while an incident is open)",
        replicaId, interval.toSeconds());
    schedule(scheduler, Duration.ZERO);
  }

  /**
   * Stops the rounds: the one in progress ends at the next channel, and the lease is given up so
   * another replica takes over at once. Waits at most {@link #CLOSE_WAIT} for that round. Never
   * throws.
   */
  @Override
  public void close() {
    closed = true;
    ScheduledExecutorService own;
    synchronized (this) {
      if (nextRound != null) {
        nextRound.cancel(false);
      }
      own = ownScheduler;
    }
    boolean between;
    try {
      between = round.tryLock(CLOSE_WAIT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      between = false;
    }
    if (between) {
      try {
        lease.release();
      } finally {
        round.unlock();
      }
      LOG.info("Incident watcher {} stopped", replicaId);
    } else {
      LOG.warn("Incident watcher {} stopped with a round still running after {} s; its lease runs out by itself",
          replicaId, CLOSE_WAIT.toSeconds());
    }
    if (own != null) {
      own.shutdownNow();
    }
  }

  /**
   * Runs one round and returns how long to wait before the next: until the next read is due, a
   * waiting channel may be tried again, or the lease needs renewing (a standby: a third of an
   * interval). Never throws; a failing store ends the round early and it is tried again next time.
   */
  public Duration tick() {
    round.lock();
    try {
      return round();
    } finally {
      round.unlock();
    }
  }

  private Duration round() {
    if (closed) {
      return interval;
    }
    Instant now = clock.instant();
    try {
      ReplicaLease.Renewal renewal = lease.renew();
      if (!renewal.held()) {
        return schedule.jittered(interval.dividedBy(3));
      }
      if (renewal.taken()) {
        poster.forgetClaims();
        fanout.forget();
        giveUpStaleClaims(now);
        retention.taken(now);
      }
      if (schedule.due(now)) {
        read(now);
      }
      if (last != null && !closed) {
        fanout.publish(last, schedule.lastSucceeded());
      }
      if (!closed) {
        retention.runIfDue(Optional.ofNullable(last), () -> closed || !lease.stillHeld());
      }
    } catch (StoreException e) {
      LOG.warn("Incident watcher round stopped: the store failed ({}); trying again next round", e.getMessage());
    } catch (RuntimeException e) {
      LOG.error("Incident watcher round failed; trying again next round", e);
    }
    return nextDelay(clock.instant());
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
          } catch (RuntimeException e) {
            LOG.error("Incident watcher round failed", e);
          } finally {
            schedule(scheduler, next);
          }
        }, delay.toMillis(), TimeUnit.MILLISECONDS);
      } catch (RejectedExecutionException e) {
        LOG.debug("Incident watcher rounds end: the scheduler is shut down");
      }
    }
  }

  private Duration nextDelay(Instant now) {
    Instant next = Stream.of(Optional.of(schedule.next()), poster.nextRetry(now), Optional.of(now.plus(interval)))
        .flatMap(Optional::stream)
        .min(Instant::compareTo)
        .orElseThrow();
    Duration d = next.isBefore(now) ? Duration.ZERO : Duration.between(now, next);
    return d.compareTo(MIN_DELAY) < 0 ? MIN_DELAY : d;
  }

  /** Claims nobody confirmed in a day belong to items no longer on the page: stop looking at them. */
  private void giveUpStaleClaims(Instant now) {
    Instant cutoff = now.minus(IncidentPublisher.CATCH_UP);
    for (LedgerEntry e : store.ledger().unconfirmed()) {
      if (e.claimedAt().isBefore(cutoff)) {
        poster.refuse(e.channel(), e.itemKey(), "claimed at " + e.claimedAt() + " and never confirmed; given up");
      }
    }
  }

  private void read(Instant now) {
    FetchResult<IncidentList> list = page.incidents();
    Optional<IncidentList> recent = list.toOptional();
    FetchResult<Summary> summaryResult = recent.isPresent() ? page.summary() : null;
    Optional<Summary> summary = summaryResult == null ? Optional.empty() : summaryResult.toOptional();
    if (recent.isEmpty() || summary.isEmpty()) {
      FetchResult<?> failed = recent.isEmpty() ? list : summaryResult;
      schedule.failed(now, ((FetchResult.Failed<?>) failed).reason());
      return;
    }
    last = Page.of(recent.get().incidents(), summary.get(), now);
    schedule.succeeded(now, last.anyIncidentOpen());
  }

  /** Returns a name for this replica that no other has: its host name and a random suffix. */
  public static String replicaName() {
    String host;
    try {
      host = InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException | SecurityException e) {
      host = "unknown-host";
    }
    return host + "/" + UUID.randomUUID().toString().substring(0, 8);
  }
}
