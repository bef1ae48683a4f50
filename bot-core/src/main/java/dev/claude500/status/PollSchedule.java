package dev.claude500.status;

import java.time.Duration;
import java.time.Instant;
import java.util.function.DoubleSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * When to read the page next: every poll interval, twice as often while an incident is open, each
 * wait shortened by up to a fifth at random (replicas and restarts do not poll in step) and never
 * lengthened, so a change on the page is read within one interval;
 * while the page fails, backing off (the interval, doubling, at most 5 min or the interval) and
 * saying so once when it starts failing and once when it answers again. Not thread-safe.
 */
final class PollSchedule {
  /** The longest wait between reads while the page fails (unless the interval is longer). */
  static final Duration MAX_BACKOFF = Duration.ofMinutes(5);
  private static final double JITTER = 0.2;
  private static final Logger LOG = LoggerFactory.getLogger(PollSchedule.class);

  private final Duration interval;
  private final DoubleSupplier random;
  private Instant next = Instant.MIN;
  private int failures;
  private Instant failingSince;
  private boolean everSucceeded;

  /**
   * @param interval the poll interval
   * @param random numbers in {@code [0, 1)} that pick the jitter
   */
  PollSchedule(Duration interval, DoubleSupplier random) {
    this.interval = interval;
    this.random = random;
  }

  /** Returns true when a read is due. */
  boolean due(Instant now) {
    return !now.isBefore(next);
  }

  /** Returns when the next read is due. */
  Instant next() {
    return next;
  }

  /** Returns true when the last read succeeded (and there was one). */
  boolean lastSucceeded() {
    return everSucceeded && failures == 0;
  }

  /** Records a read that worked; the next comes after the interval, or half of it while an incident is open. */
  void succeeded(Instant now, boolean incidentOpen) {
    if (failures > 0) {
      LOG.info("The status page answers again, after {} failed reads since {}", failures, failingSince);
    }
    failures = 0;
    failingSince = null;
    everSucceeded = true;
    next = now.plus(jittered(incidentOpen ? interval.dividedBy(2) : interval));
  }

  /** Records a read that failed; the next comes after a growing, bounded wait. */
  void failed(Instant now, String reason) {
    failures++;
    if (failures == 1) {
      failingSince = now;
      LOG.warn("The status poller cannot read the status page ({}); it keeps trying, backing off up to {} s,"
          + " and says so again when the page answers", reason, maxBackoff().toSeconds());
    } else {
      LOG.debug("Status page read {} failed: {}", failures, reason);
    }
    next = now.plus(jittered(backoff()));
  }

  /** Returns the wait after the current run of failures. */
  Duration backoff() {
    Duration d = interval.multipliedBy(1L << Math.min(Math.max(failures - 1, 0), 16));
    return d.compareTo(maxBackoff()) > 0 ? maxBackoff() : d;
  }

  /** Returns {@code d} shortened by up to a fifth, never lengthened. */
  Duration jittered(Duration d) {
    double factor = 1 - JITTER * random.getAsDouble();
    return Duration.ofNanos(Math.round(d.toNanos() * factor));
  }

  private Duration maxBackoff() {
    return interval.compareTo(MAX_BACKOFF) > 0 ? interval : MAX_BACKOFF;
  }
}
