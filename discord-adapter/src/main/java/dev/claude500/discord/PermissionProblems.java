package dev.claude500.discord;

import dev.claude500.chat.ChannelRef;
import dev.claude500.commands.Subscription;
import dev.claude500.store.Store;
import dev.claude500.store.StoreException;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.Permission;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells people when Discord refuses the bot for lack of a permission: logged once, and the person
 * who subscribed the channel gets a direct message in plain words, once per channel and problem
 * (remembered in the store, so a restart or another replica does not repeat it). Thread-safe.
 */
final class PermissionProblems {
  private static final Logger LOG = LoggerFactory.getLogger(PermissionProblems.class);

  /** What the bot could not do. */
  enum Problem {
    /** Post a message in the channel. */
    POST("post in", "View Channel, Send Messages and Embed Links"),
    /** Start a thread on its post. */
    CREATE_THREAD("start threads in", "Create Public Threads, Send Messages in Threads and Read Message History"),
    /** Post in the thread of its post. */
    POST_IN_THREAD("post in the threads of", "Send Messages in Threads"),
    /** Edit its own post (it needs to see the channel). */
    EDIT("update its posts in", "View Channel and Read Message History");

    final String action;
    final String permissions;

    Problem(String action, String permissions) {
      this.action = action;
      this.permissions = permissions;
    }
  }

  private final Supplier<Optional<JDA>> jda;
  private final Store store;
  private final Clock clock;

  PermissionProblems(Supplier<Optional<JDA>> jda, Store store, Clock clock) {
    this.jda = Objects.requireNonNull(jda, "jda");
    this.store = Objects.requireNonNull(store, "store");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** Reports that the bot could not do {@code problem} in {@code channel}; only the first time counts. */
  void report(ChannelRef channel, Problem problem, Optional<Permission> named, String detail) {
    String key = "discord:permission:" + channel.channelId() + ":" + problem.name();
    boolean first;
    try {
      first = store.seenDeliveries().firstSeen(key, clock.instant());
    } catch (StoreException e) {
      LOG.warn("cannot record a permission problem in {}: {}", channel, e.toString());
      first = true;
    }
    if (!first) {
      LOG.debug("again: cannot {} {}: {}", problem.action, channel, detail);
      return;
    }
    LOG.warn("Discord refuses the bot: cannot {} channel {} ({}); it needs {} there", problem.action,
        channel.channelId(), detail, problem.permissions);
    Optional<String> subscriber;
    try {
      subscriber = store.subscriptions().find(channel).map(Subscription::subscribedBy);
    } catch (StoreException e) {
      subscriber = Optional.empty();
    }
    subscriber.ifPresent(user -> tell(user, message(channel, problem, named)));
  }

  /** Returns the direct message, in plain words. */
  static String message(ChannelRef channel, Problem problem, Optional<Permission> named) {
    return "Hello! You subscribed <#" + channel.channelId() + "> to Claude status-page incident posts from claude500. "
        + "I cannot " + problem.action + " that channel: Discord says I am missing "
        + named.map(p -> "the **" + p.getName() + "** permission").orElse("a permission") + " there. "
        + "Please ask a server admin to give claude500 " + problem.permissions + " in that channel, "
        + "or run `/claude500 unsubscribe` there. I will not send this message again for this problem.";
  }

  private void tell(String userId, String text) {
    Optional<JDA> api = jda.get();
    if (api.isEmpty()) {
      return;
    }
    try {
      api.get().openPrivateChannelById(userId)
          .flatMap(dm -> dm.sendMessage(DiscordMessages.single(text)))
          .queue(ok -> LOG.info("told {} about the permission problem", userId),
              e -> LOG.warn("cannot tell {} about the permission problem by direct message: {}", userId, e.toString()));
    } catch (RuntimeException e) {
      LOG.warn("cannot tell {} about the permission problem by direct message: {}", userId, e.toString());
    }
  }
}
