package dev.claude500.chat;

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

  /** Returns a link people can follow to a message, when the platform has one. */
  default java.util.Optional<String> permalink(MessageRef message) {
    return java.util.Optional.empty();
  }
}
