package dev.claude500.discord;

import dev.claude500.chat.Text;
import dev.claude500.commands.Apology;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import net.dv8tion.jda.api.interactions.InteractionHook;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the slow part of an interaction (the engine, the store, the status page, posting replies)
 * on the bot's own bounded executor, after the interaction was acknowledged on JDA's thread. A
 * task that fails, or that finds the queue full, tells the person in an ephemeral message: the
 * store being unreachable for a moment with the shared {@link Apology} (and one log line).
 * Thread-safe.
 */
final class Work {
  private static final Logger LOG = LoggerFactory.getLogger(Work.class);

  private final Executor executor;

  Work(Executor executor) {
    this.executor = Objects.requireNonNull(executor, "executor");
  }

  /** Returns a bounded pool of daemon threads: {@code threads} workers and {@code queue} waiting tasks. */
  static ThreadPoolExecutor boundedPool(String name, int threads, int queue) {
    return new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS, new ArrayBlockingQueue<>(queue),
        daemonThreads(name));
  }

  /** Returns a factory of daemon threads named {@code name-1}, {@code name-2}... */
  static ThreadFactory daemonThreads(String name) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, name + "-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }

  /** Runs {@code task} later; {@code hook} is how the person hears of a failure. */
  void run(InteractionHook hook, String what, Runnable task) {
    try {
      executor.execute(() -> {
        try {
          task.run();
        } catch (RuntimeException e) {
          failed(hook, what, e);
        }
      });
    } catch (RejectedExecutionException e) {
      LOG.warn("too busy to {}: the work queue is full", what);
      tell(hook, Text.plain("claude500 is busy right now; please try again in a minute."));
    }
  }

  private static void failed(InteractionHook hook, String what, RuntimeException e) {
    if (Apology.isStoreOutage(e)) {
      LOG.warn("cannot {}: the store is unreachable ({}); the person is told to try again", what, e.getMessage());
      tell(hook, Apology.textFor(e));
      return;
    }
    Failures.Failure f = Failures.classify(what, e);
    if (f.missingPermission()) {
      LOG.warn("cannot {}: {}", what, f.exception().getMessage());
      tell(hook, Text.builder().plain("Discord refused me here: I am missing ")
          .strong(f.permission().map(p -> p.getName() + " permission").orElse("a permission"))
          .plain(" in this channel. Ask a server admin to give claude500 " + InviteUrl.PERMISSION_NAMES + " here.")
          .build());
      return;
    }
    LOG.warn("cannot {}", what, e);
    tell(hook, Text.plain("Something went wrong on my side, sorry (" + Limits.cut(f.exception().getMessage(), 300)
        + "). Please try again."));
  }

  private static void tell(InteractionHook hook, Text text) {
    try {
      hook.sendMessage(DiscordMessages.single(DiscordMarkdown.render(text)))
          .setEphemeral(true).queue(null, e -> LOG.debug("could not tell the person: {}", e.toString()));
    } catch (RuntimeException e) {
      LOG.debug("could not tell the person: {}", e.toString());
    }
  }
}
