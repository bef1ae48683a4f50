package dev.claude500.slack;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How Web API calls are retried: how many attempts, the backoff between them, and the longest
 * {@code Retry-After} worth waiting for in line (a longer one is handed back to the caller).
 *
 * @param maxAttempts attempts in all, the first included
 * @param firstBackoff the wait after the first failure; it doubles after each further one
 * @param maxBackoff the longest backoff
 * @param maxWait the longest single wait, {@code Retry-After} included
 * @param pause how the waiting is done (tests record it instead of sleeping)
 */
record RetryPolicy(int maxAttempts, Duration firstBackoff, Duration maxBackoff, Duration maxWait, Pause pause) {
  /** The policy the adapter runs with: 5 attempts, 250 ms doubling to 8 s, waits of at most 60 s. */
  static final RetryPolicy DEFAULT = new RetryPolicy(5, Duration.ofMillis(250), Duration.ofSeconds(8),
      Duration.ofSeconds(60), Pause.SLEEP);

  /** Validates. */
  RetryPolicy {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1");
    }
    Objects.requireNonNull(firstBackoff, "firstBackoff");
    Objects.requireNonNull(maxBackoff, "maxBackoff");
    Objects.requireNonNull(maxWait, "maxWait");
    Objects.requireNonNull(pause, "pause");
  }

  /** Returns the backoff after failed attempt {@code attempt} (1-based), with up to 20% jitter. */
  Duration backoff(int attempt) {
    long base = firstBackoff.toMillis() << Math.min(attempt - 1, 20);
    long capped = Math.min(base, maxBackoff.toMillis());
    return Duration.ofMillis(capped + ThreadLocalRandom.current().nextLong(capped / 5 + 1));
  }

  /**
   * Returns this policy for calls whose caller waits on its own (the outbox's): no {@code
   * Retry-After} and no backoff of a second or more is waited for in line; the failure is handed
   * back at once, so the thread is free for other channels.
   */
  RetryPolicy handingBackWaits() {
    Duration shortest = Duration.ofMillis(999);
    return new RetryPolicy(maxAttempts, firstBackoff, maxBackoff, maxWait.compareTo(shortest) < 0 ? maxWait : shortest,
        pause);
  }

  /** Returns this policy with another way of pausing. */
  RetryPolicy withPause(Pause other) {
    return new RetryPolicy(maxAttempts, firstBackoff, maxBackoff, maxWait, other);
  }

  /** Waits between attempts. */
  @FunctionalInterface
  interface Pause {
    /** Sleeps on the calling thread. */
    Pause SLEEP = d -> Thread.sleep(d.toMillis());

    /** Waits for {@code duration}. */
    void pause(Duration duration) throws InterruptedException;
  }
}
