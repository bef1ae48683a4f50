package dev.claude500.slack;

import dev.claude500.chat.ChannelRef;
import dev.claude500.chat.ChatDeliveryException;
import dev.claude500.chat.ChatPort;
import dev.claude500.chat.ConversationKey;
import dev.claude500.chat.MessageRef;
import dev.claude500.chat.Reply;
import java.util.Objects;
import java.util.Optional;

/**
 * The Slack side of the chat port: {@code chat.postMessage} for posts and thread replies (with
 * {@code reply_broadcast} when the reply should also show in the channel), {@code chat.update} for
 * edits, {@code chat.getPermalink} for links.
 *
 * <p>Every post carries a {@link PostTag} in its message metadata: the caller's item key when it
 * gives one, else a fresh key of its own. {@link #findPosted} reads it back from the channel's
 * history (or the thread's replies), and a post whose answer was lost is looked for before it is
 * posted again ({@link TaggedPosts}). A question posted in a triage's thread is remembered in
 * {@link Prompts}, so that it loses its buttons however it is answered.
 *
 * <p>Calls are retried as {@link WebApi} says; what still fails becomes a {@link
 * ChatDeliveryException}. Thread-safe.
 */
final class SlackChatPort implements ChatPort {
  private final WebApi web;
  private final TaggedPosts tagged;
  private final Prompts prompts;
  private volatile String team = SlackAdapter.PLATFORM;

  SlackChatPort(WebApi web, Prompts prompts) {
    this.web = Objects.requireNonNull(web, "web");
    this.tagged = new TaggedPosts(web);
    this.prompts = Objects.requireNonNull(prompts, "prompts");
  }

  @Override
  public String platform() {
    return SlackAdapter.PLATFORM;
  }

  @Override
  public MessageRef post(ChannelRef channel, Reply reply) {
    return send(channel, null, reply, false, Optional.empty());
  }

  @Override
  public MessageRef post(ChannelRef channel, Reply reply, String itemKey) {
    return send(channel, null, reply, false, Optional.of(itemKey));
  }

  @Override
  public MessageRef postInThread(ChannelRef channel, String threadId, Reply reply, boolean alsoToChannel) {
    Objects.requireNonNull(threadId, "threadId");
    return send(channel, threadId, reply, alsoToChannel, Optional.empty());
  }

  @Override
  public MessageRef postInThread(ChannelRef channel, String threadId, Reply reply, boolean alsoToChannel,
      String itemKey) {
    Objects.requireNonNull(threadId, "threadId");
    return send(channel, threadId, reply, alsoToChannel, Optional.of(itemKey));
  }

  @Override
  public void update(MessageRef message, Reply reply) {
    Objects.requireNonNull(message, "message");
    requireSlack(message.channel());
    try {
      web.update(message.channel().channelId(), message.messageId(), SlackMessages.render(reply));
    } catch (SlackCallException e) {
      throw e.toDelivery();
    }
  }

  /** Remembers the workspace the bot token belongs to, as {@code auth.test} told it. */
  void knowTeam(String teamId) {
    if (ChannelRef.isValidId(teamId)) {
      team = teamId;
    }
  }

  /** Returns the bot token's workspace: one token serves one workspace. */
  @Override
  public String workspace(ChannelRef channel) {
    requireSlack(channel);
    return team;
  }

  @Override
  public Optional<String> permalink(MessageRef message) {
    Objects.requireNonNull(message, "message");
    requireSlack(message.channel());
    return web.permalink(message.channel().channelId(), message.messageId());
  }

  /** Looks for the key among the channel's newest messages, or the thread's replies. */
  @Override
  public Optional<MessageRef> findPosted(ChannelRef channel, Optional<String> threadId, String itemKey) {
    requireSlack(channel);
    PostTag wanted = new PostTag(itemKey, Optional.empty());
    try {
      return tagged.find(channel.channelId(), threadId, wanted::isOn).map(m -> new MessageRef(channel, m.getTs()));
    } catch (SlackCallException e) {
      throw e.toDelivery();
    }
  }

  private MessageRef send(ChannelRef channel, String threadId, Reply reply, boolean broadcast, Optional<String> itemKey) {
    requireSlack(channel);
    Objects.requireNonNull(reply, "reply");
    SlackMessage message = SlackMessages.render(reply);
    PostTag tag = itemKey.map(k -> PostTag.of(k, reply)).orElseGet(() -> PostTag.fresh("post", reply));
    String ts;
    try {
      ts = tagged.post(channel.channelId(), threadId, broadcast, message, tag);
    } catch (SlackCallException e) {
      throw e.toDelivery();
    }
    if (ts == null || ts.isBlank()) {
      throw ChatDeliveryException.permanent("chat.postMessage answered ok without a ts");
    }
    if (threadId != null && tag.prompt().isPresent()) {
      prompts.remember(new ConversationKey(SlackAdapter.PLATFORM, channel.channelId(), threadId),
          new Prompts.Prompt(ts, tag.prompt().get(), message.blocks()));
    }
    return new MessageRef(channel, ts);
  }

  private static void requireSlack(ChannelRef channel) {
    Objects.requireNonNull(channel, "channel");
    if (!SlackAdapter.PLATFORM.equals(channel.platform())) {
      throw new IllegalArgumentException("channel is not a Slack channel: " + channel);
    }
  }
}
