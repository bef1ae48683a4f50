package dev.claude500.incidents;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Named leases, so that of several replicas sharing one store only one does a job at a time (the
 * incident watcher polls and posts). A lease is held until its expiry; its holder renews it by
 * acquiring it again before then, and anyone may take it once it has lapsed.
 *
 * <p>Expiry instants come from the callers' clocks, so replicas' clocks must agree to well within a
 * lease's duration. Thread-safe; safe between processes sharing a database.
 */
public interface Leases {
  /**
   * Takes or renews a lease: succeeds when nobody holds it, when {@code holder} holds it, or when
   * its holder let it lapse ({@code expiresAt <= now}).
   *
   * @param duration how long from {@code now} it is held; positive
   * @return true when {@code holder} now holds it until {@code now + duration}; false when someone
   *     else holds it
   */
  boolean acquire(String name, String holder, Instant now, Duration duration);

  /**
   * Gives a lease up, so another replica may take it at once; does nothing unless {@code holder}
   * holds it.
   *
   * @return true when it was held by {@code holder} and is now free
   */
  boolean release(String name, String holder);

  /** Returns the lease's holder and expiry, lapsed or not; empty when it is free (never taken, or released). */
  Optional<Lease> find(String name);
}
