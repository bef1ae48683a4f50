package dev.claude500.slack;

import dev.claude500.commands.Apology;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the slow part of each request after its acknowledgement: a fixed number of threads and a
 * bounded queue. {@link #offer} never blocks; when the queue is full it says no, and the caller
 * tells the person (or logs) instead of waiting. A task that fails is logged (the store being
 * unreachable in one line, anything else with its stack trace) and handed to the task's own way of
 * apologising to the person who asked. Thread-safe.
 */
final class Worker implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Worker.class);

  private final ThreadPoolExecutor pool;
  private final AtomicLong refused = new AtomicLong();

  Worker(int threads, int queue) {
    AtomicInteger n = new AtomicInteger();
    this.pool = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS, new ArrayBlockingQueue<>(queue), r -> {
      Thread t = new Thread(r, "claude500-slack-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    }, new ThreadPoolExecutor.AbortPolicy());
    pool.allowCoreThreadTimeOut(true);
  }

  /**
   * Queues a task; returns false at once when the queue is full or the worker is closed.
   *
   * @param what names the task in logs
   * @param apologise tells the person who asked when the task fails (with the failure); its own
   *     failure is logged and otherwise ignored
   */
  boolean offer(String what, Runnable task, Consumer<RuntimeException> apologise) {
    try {
      pool.execute(() -> {
        try {
          task.run();
        } catch (RuntimeException e) {
          failed(what, e, apologise);
        }
      });
      return true;
    } catch (RejectedExecutionException e) {
      long n = refused.incrementAndGet();
      LOG.warn("{} dropped: the Slack worker queue is full or closed ({} dropped so far)", what, n);
      return false;
    }
  }

  private static void failed(String what, RuntimeException e, Consumer<RuntimeException> apologise) {
    if (Apology.isStoreOutage(e)) {
      LOG.warn("{} failed: the store is unreachable ({}); the person is told to try again", what, e.getMessage());
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
  long refused() {
    return refused.get();
  }

  /** Stops taking tasks and gives queued ones a few seconds to finish. */
  @Override
  public void close() {
    pool.shutdown();
    try {
      if (!pool.awaitTermination(5, TimeUnit.SECONDS)) {
        pool.shutdownNow();
      }
    } catch (InterruptedException e) {
      pool.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }
}
