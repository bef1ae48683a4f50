package dev.claude500.slack;

import dev.claude500.adapters.DeferredWork;
import java.time.Duration;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.function.Consumer;

/**
 * Runs the slow part of each Slack request after its acknowledgement ({@link DeferredWork}): a
 * fixed number of threads and a bounded queue of the adapter's own. {@link #offer} never blocks;
 * when the queue is full it says no, and the caller tells the person (or logs) instead of waiting.
 * Thread-safe.
 */
final class Worker implements AutoCloseable {
  private static final Duration GRACE = Duration.ofSeconds(5);

  private final ThreadPoolExecutor pool;
  private final DeferredWork work;

  Worker(int threads, int queue) {
    this.pool = DeferredWork.boundedPool("claude500-slack", threads, queue);
    this.work = new DeferredWork(SlackAdapter.PLATFORM, pool, e -> false);
  }

  /**
   * Queues a task; returns false at once when the queue is full or the worker is closed.
   *
   * @param what names the task in logs
   * @param apologise tells the person who asked when the task fails (with the failure)
   */
  boolean offer(String what, Runnable task, Consumer<RuntimeException> apologise) {
    return work.offer(what, task, apologise);
  }

  /** Returns how many tasks were refused. */
  long refused() {
    return work.refused();
  }

  /** Stops taking tasks and gives queued ones a few seconds to finish. */
  @Override
  public void close() {
    DeferredWork.shutdown(pool, GRACE);
  }
}
