package dev.claude500.commands;

import dev.claude500.chat.ChannelRef;
import java.util.List;
import java.util.Optional;

/** Channel subscriptions to incident posts. Thread-safe. */
public interface SubscriptionStore {
  /** Creates or replaces the channel's subscription. */
  void save(Subscription subscription);

  /** Removes the channel's subscription; returns false when there was none. */
  boolean remove(ChannelRef channel);

  /** Returns the channel's subscription. */
  Optional<Subscription> find(ChannelRef channel);

  /** Returns every subscription, in a stable order (platform, then channel id, as Java strings). */
  List<Subscription> all();
}
