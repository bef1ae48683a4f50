package dev.claude500.testing;

import dev.claude500.outbox.Scheduler;
import java.time.Clock;
import java.time.Duration;

/**
 * A {@link Scheduler} for tests that step a clock by hand: a task due now runs at once on the
 * calling thread, after every delayed task the clock has reached by then; a delayed task waits for
 * that moment (or for {@link #runDue()}) in a {@link ManualScheduler}. So an outbox on it sends as
 * soon as it is asked, and a channel that waits out a {@code Retry-After} is tried again the first
 * time anything is queued after the clock passed it. Single-threaded use.
 */
public final class InlineScheduler implements Scheduler {
  private final ManualScheduler delayed;

  /** Creates a scheduler reading {@code clock}. */
  public InlineScheduler(Clock clock) {
    this.delayed = new ManualScheduler(clock);
  }

  @Override
  public void schedule(Duration delay, Runnable task) {
    if (delay.isNegative() || delay.isZero()) {
      delayed.runDue();
      task.run();
    } else {
      delayed.schedule(delay, task);
    }
  }

  /** Runs every delayed task due by the clock's time, those they schedule included; returns how many ran. */
  public int runDue() {
    return delayed.runDue();
  }
}
