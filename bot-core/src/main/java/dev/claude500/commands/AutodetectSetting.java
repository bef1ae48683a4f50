package dev.claude500.commands;

import dev.claude500.chat.ChannelRef;
import java.time.Instant;
import java.util.Objects;

/**
 * A channel where the bot offers a triage under a pasted error ({@code /claude500 autodetect on}).
 *
 * @param channel the channel
 * @param turnedOnBy the platform user id of the person who turned it on
 * @param since when it was turned on
 */
public record AutodetectSetting(ChannelRef channel, String turnedOnBy, Instant since) {
  /** Rejects null. */
  public AutodetectSetting {
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(turnedOnBy, "turnedOnBy");
    Objects.requireNonNull(since, "since");
  }
}
