package dev.claude500.chat;

import java.util.Objects;

/**
 * A channel on one chat platform.
 *
 * @param platform the platform's short name, e.g. {@code slack}, {@code discord} or {@code console}
 * @param channelId the platform's id of the channel
 */
public record ChannelRef(String platform, String channelId) {
  /** Validates both parts. */
  public ChannelRef {
    requireToken(platform, "platform");
    requireToken(channelId, "channelId");
  }

  static void requireToken(String value, String name) {
    Objects.requireNonNull(value, name);
    if (value.isBlank() || value.length() > 200) {
      throw new IllegalArgumentException(name + " must be 1..200 characters and not blank");
    }
  }

  @Override
  public String toString() {
    return platform + ":" + channelId;
  }
}
