package dev.claude500.slack;

import com.slack.api.util.thread.DaemonThreadExecutorServiceProvider;
import com.slack.api.util.thread.ExecutorServiceProvider;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Slack's client threads as the SDK makes them, except the Socket Mode client's session cleaner:
 * the pool on which Bolt closes a connection it has retired (after a refresh it moves to the new
 * connection, then closes the old one there). After {@link #hold()}, what the cleaner is given waits
 * until {@link #release()}, so a test chooses when Bolt closes the retired connection.
 */
final class HeldSessionCleaner implements ExecutorServiceProvider, AutoCloseable {
  /** The name Bolt's Socket Mode client gives its session cleaner pool. */
  private static final String CLEANER = "socket-mode-session-cleaner";
  private static final Duration LONGEST_HOLD = Duration.ofSeconds(30);
  private static final ExecutorServiceProvider SDK = DaemonThreadExecutorServiceProvider.getInstance();

  private volatile CountDownLatch gate = new CountDownLatch(0);
  private final AtomicBoolean made = new AtomicBoolean();

  @Override
  public ExecutorService createThreadPoolExecutor(String name, int size) {
    ExecutorService pool = SDK.createThreadPoolExecutor(name, size);
    if (!name.equals(CLEANER)) {
      return pool;
    }
    made.set(true);
    return new Held(pool);
  }

  @Override
  public ScheduledExecutorService createThreadScheduledExecutor(String name) {
    return SDK.createThreadScheduledExecutor(name);
  }

  /** Returns true once a Socket Mode client has made its session cleaner here (so holding it works). */
  boolean cleanerMade() {
    return made.get();
  }

  /** Makes what the cleaner is given from now on wait for {@link #release()}. */
  void hold() {
    gate = new CountDownLatch(1);
  }

  /** Lets the cleaner run what it was given, and what comes later at once. */
  void release() {
    gate.countDown();
  }

  @Override
  public void close() {
    release();
  }

  private final class Held extends AbstractExecutorService {
    private final ExecutorService pool;

    Held(ExecutorService pool) {
      this.pool = pool;
    }

    @Override
    public void execute(Runnable task) {
      CountDownLatch held = gate;
      pool.execute(() -> {
        try {
          if (!held.await(LONGEST_HOLD.toMillis(), TimeUnit.MILLISECONDS)) {
            System.err.println("session cleaner held longer than " + LONGEST_HOLD + "; running it");
          }
          task.run();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      });
    }

    @Override
    public void shutdown() {
      pool.shutdown();
    }

    @Override
    public List<Runnable> shutdownNow() {
      return pool.shutdownNow();
    }

    @Override
    public boolean isShutdown() {
      return pool.isShutdown();
    }

    @Override
    public boolean isTerminated() {
      return pool.isTerminated();
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
      return pool.awaitTermination(timeout, unit);
    }
  }
}
