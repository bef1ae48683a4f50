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

  /**
   * Returns true when {@code value} may be a part of a channel ref or conversation key (a platform,
   * a channel or thread id): 1..200 characters, not blank. Adapters check what a platform sends
   * with it before building either.
   */
  public static boolean isValidId(String value) {
    return value != null && !value.isBlank() && value.length() <= 200;
  }

  /**
   * Returns {@code value} when {@link #isValidId} accepts it.
   *
   * @throws NullPointerException naming {@code name} when it is null
   * @throws IllegalArgumentException naming {@code name} when it is blank or too long
   */
  public static String requireToken(String value, String name) {
    Objects.requireNonNull(value, name);
    if (!isValidId(value)) {
      throw new IllegalArgumentException(name + " must be 1..200 characters and not blank");
    }
    return value;
  }

  @Override
  public String toString() {
    return platform + ":" + channelId;
  }
}
