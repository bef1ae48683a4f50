package dev.claude500.discord;

import dev.claude500.chat.ChannelRef;
import dev.claude500.chat.ChatDeliveryException;
import dev.claude500.discord.PermissionProblems.Problem;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.entities.channel.attribute.IThreadContainer;
import net.dv8tion.jda.api.entities.channel.concrete.ThreadChannel;
import net.dv8tion.jda.api.entities.channel.middleman.GuildMessageChannel;

/**
 * Finds where the chat port writes: a channel or thread from a held shard's cache, or, for a
 * server on a shard another replica holds, by its id alone ({@link ChannelsById}); the thread that
 * hangs from a message (on Discord it has the message's id), started when asked to and there is
 * none yet; and the server a channel belongs to, for links. Blocks; never call it on a JDA thread.
 * Thread-safe.
 */
final class Targets {
  private static final int MAX_KNOWN_GUILDS = 10_000;
  private static final String FALLBACK_THREAD_NAME = "claude500 updates";

  private final Supplier<List<JDA>> shards;
  private final Requests requests;
  /** The servers of channels reached by id, learned once (a channel never moves). */
  private final ConcurrentMap<String, String> guilds = new ConcurrentHashMap<>();

  /**
   * A channel or thread to write to: one a held shard has in its cache, or one known by its id only.
   *
   * @param id its id
   * @param cached JDA's channel, when this process has it
   */
  record Target(String id, Optional<GuildMessageChannel> cached) {
    static Target of(GuildMessageChannel channel) {
      return new Target(channel.getId(), Optional.of(channel));
    }

    static Target byId(String id) {
      return new Target(id, Optional.empty());
    }
  }

  Targets(Supplier<List<JDA>> shards, Requests requests) {
    this.shards = Objects.requireNonNull(shards, "shards");
    this.requests = Objects.requireNonNull(requests, "requests");
  }

  /**
   * Returns where to write in a channel: the channel from a held shard's cache, or, when every shard
   * is connected and none has it, the channel by its id (a server on another replica's shard, or a
   * channel gone: Discord's answer to the first request says).
   */
  Target target(ChannelRef ref) {
    if (!DiscordAdapter.PLATFORM.equals(ref.platform())) {
      throw new IllegalArgumentException("channel: not a Discord channel: " + ref);
    }
    List<JDA> held = shards();
    for (JDA api : held) {
      GuildMessageChannel channel = api.getChannelById(GuildMessageChannel.class, ref.channelId());
      if (channel != null) {
        return Target.of(channel);
      }
    }
    for (JDA api : held) {
      if (api.getStatus() != JDA.Status.CONNECTED) {
        throw ChatDeliveryException.retryable("Discord is " + api.getStatus() + "; channel " + ref.channelId()
            + " is not known yet", Optional.empty());
      }
    }
    return Target.byId(ref.channelId());
  }

  /** Returns the thread hanging from a message, started when there is none yet. */
  Target thread(Target parent, ChannelRef channel, String threadId) {
    Optional<Target> known = cachedThread(threadId);
    if (known.isPresent()) {
      return known.get();
    }
    if (parent.cached().isPresent()) {
      GuildMessageChannel p = parent.cached().get();
      if (!(p instanceof IThreadContainer container)) {
        throw ChatDeliveryException.permanent("channel " + p.getId() + " cannot hold threads");
      }
      Message root = requests.call(channel, Problem.CREATE_THREAD, "read message " + threadId + " in " + p.getId(),
          () -> p.retrieveMessageById(threadId));
      ThreadChannel started = root.getStartedThread();
      if (started != null) {
        return Target.of(started);
      }
      String name = threadName(root);
      return Target.of(requests.call(channel, Problem.CREATE_THREAD,
          "start a thread on message " + threadId + " in " + p.getId(), () -> container.createThreadChannel(name, threadId)));
    }
    ChannelsById.Root root = requests.call(channel, Problem.CREATE_THREAD,
        "read message " + threadId + " in " + parent.id(), () -> ChannelsById.root(api(), parent.id(), threadId));
    if (root.threadId().isPresent()) {
      return Target.byId(root.threadId().get());
    }
    String name = threadName(root.name());
    return Target.byId(requests.call(channel, Problem.CREATE_THREAD,
        "start a thread on message " + threadId + " in " + parent.id(),
        () -> ChannelsById.startThread(api(), parent.id(), threadId, name)));
  }

  /** Returns the thread hanging from a message, without starting one; empty when there is none. */
  Optional<Target> existingThread(Target parent, String threadId) {
    Optional<Target> known = cachedThread(threadId);
    if (known.isPresent()) {
      return known;
    }
    String action = "read message " + threadId + " in " + parent.id();
    if (parent.cached().isPresent()) {
      Message root = requests.read(action, () -> parent.cached().get().retrieveMessageById(threadId));
      return Optional.ofNullable(root.getStartedThread()).map(Target::of);
    }
    return requests.read(action, () -> ChannelsById.root(api(), parent.id(), threadId)).threadId().map(Target::byId);
  }

  private Optional<Target> cachedThread(String threadId) {
    return shards().stream().map(api -> api.getThreadChannelById(threadId)).filter(Objects::nonNull)
        .findFirst().map(Target::of);
  }

  static String threadName(Message root) {
    return threadName(root.getEmbeds().stream().map(MessageEmbed::getTitle).filter(Objects::nonNull).findFirst()
        .orElse(root.getContentStripped()));
  }

  private static String threadName(String titleOrText) {
    String name = Limits.firstLine(titleOrText == null ? "" : titleOrText, Limits.THREAD_NAME);
    return name.isBlank() ? FALLBACK_THREAD_NAME : name;
  }

  /** Remembers the server of a channel or thread, as an interaction in it said. */
  void knowGuild(String channelId, String guildId) {
    if (guilds.size() >= MAX_KNOWN_GUILDS) {
      guilds.clear();
    }
    guilds.put(Objects.requireNonNull(channelId, "channelId"), Objects.requireNonNull(guildId, "guildId"));
  }

  /** Returns the server of a channel or thread learned before, without asking Discord or needing a shard. */
  Optional<String> knownGuild(String channelId) {
    return Optional.ofNullable(guilds.get(channelId));
  }

  /** Returns the id of the server of a channel or thread: from the cache, from memory, else asked. */
  String guildOf(Target target, Duration timeout) {
    if (target.cached().isPresent()) {
      return target.cached().get().getGuild().getId();
    }
    String known = guilds.get(target.id());
    if (known != null) {
      return known;
    }
    String guild;
    try {
      guild = ChannelsById.guildOf(api(), target.id()).timeout(timeout.toMillis(), TimeUnit.MILLISECONDS).complete();
    } catch (RuntimeException e) {
      throw Failures.classify("read channel " + target.id(), e).exception();
    }
    knowGuild(target.id(), guild);
    return guild;
  }

  private List<JDA> shards() {
    List<JDA> held = shards.get();
    if (held.isEmpty()) {
      throw ChatDeliveryException.retryable("Discord is not connected yet", Optional.empty());
    }
    return held;
  }

  /** Returns a connected shard to send requests by id through (any will do: REST is the bot's, not a shard's). */
  JDA api() {
    List<JDA> held = shards();
    return held.stream().filter(api -> api.getStatus() == JDA.Status.CONNECTED).findFirst().orElse(held.get(0));
  }
}
