package dev.claude500.incidents;

import dev.claude500.metrics.BotMetrics;
import dev.claude500.outbox.Outbox;
import dev.claude500.status.FetchResult;
import dev.claude500.status.IncidentList;
import dev.claude500.status.Summary;
import dev.claude500.status.PageRead;
import dev.claude500.status.PollListener;
import dev.claude500.status.PollRound;
import dev.claude500.status.StatusPoller;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes the status page's incidents to the subscribed channels, exactly once each, from the
 * reads of the process's one {@link StatusPoller}, which it follows.
 *
 * <p>Each of the poller's rounds ({@link #polled(PollRound)}): take or renew the lease (of several
 * replicas on one store only the holder posts; the lease runs one and a half poll intervals and a
 * standby asks every third of one, so a standby takes over at most about 1.9 intervals after the
 * holder's last renewal); then, for every subscription whose platform runs here, publish what the
 * ledger shows missing in the latest read, and tell waiting triages whose incident cleared. A
 * standby still gets every read (the poller keeps its status cache fresh) but posts nothing. A new
 * holder posts only from a read made since it took the lease, asking the poller for one at once.
 *
 * <p><b>Delivery.</b> A round only decides what each channel still lacks and queues it in the
 * process's {@link Outbox}, the one delivery path of every message the bot sends; it never waits on
 * a channel. The outbox keeps each post in the store before sending it, claims it in the ledger
 * before it is sent and confirms it with its message id after; a restart, or another replica,
 * skips what is confirmed and resolves what is only claimed by looking for it on the platform
 * ({@link dev.claude500.chat.ChatPort#findPosted}), posting it again only when it cannot tell: the
 * one crash point between a post and its confirmation is at-least-once on a platform whose port
 * cannot look. A rate limit or a 5xx delays that channel's posts (or its workspace's, for a
 * workspace-wide limit), in order, honouring {@code Retry-After}; other channels go on. The
 * watcher's posts go out only while its replica holds the lease; a replica that takes the lease
 * sends what the store holds of them ({@link Outbox#resumeOwned()}).
 *
 * <p><b>First start.</b> With no baseline stored yet, the first round records one: incidents that
 * ended before it are history and never posted; incidents open then are posted once, as they stand
 * (their updates so far summarised by the post, not replayed). A restart finds the baseline and the
 * ledger, and re-posts nothing.
 *
 * <p><b>Stopping.</b> {@link #close()} lets the round in progress end (a round that has not queued
 * yet queues nothing; what the next holder finds missing it queues) and the posts the outbox is
 * sending be made and recorded (the rest stay queued in the store), then gives up the lease so a
 * standby takes over at once. It waits at most {@link #CLOSE_WAIT} for both; a round or a post
 * still stuck on the platform then keeps the lease until it expires, so the next holder never looks
 * for a post that is still on its way and sends it again. The poller goes on reading for the cache.
 *
 * <p><b>Retention.</b> The lease's holder also purges what is older than the retention (ended
 * triages, seen deliveries, settled ledger entries of incidents it no longer follows), a minute
 * after taking the lease and then hourly, at the end of a round ({@link Retention}).
 *
 * <p>Time comes from the injected clock; rounds run on the poller's thread, so tests step {@link
 * #tick()} by hand. Thread-safe: rounds run one at a time.
 */
public final class IncidentWatcher implements PollListener, AutoCloseable {
  /** The lease's name. */
  public static final String LEASE = "incident-watcher";

  /** How long ended triages, seen deliveries and settled ledger entries are kept unless told otherwise. */
  public static final Duration DEFAULT_RETENTION = Duration.ofDays(30);

  /** The shortest retention: a platform retries a delivery within minutes, and a triage ends within one. */
  public static final Duration MIN_RETENTION = Duration.ofHours(1);

  /** The longest {@link #close()} waits for the round in progress to end. */
  public static final Duration CLOSE_WAIT = Duration.ofSeconds(10);

  private static final Logger LOG = LoggerFactory.getLogger(IncidentWatcher.class);

  private final StatusPoller poller;
  private final Store store;
  private final Clock clock;
  private final Duration interval;
  private final String replicaId;
  private final Outbox outbox;
  private final ReplicaLease lease;
  private final Fanout fanout;
  private final Retention retention;
  /** Held for a round, and by {@link #close()} to give the lease up between rounds. */
  private final ReentrantLock round = new ReentrantLock();
  /** When this replica last took the lease: reads before it may be older than what the last holder posted. */
  private Instant tenureStart = Instant.MAX;
  private volatile boolean closed;

  /**
   * Creates a watcher that follows {@code poller} from now on; the composition root calls this one.
   *
   * @param poller the process's status poller; its interval sets the lease's
   * @param store the ledger, subscriptions, lease and waiting triages
   * @param outbox the process's outbox, through which every post goes; channels of platforms it does
   *     not serve wait
   * @param engine resumes waiting triages when their incident clears
   * @param clock the time
   * @param replicaId this watcher's name in the lease, e.g. {@link #replicaName()}
   * @param retention how long ended triages, seen deliveries and settled ledger entries are kept;
   *     at least {@link #MIN_RETENTION}
   * @param metrics where its incident posts, rate-limit waits and purged rows are counted
   */
  public IncidentWatcher(StatusPoller poller, Store store, Outbox outbox, TriageEngine engine, Clock clock,
      String replicaId, Duration retention, BotMetrics metrics) {
    this.poller = Objects.requireNonNull(poller, "poller");
    this.store = Objects.requireNonNull(store, "store");
    this.clock = Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(retention, "retention");
    if (retention.compareTo(MIN_RETENTION) < 0) {
      throw new IllegalArgumentException("retention must be at least " + MIN_RETENTION + ", was " + retention);
    }
    this.interval = poller.interval();
    this.replicaId = Objects.requireNonNull(replicaId, "replicaId");
    this.outbox = Objects.requireNonNull(outbox, "outbox");
    this.lease = new ReplicaLease(store.leases(), LEASE, replicaId, leaseDuration(), clock);
    outbox.owner(new LeaseHolderPosts(lease, Objects.requireNonNull(metrics, "metrics")));
    this.fanout = new Fanout(store, outbox, lease, Objects.requireNonNull(engine, "engine"), clock, () -> closed);
    this.retention = new Retention(store, retention, clock, metrics);
    LOG.info("Incident watcher {} starting: it follows the status poller and posts while it holds the lease",
        replicaId);
    poller.follow(this);
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

  /**
   * Stops posting: the round in progress ends at the next channel, the posts on their way are made
   * and recorded, the watcher stops following the poller, and the lease is given up so another
   * replica takes over at once. Waits at most {@link #CLOSE_WAIT} for the round and the posts.
   * Never throws.
   */
  @Override
  public void close() {
    closed = true;
    lease.stopSending(); // no post of the watcher's starts any more; the rest wait for the next holder
    poller.unfollow(this);
    long deadline = System.nanoTime() + CLOSE_WAIT.toNanos();
    boolean between;
    try {
      between = round.tryLock(CLOSE_WAIT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      between = false;
    }
    if (!between) {
      LOG.warn("Incident watcher {} stopped with a round still running after {} s; its lease runs out by itself",
          replicaId, CLOSE_WAIT.toSeconds());
      return;
    }
    try {
      if (sendsEnded(deadline)) {
        lease.release();
        LOG.info("Incident watcher {} stopped", replicaId);
      } else {
        LOG.warn("Incident watcher {} stopped with a post still on its way after {} s; its lease runs out by "
            + "itself", replicaId, CLOSE_WAIT.toSeconds());
      }
    } finally {
      round.unlock();
    }
  }

  /** Waits until the watcher's posts the outbox is sending are made and recorded, until the deadline; false if not. */
  private boolean sendsEnded(long deadlineNanos) {
    try {
      return outbox.awaitOwnedSends(Duration.ofNanos(Math.max(0, deadlineNanos - System.nanoTime())));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /**
   * Runs one round of the poller this watcher follows (a read when due, then this watcher's round)
   * and returns how long to wait before the next; for tests and replays that step time by hand.
   */
  public Duration tick() {
    return poller.tick();
  }

  /**
   * Runs this watcher's part of a poller round and returns when it wants the next: one interval on
   * (the lease's renewal), or, for a standby, a third of an interval on. Never throws; a failing store ends the round early and it
   * is tried again next time.
   */
  @Override
  public Instant polled(PollRound poll) {
    round.lock();
    try {
      return closed ? Instant.MAX : round(poll);
    } finally {
      round.unlock();
    }
  }

  private Instant round(PollRound poll) {
    Instant now = clock.instant();
    try {
      ReplicaLease.Renewal renewal = lease.renew();
      if (!renewal.held()) {
        return now.plus(poller.jittered(interval.dividedBy(3)));
      }
      if (renewal.taken()) {
        tenureStart = poll.at();
        giveUpStaleClaims(now);
        outbox.resumeOwned();
        retention.taken(now);
        if (poll.latest().filter(this::sinceTenure).isEmpty() && poll.latest().isPresent()) {
          poller.readSoon();
        }
      }
      Optional<PageRead> read = poll.latest().filter(this::sinceTenure);
      if (read.isPresent() && !closed) {
        fanout.publish(read.get(), poll.answering());
      }
      if (!closed) {
        retention.runIfDue(read, () -> closed || !lease.stillHeld());
      }
    } catch (StoreException e) {
      LOG.warn("Incident watcher round stopped: the store failed ({}); trying again next round", e.getMessage());
    } catch (RuntimeException e) {
      LOG.error("Incident watcher round failed; trying again next round", e);
    }
    return clock.instant().plus(interval);
  }

  private boolean sinceTenure(PageRead read) {
    return !read.readAt().isBefore(tenureStart);
  }

  /** Claims nobody confirmed in a day belong to items no longer on the page: stop looking at them. */
  private void giveUpStaleClaims(Instant now) {
    Instant cutoff = now.minus(IncidentPublisher.CATCH_UP);
    for (LedgerEntry e : store.ledger().unconfirmed()) {
      if (e.claimedAt().isBefore(cutoff)) {
        LOG.info("Giving up {} in {}: claimed at {} and never confirmed", e.itemKey(), e.channel(), e.claimedAt());
        store.ledger().fail(e.channel(), e.itemKey(), "claimed at " + e.claimedAt() + " and never confirmed; given up",
            now);
      }
    }
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
