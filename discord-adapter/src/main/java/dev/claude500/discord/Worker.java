package dev.claude500.discord;

import dev.claude500.commands.Apology;
import dev.claude500.adapters.DeferredWork;
import dev.claude500.chat.Text;
import java.util.concurrent.Executor;
import net.dv8tion.jda.api.interactions.InteractionHook;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the slow part of an interaction (the engine, the store, the status page, posting replies)
 * on the bot's own executor ({@link DeferredWork}), after the interaction was acknowledged on JDA's
 * thread. A task that fails, or that finds the queue full, tells the person in an ephemeral
 * message: the store being unreachable for a moment with the shared {@link Apology}, a permission
 * the bot lacks in plain words. Thread-safe.
 */
final class Worker {
  private static final Logger LOG = LoggerFactory.getLogger(Worker.class);

  private final DeferredWork work;

  Worker(Executor executor) {
    this.work = new DeferredWork(DiscordAdapter.PLATFORM, executor,
        e -> Failures.classify("", e).missingPermission());
  }

  /** Runs {@code task} later; {@code hook} is how the person hears of a failure. */
  void run(InteractionHook hook, String what, Runnable task) {
    if (!work.offer(what, task, e -> tell(hook, apology(what, e)))) {
      tell(hook, Text.plain("claude500 is busy right now; please try again in a minute."));
    }
  }

  private static Text apology(String what, RuntimeException e) {
    if (Apology.isStoreOutage(e)) {
      return Apology.textFor(e);
    }
    Failures.Failure f = Failures.classify(what, e);
    if (f.missingPermission()) {
      return Text.builder().plain("Discord refused me here: I am missing ")
          .strong(f.permission().map(p -> p.getName() + " permission").orElse("a permission"))
          .plain(" in this channel. Ask a server admin to give claude500 " + InviteUrl.PERMISSION_NAMES + " here.")
          .build();
    }
    return Text.plain("Something went wrong on my side, sorry (" + Limits.cut(f.exception().getMessage(), 300)
        + "). Please try again.");
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
