package dev.claude500.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.claude500.store.Store;
import dev.claude500.store.StoreException;
import dev.claude500.store.StoreFault;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Drives a store through a fault for a test: writes tried all through it, and the time until the
 * store writes again, or says what it should, after the fault ends. Each wait fails past {@link
 * #RECOVERY_BOUND}; the times returned are for the tests to print.
 */
public final class FaultDrill {
  /** How long a fault lasts in the fault tests. */
  public static final Duration FAULT = Duration.ofSeconds(10);
  /**
   * How soon after a fault ends the store must write again, generous for a busy machine: the pool
   * retries connecting with a backoff of up to 5 s, and readiness waits for the next write check.
   */
  public static final Duration RECOVERY_BOUND = Duration.ofSeconds(15);
  private static final Instant T0 = Instant.parse("2026-07-21T10:00:00Z");
  private static final Duration PACE = Duration.ofMillis(100);
  private static final Duration POLL = Duration.ofMillis(50);

  private FaultDrill() {}

  /** Records the delivery that {@link #everyWriteSucceedsAndNothingWasLost} looks for after the fault. */
  public static void writeBefore(Store store) {
    assertThat(store.seenDeliveries().firstSeen("before", T0)).isTrue();
  }

  /**
   * Tries a write every 100 ms for {@code fault}; each must fail as a {@link StoreException}.
   * Returns how many were tried.
   */
  public static int writesFailThroughout(Store store, Duration fault) throws InterruptedException {
    int tried = 0;
    long end = System.nanoTime() + fault.toNanos();
    while (System.nanoTime() < end) {
      String id = "during-" + tried++;
      assertThatThrownBy(() -> store.seenDeliveries().firstSeen(id, T0)).isInstanceOf(StoreException.class);
      Thread.sleep(PACE.toMillis()); // paces the writes over the fault, whose length is what is waited out
    }
    return tried;
  }

  /** Tries a write every 50 ms until one succeeds; returns how long that took; fails past the bound. */
  public static Duration untilAWriteSucceeds(Store store) throws InterruptedException {
    long start = System.nanoTime();
    for (int attempt = 0; ; attempt++) {
      try {
        store.seenDeliveries().firstSeen("after-" + attempt, T0);
        return Duration.ofNanos(System.nanoTime() - start);
      } catch (StoreException e) {
        if (System.nanoTime() - start > RECOVERY_BOUND.toNanos()) {
          throw new AssertionError("no write succeeded within " + RECOVERY_BOUND + " after the fault", e);
        }
        Thread.sleep(POLL.toMillis());
      }
    }
  }

  /** Waits until the store's write fault is {@code expected}; returns how long it took; fails past the bound. */
  public static Duration untilWriteFault(Store store, Optional<StoreFault> expected) throws InterruptedException {
    return until(() -> store.writeFault().equals(expected),
        () -> "the store's write fault is " + store.writeFault() + ", not " + expected);
  }

  /** Waits until {@code condition} holds, asking every 50 ms; returns how long it took; fails past the bound. */
  public static Duration until(java.util.function.BooleanSupplier condition, Supplier<String> otherwise)
      throws InterruptedException {
    long start = System.nanoTime();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() - start > RECOVERY_BOUND.toNanos()) {
        throw new AssertionError(otherwise.get() + " after " + RECOVERY_BOUND);
      }
      Thread.sleep(POLL.toMillis());
    }
    return Duration.ofNanos(System.nanoTime() - start);
  }

  /** Ten writes in a row succeed, and the delivery recorded before the fault is still known. */
  public static void everyWriteSucceedsAndNothingWasLost(Store store) {
    for (int i = 0; i < 10; i++) {
      assertThat(store.seenDeliveries().firstSeen("later-" + i, T0)).isTrue();
    }
    assertThat(store.seenDeliveries().firstSeen("before", T0)).as("recorded before the fault").isFalse();
  }
}
