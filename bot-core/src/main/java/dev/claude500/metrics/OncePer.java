package dev.claude500.metrics;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Lets one event a period through, so that a flood of like events (refused requests, connections
 * cut) makes one log line a period rather than one each: the first event passes, then none until
 * the period has passed since the last one that did. Counts every event, passed or not. Thread-safe.
 */
public final class OncePer {
  private final long periodNanos;
  private final LongSupplier nanoTime;
  private final AtomicLong count = new AtomicLong();
  private final AtomicLong lastPassed;

  /** Lets one event through every {@code period}, timed by {@code nanoTime}, e.g. {@code System::nanoTime}. */
  public OncePer(Duration period, LongSupplier nanoTime) {
    Objects.requireNonNull(period, "period");
    if (period.isNegative() || period.isZero()) {
      throw new IllegalArgumentException("period must be positive: " + period);
    }
    this.periodNanos = period.toNanos();
    this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
    this.lastPassed = new AtomicLong(nanoTime.getAsLong() - periodNanos);
  }

  /**
   * Counts an event; returns how many there have been so far (this one included) when it may be
   * logged, or 0 when one was logged less than a period ago.
   */
  public long event() {
    long n = count.incrementAndGet();
    long now = nanoTime.getAsLong();
    long last = lastPassed.get();
    return now - last >= periodNanos && lastPassed.compareAndSet(last, now) ? n : 0;
  }
}
