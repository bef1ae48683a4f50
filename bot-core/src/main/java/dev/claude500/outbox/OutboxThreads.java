package dev.claude500.outbox;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads a running bot's outbox makes its later tries on: one timer and a few daemon threads
 * that send (a send blocks until the platform answered). Closing stops them.
 */
public final class OutboxThreads implements AutoCloseable {
  private final ScheduledExecutorService timer;
  private final ExecutorService senders;
  private final Scheduler scheduler;

  private OutboxThreads(int senders) {
    this.timer = Executors.newSingleThreadScheduledExecutor(daemons("claude500-outbox-timer"));
    this.senders = Executors.newFixedThreadPool(senders, daemons("claude500-outbox"));
    this.scheduler = Scheduler.of(timer, this.senders);
  }

  /** Starts a timer and {@code senders} sending threads. */
  public static OutboxThreads start(int senders) {
    if (senders < 1) {
      throw new IllegalArgumentException("senders must be at least 1, was " + senders);
    }
    return new OutboxThreads(senders);
  }

  /** Returns the scheduler running tasks on these threads. */
  public Scheduler scheduler() {
    return scheduler;
  }

  /** Stops the timer, and gives a send under way a few seconds to finish. */
  @Override
  public void close() {
    timer.shutdownNow();
    senders.shutdown();
    try {
      if (!senders.awaitTermination(5, TimeUnit.SECONDS)) {
        senders.shutdownNow();
      }
    } catch (InterruptedException e) {
      senders.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }

  private static ThreadFactory daemons(String name) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, name + "-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }
}
