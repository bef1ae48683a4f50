package dev.claude500.testing;

import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.Executor;

/**
 * An {@link Executor} that only queues tasks until the test runs them with {@link #runAll()}, so a
 * test can observe the moment between "a background task was started" and "it ran". Thread-safe.
 */
public final class ManualExecutor implements Executor {
  private final Queue<Runnable> queue = new ArrayDeque<>();

  @Override
  public synchronized void execute(Runnable task) {
    queue.add(task);
  }

  /** Returns how many tasks wait to run. */
  public synchronized int pending() {
    return queue.size();
  }

  /** Runs queued tasks on the calling thread, including ones they queue, until none is left; returns how many ran. */
  public int runAll() {
    int ran = 0;
    for (Runnable task = next(); task != null; task = next()) {
      task.run();
      ran++;
    }
    return ran;
  }

  private synchronized Runnable next() {
    return queue.poll();
  }
}
