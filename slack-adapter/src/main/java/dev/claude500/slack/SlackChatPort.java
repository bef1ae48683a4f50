package dev.claude500.slack;

import dev.claude500.chat.ChannelRef;
import dev.claude500.chat.ChatDeliveryException;
import dev.claude500.chat.ChatPort;
import dev.claude500.chat.MessageRef;
import dev.claude500.chat.Reply;
import java.util.Objects;
import java.util.Optional;

/**
 * The Slack side of the chat port: {@code chat.postMessage} for posts and thread replies (with
 * {@code reply_broadcast} when the reply should also show in the channel), {@code chat.update} for
 * edits, {@code chat.getPermalink} for links. Calls are retried as {@link WebApi} says; what still
 * fails becomes a {@link ChatDeliveryException}. Thread-safe.
 */
final class SlackChatPort implements ChatPort {
  private final WebApi web;

  SlackChatPort(WebApi web) {
    this.web = Objects.requireNonNull(web, "web");
  }

  @Override
  public String platform() {
    return SlackAdapter.PLATFORM;
  }

  @Override
  public MessageRef post(ChannelRef channel, Reply reply) {
    return send(channel, null, reply, false);
  }

  @Override
  public MessageRef postInThread(ChannelRef channel, String threadId, Reply reply, boolean alsoToChannel) {
    Objects.requireNonNull(threadId, "threadId");
    return send(channel, threadId, reply, alsoToChannel);
  }

  @Override
  public void update(MessageRef message, Reply reply) {
    Objects.requireNonNull(message, "message");
    requireSlack(message.channel());
    try {
      web.update(message.channel().channelId(), message.messageId(), BlockKit.render(reply));
    } catch (SlackCallException e) {
      throw e.toDelivery();
    }
  }

  @Override
  public Optional<String> permalink(MessageRef message) {
    Objects.requireNonNull(message, "message");
    requireSlack(message.channel());
    return web.permalink(message.channel().channelId(), message.messageId());
  }

  private MessageRef send(ChannelRef channel, String threadId, Reply reply, boolean broadcast) {
    requireSlack(channel);
    Objects.requireNonNull(reply, "reply");
    try {
      String ts = web.postMessage(channel.channelId(), threadId, broadcast, BlockKit.render(reply));
      if (ts == null || ts.isBlank()) {
        throw ChatDeliveryException.permanent("chat.postMessage answered ok without a ts");
      }
      return new MessageRef(channel, ts);
    } catch (SlackCallException e) {
      throw e.toDelivery();
    }
  }

  private static void requireSlack(ChannelRef channel) {
    Objects.requireNonNull(channel, "channel");
    if (!SlackAdapter.PLATFORM.equals(channel.platform())) {
      throw new IllegalArgumentException("channel is not a Slack channel: " + channel);
    }
  }
}
