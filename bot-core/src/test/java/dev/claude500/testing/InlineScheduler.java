package dev.claude500.testing;

import dev.claude500.outbox.Scheduler;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@link Scheduler} for tests that step a clock by hand: a task due now runs at once on the
 * calling thread, after every delayed task the clock has reached by then; a delayed task waits for
 * that moment (or for {@link #runDue()}). So an outbox on it sends as soon as it is asked, and a
 * channel that waits out a {@code Retry-After} is tried again the first time anything is queued
 * after the clock passed it. Single-threaded use.
 */
public final class InlineScheduler implements Scheduler {
  private record Task(Instant due, long order, Runnable task) {}

  private final Clock clock;
  private final List<Task> delayed = new ArrayList<>();
  private long scheduled;

  /** Creates a scheduler reading {@code clock}. */
  public InlineScheduler(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public void schedule(Duration delay, Runnable task) {
    if (delay.isNegative() || delay.isZero()) {
      runDue();
      task.run();
    } else {
      delayed.add(new Task(clock.instant().plus(delay), scheduled++, task));
    }
  }

  /** Runs every delayed task due by the clock's time, those they schedule included; returns how many ran. */
  public int runDue() {
    int ran = 0;
    for (Optional<Task> next = nextDue(); next.isPresent(); next = nextDue()) {
      next.get().task().run();
      ran++;
    }
    return ran;
  }

  private Optional<Task> nextDue() {
    Instant now = clock.instant();
    Optional<Task> due = delayed.stream().filter(t -> !t.due().isAfter(now))
        .min(Comparator.comparing(Task::due).thenComparingLong(Task::order));
    due.ifPresent(delayed::remove);
    return due;
  }
}
