package dev.claude500.discord;

import dev.claude500.chat.ChannelRef;
import dev.claude500.chat.ChatDeliveryException;
import dev.claude500.chat.ChatPort;
import dev.claude500.chat.MessageRef;
import dev.claude500.chat.Reply;
import dev.claude500.discord.PermissionProblems.Problem;
import dev.claude500.outbox.Outgoing;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Supplier;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.entities.channel.attribute.IThreadContainer;
import net.dv8tion.jda.api.entities.channel.concrete.ThreadChannel;
import net.dv8tion.jda.api.entities.channel.middleman.GuildMessageChannel;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import net.dv8tion.jda.api.requests.ErrorResponse;
import net.dv8tion.jda.api.requests.RestAction;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import net.dv8tion.jda.api.utils.messages.MessageEditData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How the core speaks on Discord: incident posts and their threads, triage replies and idle-triage
 * summaries (through the outbox).
 *
 * <p>{@link #post} sends a top-level message (an incident as an embed coloured by its impact).
 * {@link #postInThread} posts in the thread that hangs from a message: on Discord a thread started
 * from a message has the message's id, so the thread is started when it does not exist yet (named
 * after the message's embed), and found again after a restart through the message. The returned
 * reference names the thread as its channel, so {@link #update} and {@link #permalink} work on it.
 * With {@code alsoToChannel} a one-line notice linking to the thread post follows in the channel;
 * once the thread post is in, a failed notice is logged, not thrown (a retry would repeat the post).
 *
 * <p>Posts made under an item key ({@link #post(ChannelRef, Reply, String)} and its thread
 * counterpart) carry a nonce Discord uses to drop a repeat of them for a few minutes, and a short
 * reference people can see ({@link PostMarks}), except a triage reply, which carries the nonce only
 * (its thread looks as it always did); {@link #findPosted} looks for that reference among
 * the newest {@value #HISTORY_WINDOW} messages of the channel or thread. Such a post that fails in a
 * way Discord may have taken it (a timeout, a 5xx) is reported with an unknown outcome, so the
 * caller looks for it before posting again.
 *
 * <p>A channel of a server on a shard another replica holds (the bot sharded across replicas) is
 * not in this process's cache: it is reached by its id ({@link ChannelsById}), with the same posts,
 * marks, nonces and threads, only without JDA's permission checks before sending (Discord's own
 * refusal is then what counts).
 *
 * <p>Every call blocks until Discord answered (at most {@link #TIMEOUT}); never call it on a JDA
 * thread. Rate limits are waited out by JDA. Failures are {@link ChatDeliveryException}s: retryable
 * for rate limits, Discord's 5xx, timeouts and a missing connection; permanent for missing
 * permissions (also reported once to whoever subscribed the channel), unknown channels or
 * messages and refused bodies. Thread-safe.
 */
public final class DiscordChatPort implements ChatPort {
  /** The longest a call waits for Discord. */
  public static final Duration TIMEOUT = Duration.ofSeconds(30);
  /** Messages of a channel or thread looked through for a keyed post: its newest. */
  static final int HISTORY_WINDOW = 200;
  private static final Duration LINK_TIMEOUT = Duration.ofSeconds(3);
  private static final int PAGE = 100;
  private static final int MAX_KNOWN_GUILDS = 10_000;
  private static final String FALLBACK_THREAD_NAME = "claude500 updates";
  private static final Logger LOG = LoggerFactory.getLogger(DiscordChatPort.class);

  private final Supplier<List<JDA>> shards;
  private final DiscordMessages messages;
  private final PermissionProblems problems;
  /** The servers of channels reached by id, learned once (a channel never moves). */
  private final ConcurrentMap<String, String> guilds = new ConcurrentHashMap<>();

  /**
   * A channel or thread to write to: one a held shard has in its cache, or one known by its id only.
   *
   * @param id its id
   * @param cached JDA's channel, when this process has it
   */
  private record Target(String id, Optional<GuildMessageChannel> cached) {
    static Target of(GuildMessageChannel channel) {
      return new Target(channel.getId(), Optional.of(channel));
    }

    static Target byId(String id) {
      return new Target(id, Optional.empty());
    }
  }

  DiscordChatPort(Supplier<List<JDA>> shards, DiscordMessages messages, PermissionProblems problems) {
    this.shards = Objects.requireNonNull(shards, "shards");
    this.messages = Objects.requireNonNull(messages, "messages");
    this.problems = Objects.requireNonNull(problems, "problems");
  }

  @Override
  public String platform() {
    return DiscordAdapter.PLATFORM;
  }

  @Override
  public MessageRef post(ChannelRef channel, Reply reply) {
    return post(channel, reply, Optional.empty());
  }

  @Override
  public MessageRef post(ChannelRef channel, Reply reply, String itemKey) {
    return post(channel, reply, Optional.of(Objects.requireNonNull(itemKey, "itemKey")));
  }

  @Override
  public MessageRef postInThread(ChannelRef channel, String threadId, Reply reply, boolean alsoToChannel) {
    return postInThread(channel, threadId, reply, alsoToChannel, Optional.empty());
  }

  @Override
  public MessageRef postInThread(ChannelRef channel, String threadId, Reply reply, boolean alsoToChannel,
      String itemKey) {
    return postInThread(channel, threadId, reply, alsoToChannel, Optional.of(Objects.requireNonNull(itemKey, "itemKey")));
  }

  /** Looks for the post's reference among the newest messages of the channel, or of the thread. */
  @Override
  public Optional<MessageRef> findPosted(ChannelRef channel, Optional<String> threadId, String itemKey) {
    Target parent = target(channel);
    Optional<Target> where = threadId.isEmpty() ? Optional.of(parent) : existingThread(parent, threadId.get());
    if (where.isEmpty()) {
      return Optional.empty(); // no thread: nothing was posted in it
    }
    JDA api = api();
    String self = api.getSelfUser().getId();
    Optional<String> before = Optional.empty();
    for (int read = 0; read < HISTORY_WINDOW; read += PAGE) {
      Optional<String> from = before;
      List<ChannelsById.Posted> page = read("read the history of " + where.get().id(),
          () -> ChannelsById.history(api, where.get().id(), from, PAGE));
      Optional<ChannelsById.Posted> hit = page.stream().filter(m -> PostMarks.carries(m, self, itemKey)).findFirst();
      if (hit.isPresent() || page.size() < PAGE) {
        return hit.map(m -> new MessageRef(channel, m.id()));
      }
      before = Optional.of(page.get(page.size() - 1).id());
    }
    return Optional.empty();
  }

  private MessageRef post(ChannelRef channel, Reply reply, Optional<String> itemKey) {
    Target target = target(channel);
    String first = sendAll(target, messages.render(reply), channel, Problem.POST, itemKey);
    return new MessageRef(channel, first);
  }

  private MessageRef postInThread(ChannelRef channel, String threadId, Reply reply, boolean alsoToChannel,
      Optional<String> itemKey) {
    Objects.requireNonNull(threadId, "threadId");
    Target parent = target(channel);
    Target thread = thread(parent, channel, threadId);
    String first = sendAll(thread, messages.render(reply), channel, Problem.POST_IN_THREAD, itemKey);
    if (alsoToChannel) {
      try {
        String notice = DiscordMessages.headline(reply) + "\n" + link(guildOf(thread, TIMEOUT), thread.id(), first);
        send(parent, DiscordMessages.single(notice), channel, Problem.POST,
            itemKey.map(k -> PostMarks.nonce(parent.id(), k + "#notice", 0)));
      } catch (ChatDeliveryException e) {
        // The reply itself is in the thread; failing here would make the caller post it there twice.
        LOG.warn("posted in thread {} but not the channel notice in {}: {}", thread.id(), parent.id(), e.getMessage());
      }
    }
    return new MessageRef(new ChannelRef(DiscordAdapter.PLATFORM, thread.id()), first);
  }

  @Override
  public void update(MessageRef message, Reply reply) {
    Target target = target(message.channel());
    MessageEditData edit = MessageEditData.fromCreateData(messages.render(reply).get(0));
    String id = message.messageId();
    call(message.channel(), Problem.EDIT, "edit message " + id + " in " + target.id(),
        () -> target.cached().<RestAction<String>>map(c -> c.editMessageById(id, edit).map(Message::getId))
            .orElseGet(() -> ChannelsById.edit(api(), target.id(), id, edit).map(done -> id)));
  }

  @Override
  public Optional<String> permalink(MessageRef message) {
    if (!DiscordAdapter.PLATFORM.equals(message.channel().platform())) {
      return Optional.empty();
    }
    try {
      Target target = target(message.channel());
      return Optional.of(link(guildOf(target, LINK_TIMEOUT), target.id(), message.messageId()));
    } catch (ChatDeliveryException e) {
      LOG.debug("no link to {}: {}", message, e.getMessage());
      return Optional.empty();
    }
  }

  static String link(String guildId, String channelId, String messageId) {
    return "https://discord.com/channels/" + guildId + "/" + channelId + "/" + messageId;
  }

  /** Returns the thread hanging from a message, started when there is none yet. */
  private Target thread(Target parent, ChannelRef channel, String threadId) {
    Optional<Target> known = cachedThread(threadId);
    if (known.isPresent()) {
      return known.get();
    }
    if (parent.cached().isPresent()) {
      GuildMessageChannel p = parent.cached().get();
      if (!(p instanceof IThreadContainer container)) {
        throw ChatDeliveryException.permanent("channel " + p.getId() + " cannot hold threads");
      }
      Message root = call(channel, Problem.CREATE_THREAD, "read message " + threadId + " in " + p.getId(),
          () -> p.retrieveMessageById(threadId));
      ThreadChannel started = root.getStartedThread();
      if (started != null) {
        return Target.of(started);
      }
      String name = threadName(root);
      return Target.of(call(channel, Problem.CREATE_THREAD, "start a thread on message " + threadId + " in " + p.getId(),
          () -> container.createThreadChannel(name, threadId)));
    }
    ChannelsById.Root root = call(channel, Problem.CREATE_THREAD, "read message " + threadId + " in " + parent.id(),
        () -> ChannelsById.root(api(), parent.id(), threadId));
    if (root.threadId().isPresent()) {
      return Target.byId(root.threadId().get());
    }
    String name = threadName(root.name());
    return Target.byId(call(channel, Problem.CREATE_THREAD,
        "start a thread on message " + threadId + " in " + parent.id(),
        () -> ChannelsById.startThread(api(), parent.id(), threadId, name)));
  }

  /** Returns the thread hanging from a message, without starting one; empty when there is none. */
  private Optional<Target> existingThread(Target parent, String threadId) {
    Optional<Target> known = cachedThread(threadId);
    if (known.isPresent()) {
      return known;
    }
    String action = "read message " + threadId + " in " + parent.id();
    if (parent.cached().isPresent()) {
      Message root = read(action, () -> parent.cached().get().retrieveMessageById(threadId));
      return Optional.ofNullable(root.getStartedThread()).map(Target::of);
    }
    return read(action, () -> ChannelsById.root(api(), parent.id(), threadId)).threadId().map(Target::byId);
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

  /** Sends a post's messages in order; a keyed post's are marked and each carries its own nonce. */
  private String sendAll(Target target, List<MessageCreateData> data, ChannelRef reportTo, Problem problem,
      Optional<String> itemKey) {
    // a triage reply carries its nonce only: its thread shows what it always showed, no reference
    List<MessageCreateData> parts = itemKey.filter(k -> !Outgoing.isTriageKey(k)).map(k -> PostMarks.marked(data, k))
        .orElse(data);
    String first = null;
    for (int i = 0; i < parts.size(); i++) {
      int part = i;
      String sent = send(target, parts.get(i), reportTo, problem,
          itemKey.map(k -> PostMarks.nonce(target.id(), k, part)));
      first = first == null ? sent : first;
    }
    return first;
  }

  private String send(Target target, MessageCreateData data, ChannelRef reportTo, Problem problem,
      Optional<String> nonce) {
    String action = "post in " + target.id();
    Supplier<RestAction<String>> request = () -> target.cached()
        .<RestAction<String>>map(c -> nonce.map(n -> c.sendMessage(data).setNonce(n)).orElseGet(() -> c.sendMessage(data))
            .map(Message::getId))
        .orElseGet(() -> ChannelsById.send(api(), target.id(), data, nonce));
    if (nonce.isEmpty()) {
      return call(reportTo, problem, action, request);
    }
    try {
      return call(reportTo, problem, action, request);
    } catch (ChatDeliveryException e) {
      if (e.retryable() && Failures.mayHaveBeenTaken(e.getCause())) {
        throw ChatDeliveryException.outcomeUnknown(e.getMessage(), e.getCause());
      }
      throw e;
    }
  }

  /** Returns the id of the server of a channel or thread: from the cache, from memory, else asked. */
  private String guildOf(Target target, Duration timeout) {
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
    if (guilds.size() >= MAX_KNOWN_GUILDS) {
      guilds.clear();
    }
    guilds.put(target.id(), guild);
    return guild;
  }

  /** Runs a request that only reads, without reporting permission problems to subscribers. */
  private <T> T read(String action, Supplier<? extends RestAction<T>> request) {
    try {
      return request.get().timeout(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).complete();
    } catch (RuntimeException e) {
      throw Failures.classify(action, e).exception();
    }
  }

  private <T> T call(ChannelRef reportTo, Problem problem, String action, Supplier<? extends RestAction<T>> request) {
    try {
      return request.get().timeout(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).complete();
    } catch (RuntimeException e) {
      Failures.Failure f = Failures.classify(action, e);
      if (f.missingPermission()) {
        problems.report(reportTo, problem, f.permission(), f.exception().getMessage());
      } else if (Failures.unwrap(e) instanceof ErrorResponseException r && r.getErrorResponse() == ErrorResponse.UNKNOWN_CHANNEL) {
        problems.report(reportTo, problem, Optional.empty(),
            "channel " + reportTo.channelId() + " is unknown: deleted, or the bot is no longer in its server");
      }
      throw f.exception();
    }
  }

  /**
   * Returns where to write in a channel: the channel from a held shard's cache, or, when every shard
   * is connected and none has it, the channel by its id (a server on another replica's shard, or a
   * channel gone: Discord's answer to the first request says).
   */
  private Target target(ChannelRef ref) {
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

  private List<JDA> shards() {
    List<JDA> held = shards.get();
    if (held.isEmpty()) {
      throw ChatDeliveryException.retryable("Discord is not connected yet", Optional.empty());
    }
    return held;
  }

  /** Returns a connected shard to send requests by id through (any will do: REST is the bot's, not a shard's). */
  private JDA api() {
    List<JDA> held = shards();
    return held.stream().filter(api -> api.getStatus() == JDA.Status.CONNECTED).findFirst().orElse(held.get(0));
  }
}
