package dev.claude500.incidents;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This replica's hold on the watcher's lease: taken or renewed at the start of each round, renewed
 * again during a long round, given up on close. Says when it changes hands. Not thread-safe: the
 * watcher's one round at a time uses it, except {@link #heldNow()}, which any thread may ask.
 */
final class ReplicaLease {
  private static final Logger LOG = LoggerFactory.getLogger(ReplicaLease.class);

  private final Leases leases;
  private final String name;
  private final String replicaId;
  private final Duration duration;
  private final Clock clock;
  private boolean holding;
  private Instant renewedAt = Instant.MIN;
  /** Until when another replica certainly cannot take the lease over, with a margin; MIN when not held. */
  private volatile Instant safeUntil = Instant.MIN;
  /** Set once this replica stops: its posts go out no more, whatever the lease says. */
  private volatile boolean stopped;

  ReplicaLease(Leases leases, String name, String replicaId, Duration duration, Clock clock) {
    this.leases = leases;
    this.name = name;
    this.replicaId = replicaId;
    this.duration = duration;
    this.clock = clock;
  }

  /** Returns true when this replica held the lease at its last renewal. */
  boolean holding() {
    return holding;
  }

  /**
   * Takes or renews the lease.
   *
   * @return whether it is held now; {@code taken} is true when it was not held before (a new
   *     tenure: what an earlier one knew is to be forgotten)
   */
  Renewal renew() {
    Instant now = clock.instant();
    boolean held = leases.acquire(name, replicaId, now, duration);
    boolean taken = held && !holding;
    if (held) {
      renewedAt = now;
    }
    if (taken) {
      LOG.info("Incident watcher {} holds the lease: it posts", replicaId);
    } else if (!held && holding) {
      LOG.warn("Incident watcher {} lost the lease to {}; it stands by", replicaId,
          leases.find(name).map(Lease::holder).orElse("nobody"));
    }
    holding = held;
    // a sixth of the lease is kept as a margin for clocks and the time a send takes
    safeUntil = held ? now.plus(duration).minus(duration.dividedBy(6)) : Instant.MIN;
    return new Renewal(held, taken);
  }

  /** Renews the lease when a third of it went by since the last renewal; false when it is lost. */
  boolean stillHeld() {
    if (Duration.between(renewedAt, clock.instant()).compareTo(duration.dividedBy(3)) < 0) {
      return holding;
    }
    return renew().held();
  }

  /**
   * Returns true while the last renewal keeps the lease this replica's, with a margin: for the
   * outbox's threads to ask before they send one of the watcher's posts. Thread-safe.
   */
  boolean heldNow() {
    return !stopped && clock.instant().isBefore(safeUntil);
  }

  /** Makes {@link #heldNow()} false from now on: the replica is stopping. Thread-safe. */
  void stopSending() {
    stopped = true;
  }

  /** Gives the lease up if held, so another replica takes it at once. Never throws. */
  void release() {
    safeUntil = Instant.MIN;
    if (!holding) {
      return;
    }
    try {
      leases.release(name, replicaId);
    } catch (RuntimeException e) {
      LOG.warn("Could not give up the incident watcher's lease: {}", e.toString());
    }
    holding = false;
  }

  /**
   * What a renewal found.
   *
   * @param held the lease is this replica's now
   * @param taken it was not before
   */
  record Renewal(boolean held, boolean taken) {}
}
