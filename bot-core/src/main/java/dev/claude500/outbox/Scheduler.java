package dev.claude500.outbox;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** Runs a task after a delay: the only way the {@link Outbox} waits. Implementations are thread-safe. */
@FunctionalInterface
public interface Scheduler {
  /**
   * Runs {@code task} once {@code delay} has passed; it may run later, never earlier. A scheduler
   * that is shut down drops the task.
   */
  void schedule(Duration delay, Runnable task);

  /** Returns a scheduler whose timer is {@code timer} and whose tasks run on {@code executor}. */
  static Scheduler of(ScheduledExecutorService timer, Executor executor) {
    Objects.requireNonNull(timer, "timer");
    Objects.requireNonNull(executor, "executor");
    return (delay, task) -> {
      try {
        // in microseconds, rounded up: never earlier than asked
        long micros = Math.max(0, (delay.toNanos() + 999) / 1_000);
        timer.schedule(() -> executor.execute(task), micros, TimeUnit.MICROSECONDS);
      } catch (RejectedExecutionException shutDown) {
        // the outbox is closing: what is still queued stays in its store for the next start
      }
    };
  }
}
