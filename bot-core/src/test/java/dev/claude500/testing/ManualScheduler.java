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
 * A {@link Scheduler} on a clock tests move: tasks wait until the test runs those that are due
 * ({@link #runDue()}) on its own thread, so a test decides exactly when a delayed try happens.
 * Thread-safe.
 */
public final class ManualScheduler implements Scheduler {
  private record Task(Instant due, long order, Runnable task) {}

  private final Clock clock;
  private final List<Task> tasks = new ArrayList<>();
  private long scheduled;

  /** Creates a scheduler reading {@code clock} (a {@link MutableClock}, usually). */
  public ManualScheduler(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public synchronized void schedule(Duration delay, Runnable task) {
    tasks.add(new Task(clock.instant().plus(delay.isNegative() ? Duration.ZERO : delay), scheduled++, task));
  }

  /** Runs every task due by the clock's time, including ones they schedule that are due too; returns how many ran. */
  public int runDue() {
    int ran = 0;
    for (Optional<Task> next = nextDue(); next.isPresent(); next = nextDue()) {
      next.get().task().run();
      ran++;
    }
    return ran;
  }

  /** Returns when the earliest waiting task is due, if any waits. */
  public synchronized Optional<Instant> nextDueAt() {
    return tasks.stream().map(Task::due).min(Comparator.naturalOrder());
  }

  /** Returns how many tasks wait. */
  public synchronized int waiting() {
    return tasks.size();
  }

  private synchronized Optional<Task> nextDue() {
    Instant now = clock.instant();
    Optional<Task> due = tasks.stream().filter(t -> !t.due().isAfter(now))
        .min(Comparator.comparing(Task::due).thenComparingLong(Task::order));
    due.ifPresent(tasks::remove);
    return due;
  }
}
