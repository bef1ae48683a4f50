package dev.claude500.discord;

import dev.claude500.chat.ChannelRef;
import dev.claude500.chat.ChatDeliveryException;
import dev.claude500.chat.ChatPort;
import dev.claude500.chat.MessageRef;
import dev.claude500.chat.Reply;
import dev.claude500.discord.PermissionProblems.Problem;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.MessageHistory;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.entities.channel.attribute.IThreadContainer;
import net.dv8tion.jda.api.entities.channel.concrete.ThreadChannel;
import net.dv8tion.jda.api.entities.channel.middleman.GuildChannel;
import net.dv8tion.jda.api.entities.channel.middleman.GuildMessageChannel;
import net.dv8tion.jda.api.requests.RestAction;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import net.dv8tion.jda.api.utils.messages.MessageEditData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How the core speaks first on Discord: incident posts and their threads, idle-triage summaries.
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
 * reference people can see ({@link PostMarks}); {@link #findPosted} looks for that reference among
 * the newest {@value #HISTORY_WINDOW} messages of the channel or thread. Such a post that fails in a
 * way Discord may have taken it (a timeout, a 5xx) is reported with an unknown outcome, so the
 * caller looks for it before posting again.
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
  private static final int PAGE = 100;
  private static final String FALLBACK_THREAD_NAME = "claude500 updates";
  private static final Logger LOG = LoggerFactory.getLogger(DiscordChatPort.class);

  private final Supplier<Optional<JDA>> jda;
  private final DiscordMessages messages;
  private final PermissionProblems problems;

  DiscordChatPort(Supplier<Optional<JDA>> jda, DiscordMessages messages, PermissionProblems problems) {
    this.jda = Objects.requireNonNull(jda, "jda");
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
    GuildMessageChannel parent = channel(channel, Problem.POST);
    Optional<? extends GuildMessageChannel> where = threadId.isEmpty() ? Optional.of(parent)
        : existingThread(parent, threadId.get());
    if (where.isEmpty()) {
      return Optional.empty(); // no thread: nothing was posted in it
    }
    MessageHistory history = where.get().getHistory();
    for (int read = 0; read < HISTORY_WINDOW; read += PAGE) {
      List<Message> page = read("read the history of " + where.get().getId(), () -> history.retrievePast(PAGE));
      Optional<Message> hit = page.stream().filter(m -> PostMarks.carries(m, itemKey)).findFirst();
      if (hit.isPresent() || page.size() < PAGE) {
        return hit.map(m -> new MessageRef(channel, m.getId()));
      }
    }
    return Optional.empty();
  }

  private MessageRef post(ChannelRef channel, Reply reply, Optional<String> itemKey) {
    GuildMessageChannel target = channel(channel, Problem.POST);
    Message first = sendAll(target, messages.render(reply), channel, Problem.POST, itemKey);
    return new MessageRef(channel, first.getId());
  }

  private MessageRef postInThread(ChannelRef channel, String threadId, Reply reply, boolean alsoToChannel,
      Optional<String> itemKey) {
    Objects.requireNonNull(threadId, "threadId");
    GuildMessageChannel parent = channel(channel, Problem.POST);
    ThreadChannel thread = thread(parent, channel, threadId);
    Message first = sendAll(thread, messages.render(reply), channel, Problem.POST_IN_THREAD, itemKey);
    if (alsoToChannel) {
      String notice = DiscordMessages.headline(reply) + "\n" + link(thread.getGuild().getId(), thread.getId(), first.getId());
      try {
        send(parent, DiscordMessages.single(notice), channel, Problem.POST,
            itemKey.map(k -> PostMarks.nonce(parent.getId(), k + "#notice", 0)));
      } catch (ChatDeliveryException e) {
        // The reply itself is in the thread; failing here would make the caller post it there twice.
        LOG.warn("posted in thread {} but not the channel notice in {}: {}", thread.getId(), parent.getId(), e.getMessage());
      }
    }
    return new MessageRef(new ChannelRef(DiscordAdapter.PLATFORM, thread.getId()), first.getId());
  }

  @Override
  public void update(MessageRef message, Reply reply) {
    GuildMessageChannel target = channel(message.channel(), Problem.EDIT);
    MessageEditData edit = MessageEditData.fromCreateData(messages.render(reply).get(0));
    call(message.channel(), Problem.EDIT, "edit message " + message.messageId() + " in " + target.getId(),
        () -> target.editMessageById(message.messageId(), edit));
  }

  @Override
  public Optional<String> permalink(MessageRef message) {
    if (!DiscordAdapter.PLATFORM.equals(message.channel().platform())) {
      return Optional.empty();
    }
    return jda.get()
        .map(api -> api.getChannelById(GuildChannel.class, message.channel().channelId()))
        .map(c -> link(c.getGuild().getId(), c.getId(), message.messageId()));
  }

  static String link(String guildId, String channelId, String messageId) {
    return "https://discord.com/channels/" + guildId + "/" + channelId + "/" + messageId;
  }

  private ThreadChannel thread(GuildMessageChannel parent, ChannelRef channel, String threadId) {
    JDA api = api();
    ThreadChannel cached = api.getThreadChannelById(threadId);
    if (cached != null) {
      return cached;
    }
    if (!(parent instanceof IThreadContainer container)) {
      throw ChatDeliveryException.permanent("channel " + parent.getId() + " cannot hold threads");
    }
    Message root = call(channel, Problem.CREATE_THREAD, "read message " + threadId + " in " + parent.getId(),
        () -> parent.retrieveMessageById(threadId));
    ThreadChannel started = root.getStartedThread();
    if (started != null) {
      return started;
    }
    String name = threadName(root);
    return call(channel, Problem.CREATE_THREAD, "start a thread on message " + threadId + " in " + parent.getId(),
        () -> container.createThreadChannel(name, threadId));
  }

  /** Returns the thread hanging from a message, without starting one; empty when there is none. */
  private Optional<ThreadChannel> existingThread(GuildMessageChannel parent, String threadId) {
    ThreadChannel cached = api().getThreadChannelById(threadId);
    if (cached != null) {
      return Optional.of(cached);
    }
    Message root = read("read message " + threadId + " in " + parent.getId(), () -> parent.retrieveMessageById(threadId));
    return Optional.ofNullable(root.getStartedThread());
  }

  static String threadName(Message root) {
    String name = root.getEmbeds().stream().map(MessageEmbed::getTitle).filter(Objects::nonNull).findFirst()
        .orElse(root.getContentStripped());
    name = Limits.firstLine(name == null ? "" : name, Limits.THREAD_NAME);
    return name.isBlank() ? FALLBACK_THREAD_NAME : name;
  }

  /** Sends a post's messages in order; a keyed post's are marked and each carries its own nonce. */
  private Message sendAll(GuildMessageChannel target, List<MessageCreateData> data, ChannelRef reportTo, Problem problem,
      Optional<String> itemKey) {
    List<MessageCreateData> parts = itemKey.map(k -> PostMarks.marked(data, k)).orElse(data);
    Message first = null;
    for (int i = 0; i < parts.size(); i++) {
      int part = i;
      Message sent = send(target, parts.get(i), reportTo, problem,
          itemKey.map(k -> PostMarks.nonce(target.getId(), k, part)));
      first = first == null ? sent : first;
    }
    return first;
  }

  private Message send(GuildMessageChannel target, MessageCreateData data, ChannelRef reportTo, Problem problem,
      Optional<String> nonce) {
    String action = "post in " + target.getId();
    if (nonce.isEmpty()) {
      return call(reportTo, problem, action, () -> target.sendMessage(data));
    }
    try {
      return call(reportTo, problem, action, () -> target.sendMessage(data).setNonce(nonce.get()));
    } catch (ChatDeliveryException e) {
      if (e.retryable() && Failures.mayHaveBeenTaken(e.getCause())) {
        throw ChatDeliveryException.outcomeUnknown(e.getMessage(), e.getCause());
      }
      throw e;
    }
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
      }
      throw f.exception();
    }
  }

  private GuildMessageChannel channel(ChannelRef ref, Problem problem) {
    if (!DiscordAdapter.PLATFORM.equals(ref.platform())) {
      throw new IllegalArgumentException("channel: not a Discord channel: " + ref);
    }
    JDA api = api();
    GuildMessageChannel channel = api.getChannelById(GuildMessageChannel.class, ref.channelId());
    if (channel == null && api.getStatus() != JDA.Status.CONNECTED) {
      throw ChatDeliveryException.retryable("Discord is " + api.getStatus() + "; channel " + ref.channelId()
          + " is not known yet", Optional.empty());
    }
    if (channel == null) {
      String detail = "channel " + ref.channelId() + " is unknown: deleted, or the bot is no longer in its server";
      problems.report(ref, problem, Optional.empty(), detail);
      throw ChatDeliveryException.permanent(detail);
    }
    return channel;
  }

  private JDA api() {
    return jda.get().orElseThrow(() -> ChatDeliveryException.retryable("Discord is not connected yet", Optional.empty()));
  }
}
