package dev.claude500.adapters;

import dev.claude500.commands.Apology;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the slow part of a chat request (the engine, the store, the status page, posting) after
 * the request was acknowledged, on an executor the adapter owns, usually a {@link #boundedPool}.
 * {@link #offer} never blocks: when the executor has no room, or is shut down, it says no (counted
 * and logged), and the adapter tells the person instead of waiting. A task that fails is logged
 * (the store being unreachable in one line, as is a failure the platform explains, anything else
 * with its stack trace) and handed to the task's own way of apologising to the person who asked.
 * The same for every chat platform. Thread-safe.
 */
public final class DeferredWork {
  private static final Logger LOG = LoggerFactory.getLogger(DeferredWork.class);

  private final String platform;
  private final Executor executor;
  private final Predicate<RuntimeException> explained;
  private final AtomicLong refused = new AtomicLong();

  /**
   * Creates the runner.
   *
   * @param platform names the platform in logs
   * @param executor where tasks run
   * @param explained failures the platform tells the person about in its own words (logged in one line)
   */
  public DeferredWork(String platform, Executor executor, Predicate<RuntimeException> explained) {
    this.platform = Objects.requireNonNull(platform, "platform");
    this.executor = Objects.requireNonNull(executor, "executor");
    this.explained = Objects.requireNonNull(explained, "explained");
  }

  /**
   * Queues a task; returns false at once when the executor has no room or is shut down.
   *
   * @param what names the task in logs
   * @param apologise tells the person who asked when the task fails (with the failure); its own
   *     failure is logged and otherwise ignored
   */
  public boolean offer(String what, Runnable task, Consumer<RuntimeException> apologise) {
    try {
      executor.execute(() -> {
        try {
          task.run();
        } catch (RuntimeException e) {
          failed(what, e, apologise);
        }
      });
      return true;
    } catch (RejectedExecutionException e) {
      long n = refused.incrementAndGet();
      LOG.warn("{} dropped: the {} work queue is full or closed ({} dropped so far)", what, platform, n);
      return false;
    }
  }

  private void failed(String what, RuntimeException e, Consumer<RuntimeException> apologise) {
    if (Apology.isStoreOutage(e)) {
      LOG.warn("{} failed: the store is unreachable ({}); the person is told to try again", what, e.getMessage());
    } else if (explained.test(e)) {
      LOG.warn("{} failed: {}", what, e.getMessage());
    } else {
      LOG.error("{} failed", what, e);
    }
    try {
      apologise.accept(e);
    } catch (RuntimeException again) {
      LOG.info("could not apologise for {}: {}", what, again.toString());
    }
  }

  /** Returns how many tasks were refused. */
  public long refused() {
    return refused.get();
  }

  /** Returns a pool of {@code threads} daemon threads named {@code name-1}... and room for {@code queue} waiting tasks. */
  public static ThreadPoolExecutor boundedPool(String name, int threads, int queue) {
    ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS,
        new ArrayBlockingQueue<>(queue), daemonThreads(name), new ThreadPoolExecutor.AbortPolicy());
    pool.allowCoreThreadTimeOut(true);
    return pool;
  }

  /** Returns a factory of daemon threads named {@code name-1}, {@code name-2}... */
  public static ThreadFactory daemonThreads(String name) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, name + "-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }

  /** Stops {@code pool} taking tasks and gives those taken {@code grace} to finish; never throws. */
  public static void shutdown(ExecutorService pool, Duration grace) {
    pool.shutdown();
    try {
      if (!pool.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS)) {
        pool.shutdownNow();
      }
    } catch (InterruptedException e) {
      pool.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }
}
