package dev.claude500.outbox;

import dev.claude500.chat.ChannelRef;
import java.util.Objects;
import java.util.Optional;

/**
 * Where messages keep their order: one thread of a channel, or the channel itself (its top-level
 * posts).
 *
 * @param channel the channel
 * @param threadId the thread, or empty for the channel's top level
 */
public record Lane(ChannelRef channel, Optional<String> threadId) {
  /** Rejects null. */
  public Lane {
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(threadId, "threadId");
  }

  @Override
  public String toString() {
    return threadId.map(t -> channel + " thread " + t).orElse(channel.toString());
  }
}
