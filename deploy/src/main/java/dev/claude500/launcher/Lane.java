package dev.claude500.launcher;

import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Where a class of routes works out its answers: threads and a bounded queue of its own, so that
 * one class of requests (Slack's, say) cannot hold up another (health checks, metrics); or the
 * server's IO thread itself, for answers that never block. {@link #offer} never blocks: a full
 * queue says no at once. Thread-safe.
 */
final class Lane implements AutoCloseable {
  /** Answers on the server's IO thread: only for answers that take no time and never block. */
  static final Lane INLINE = new Lane("inline", Runnable::run);

  private final String name;
  private final Executor executor;

  private Lane(String name, Executor executor) {
    this.name = Objects.requireNonNull(name, "name");
    this.executor = Objects.requireNonNull(executor, "executor");
  }

  /** Returns a lane of {@code threads} daemon threads named after it and a queue of {@code queue} tasks. */
  static Lane pool(String name, int threads, int queue) {
    AtomicInteger n = new AtomicInteger();
    ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS,
        new ArrayBlockingQueue<>(queue), r -> {
          Thread t = new Thread(r, "claude500-" + name + "-" + n.incrementAndGet());
          t.setDaemon(true);
          return t;
        });
    pool.allowCoreThreadTimeOut(true);
    return new Lane(name, pool);
  }

  /** Returns a lane that hands its tasks to {@code executor} (tests hold them back with one). */
  static Lane of(String name, Executor executor) {
    return new Lane(name, executor);
  }

  @Override
  public String toString() {
    return "Lane[" + name + "]";
  }

  /** Runs {@code task} on the lane; returns false at once when its queue is full or it is closed. */
  boolean offer(Runnable task) {
    try {
      executor.execute(task);
      return true;
    } catch (RejectedExecutionException full) {
      return false;
    }
  }

  /** Stops the lane's threads, if it has any; tasks still queued are dropped. */
  @Override
  public void close() {
    if (executor instanceof ExecutorService pool) {
      pool.shutdownNow();
    }
  }
}
