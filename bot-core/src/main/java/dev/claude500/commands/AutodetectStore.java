package dev.claude500.commands;

import dev.claude500.chat.ChannelRef;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Where the bot offers a triage under a pasted error ({@code autodetect}, off unless a channel
 * turned it on), and when each person was last offered one, so that offers stay rare however many
 * replicas read the same messages. Thread-safe.
 */
public interface AutodetectStore {
  /** Turns offers on in a channel; turning them on again records the latest person and time. */
  void turnOn(AutodetectSetting setting);

  /** Turns offers off in a channel; returns false when they were off. */
  boolean turnOff(ChannelRef channel);

  /** Returns the channel's setting when offers are on there; empty when they are off. */
  Optional<AutodetectSetting> find(ChannelRef channel);

  /**
   * Claims an offer to a person: records {@code now} and returns true when they were last offered
   * one at or before {@code now - gap} (or never); returns false, changing nothing, otherwise. Of two
   * claims racing for one person, on any replicas, at most one wins.
   *
   * @param platform the person's platform
   * @param userId the person's platform user id
   * @param now the time of the offer
   * @param gap the least time between two offers to one person (positive)
   */
  boolean claimOffer(String platform, String userId, Instant now, Duration gap);
}
