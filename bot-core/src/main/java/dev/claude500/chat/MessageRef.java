package dev.claude500.chat;

import java.util.Objects;

/**
 * A message a chat platform accepted, as that platform names it.
 *
 * @param channel the channel it is in
 * @param messageId the platform's message id (on Slack the {@code ts})
 */
public record MessageRef(ChannelRef channel, String messageId) {
  /** Validates both parts. */
  public MessageRef {
    Objects.requireNonNull(channel, "channel");
    ChannelRef.requireToken(messageId, "messageId");
  }
}
