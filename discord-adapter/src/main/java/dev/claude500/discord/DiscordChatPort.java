package dev.claude500.discord;

import dev.claude500.chat.ChannelRef;
import dev.claude500.chat.ChatDeliveryException;
import dev.claude500.chat.ChatPort;
import dev.claude500.chat.MessageRef;
import dev.claude500.chat.Reply;
import dev.claude500.discord.PermissionProblems.Problem;
import dev.claude500.discord.Targets.Target;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.requests.RestAction;
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
 * counterpart) carry a {@link PostTag}, by which {@link #findPosted} finds them among the newest
 * messages of the channel or thread ({@link TaggedPosts}), except a triage reply, which carries its
 * nonce only (its thread looks as it always did); such a post that fails in a way Discord may have
 * taken it (a timeout, a 5xx) is reported with an unknown outcome, so the caller looks for it before
 * posting again.
 *
 * <p>A channel of a server on a shard another replica holds (the bot sharded across replicas) is
 * not in this process's cache: it is reached by its id ({@link Targets}), with the same posts,
 * marks, nonces and threads, only without JDA's permission checks before sending (Discord's own
 * refusal is then what counts).
 *
 * <p>Every call blocks until Discord answered (at most {@link Requests#TIMEOUT}); never call it on a JDA
 * thread. Rate limits are waited out by JDA. Failures are {@link ChatDeliveryException}s: retryable
 * for rate limits, Discord's 5xx, timeouts and a missing connection; permanent for missing
 * permissions (also reported once to whoever subscribed the channel), unknown channels or
 * messages and refused bodies. Thread-safe.
 */
public final class DiscordChatPort implements ChatPort {
  private static final Duration LINK_TIMEOUT = Duration.ofSeconds(3);
  private static final Logger LOG = LoggerFactory.getLogger(DiscordChatPort.class);

  private final DiscordMessages messages;
  private final Requests requests;
  private final Targets targets;
  private final TaggedPosts tagged;

  DiscordChatPort(Supplier<List<JDA>> shards, DiscordMessages messages, PermissionProblems problems) {
    this.messages = Objects.requireNonNull(messages, "messages");
    this.requests = new Requests(problems);
    this.targets = new Targets(shards, requests);
    this.tagged = new TaggedPosts(targets, requests);
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

  /** Looks for the post's tag among the newest messages of the channel, or of the thread. */
  @Override
  public Optional<MessageRef> findPosted(ChannelRef channel, Optional<String> threadId, String itemKey) {
    Target parent = targets.target(channel);
    Optional<Target> where = threadId.isEmpty() ? Optional.of(parent) : targets.existingThread(parent, threadId.get());
    if (where.isEmpty()) {
      return Optional.empty(); // no thread: nothing was posted in it
    }
    return tagged.find(where.get(), itemKey).map(id -> new MessageRef(channel, id));
  }

  private MessageRef post(ChannelRef channel, Reply reply, Optional<String> itemKey) {
    Target target = targets.target(channel);
    String first = tagged.post(target, messages.render(reply), channel, Problem.POST, itemKey);
    return new MessageRef(channel, first);
  }

  private MessageRef postInThread(ChannelRef channel, String threadId, Reply reply, boolean alsoToChannel,
      Optional<String> itemKey) {
    Objects.requireNonNull(threadId, "threadId");
    Target parent = targets.target(channel);
    Target thread = targets.thread(parent, channel, threadId);
    String first = tagged.post(thread, messages.render(reply), channel, Problem.POST_IN_THREAD, itemKey);
    if (alsoToChannel) {
      try {
        String notice = DiscordMessages.headline(reply) + "\n" + link(targets.guildOf(thread, Requests.TIMEOUT), thread.id(), first);
        tagged.send(parent, DiscordMessages.single(notice), channel, Problem.POST,
            itemKey.map(k -> PostTag.nonce(parent.id(), k + "#notice", 0)));
      } catch (ChatDeliveryException e) {
        // The reply itself is in the thread; failing here would make the caller post it there twice.
        LOG.warn("posted in thread {} but not the channel notice in {}: {}", thread.id(), parent.id(), e.getMessage());
      }
    }
    return new MessageRef(new ChannelRef(DiscordAdapter.PLATFORM, thread.id()), first);
  }

  @Override
  public void update(MessageRef message, Reply reply) {
    Target target = targets.target(message.channel());
    MessageEditData edit = MessageEditData.fromCreateData(messages.render(reply).get(0));
    String id = message.messageId();
    requests.call(message.channel(), Problem.EDIT, "edit message " + id + " in " + target.id(),
        () -> target.cached().<RestAction<String>>map(c -> c.editMessageById(id, edit).map(Message::getId))
            .orElseGet(() -> ChannelsById.edit(targets.api(), target.id(), id, edit).map(done -> id)));
  }

  /**
   * Returns the id of the server the channel (or thread) is in: as an interaction in it said (see
   * {@link #knowGuild}) or learned before, even while Discord reconnects; else from the cache or asked.
   */
  @Override
  public String workspace(ChannelRef channel) {
    if (DiscordAdapter.PLATFORM.equals(channel.platform())) {
      Optional<String> known = targets.knownGuild(channel.channelId());
      if (known.isPresent()) {
        return known.get();
      }
    }
    return targets.guildOf(targets.target(channel), LINK_TIMEOUT);
  }

  /** Remembers the server of a channel or thread, as an interaction in it said (a channel never moves). */
  void knowGuild(String channelId, String guildId) {
    targets.knowGuild(channelId, guildId);
  }

  @Override
  public Optional<String> permalink(MessageRef message) {
    if (!DiscordAdapter.PLATFORM.equals(message.channel().platform())) {
      return Optional.empty();
    }
    try {
      Target target = targets.target(message.channel());
      return Optional.of(link(targets.guildOf(target, LINK_TIMEOUT), target.id(), message.messageId()));
    } catch (ChatDeliveryException e) {
      LOG.debug("no link to {}: {}", message, e.getMessage());
      return Optional.empty();
    }
  }

  static String link(String guildId, String channelId, String messageId) {
    return "https://discord.com/channels/" + guildId + "/" + channelId + "/" + messageId;
  }
}
