package dev.claude500.commands;

import dev.claude500.chat.ChannelRef;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * A channel's wish to receive incident posts.
 *
 * @param channel the channel
 * @param componentIds the status-page component ids it cares about; empty means every incident
 * @param subscribedBy the platform user id of the person who subscribed it
 * @param since when it was created or last changed
 * @param filters what of those incidents, and how, it gets
 */
public record Subscription(
    ChannelRef channel, Set<String> componentIds, String subscribedBy, Instant since, Filters filters) {
  /** Validates every part and copies the set. */
  public Subscription {
    Objects.requireNonNull(channel, "channel");
    componentIds = Set.copyOf(Objects.requireNonNull(componentIds, "componentIds"));
    Objects.requireNonNull(subscribedBy, "subscribedBy");
    Objects.requireNonNull(since, "since");
    Objects.requireNonNull(filters, "filters");
  }

  /** Returns true when the channel takes every incident. */
  public boolean allComponents() {
    return componentIds.isEmpty();
  }
}
