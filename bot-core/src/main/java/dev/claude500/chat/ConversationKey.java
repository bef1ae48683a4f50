package dev.claude500.chat;

/**
 * Identifies one triage conversation: a thread in a channel on a platform.
 *
 * @param platform the platform's short name
 * @param channel the channel id
 * @param thread the id of the thread (on Slack the parent message's {@code ts})
 */
public record ConversationKey(String platform, String channel, String thread) {
  /** Validates every part. */
  public ConversationKey {
    ChannelRef.requireToken(platform, "platform");
    ChannelRef.requireToken(channel, "channel");
    ChannelRef.requireToken(thread, "thread");
  }

  /** Returns the channel this conversation lives in. */
  public ChannelRef channelRef() {
    return new ChannelRef(platform, channel);
  }

  @Override
  public String toString() {
    return platform + ":" + channel + ":" + thread;
  }
}
