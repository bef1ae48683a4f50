package dev.claude500.chat;

import java.util.Optional;

/**
 * What the core asks of a chat platform when it speaks first (incident posts, follow-ups, idle
 * triage summaries). Each adapter implements it; implementations are thread-safe.
 *
 * <p>Failures are {@link ChatDeliveryException}s that say whether a later attempt may succeed;
 * callers retry those and never drop the message.
 */
public interface ChatPort {
  /** Returns the platform's short name, as in {@link ChannelRef#platform()}. */
  String platform();

  /** Posts a top-level message in a channel and returns it. */
  MessageRef post(ChannelRef channel, Reply reply);

  /**
   * Posts in the thread under a message.
   *
   * @param threadId the id of the message the thread hangs from (on Discord, also the thread's id)
   * @param alsoToChannel when true the reply is also shown in the channel (Slack's broadcast; on
   *     Discord a short channel message)
   */
  MessageRef postInThread(ChannelRef channel, String threadId, Reply reply, boolean alsoToChannel);

  /** Replaces a message's content. */
  void update(MessageRef message, Reply reply);

  /**
   * Returns the workspace (Slack) or server (Discord) a channel belongs to: what the team-wide
   * views (who is hit, early warnings, stats) count together. By default every channel of the
   * platform is one workspace, named after the platform.
   *
   * @throws ChatDeliveryException when the platform must be asked and cannot answer now
   */
  default String workspace(ChannelRef channel) {
    return channel.platform();
  }

  /** Returns a link people can follow to a message, when the platform has one. */
  default Optional<String> permalink(MessageRef message) {
    return Optional.empty();
  }

  /**
   * Posts a top-level message like {@link #post(ChannelRef, Reply)}, tagged with the poster's item
   * key (e.g. {@code incident/abc123}) where the platform can carry one unseen (Slack message
   * metadata, a Discord nonce or embed footer), so that {@link #findPosted} can find it later. By
   * default the key is dropped.
   */
  default MessageRef post(ChannelRef channel, Reply reply, String itemKey) {
    return post(channel, reply);
  }

  /**
   * Posts in a thread like {@link #postInThread(ChannelRef, String, Reply, boolean)}, tagged with
   * the poster's item key as {@link #post(ChannelRef, Reply, String)} is. By default the key is
   * dropped.
   */
  default MessageRef postInThread(
      ChannelRef channel, String threadId, Reply reply, boolean alsoToChannel, String itemKey) {
    return postInThread(channel, threadId, reply, alsoToChannel);
  }

  /**
   * Returns a message posted earlier with this item key, looking among recent messages of the
   * channel (or of the thread, when {@code threadId} is given). The outbox asks before
   * posting again an item whose post may have gone out just before a crash; an adapter that tags
   * posts should answer it. By default it finds nothing, and the outbox then posts again: such an
   * item may then appear twice.
   */
  default Optional<MessageRef> findPosted(
      ChannelRef channel, Optional<String> threadId, String itemKey) {
    return Optional.empty();
  }
}
