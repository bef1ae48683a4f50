package dev.claude500.store;

import dev.claude500.chat.ChannelRef;
import dev.claude500.commands.Subscription;
import dev.claude500.commands.SubscriptionStore;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.stream.Collectors;

/** Subscriptions in a concurrent map keyed by channel. */
final class InMemorySubscriptions implements SubscriptionStore {
  private final ConcurrentMap<ChannelRef, Subscription> byChannel = new ConcurrentHashMap<>();

  @Override
  public void save(Subscription subscription) {
    Objects.requireNonNull(subscription, "subscription");
    byChannel.put(subscription.channel(), Micros.truncate(subscription));
  }

  @Override
  public boolean remove(ChannelRef channel) {
    return byChannel.remove(Objects.requireNonNull(channel, "channel")) != null;
  }

  @Override
  public Optional<Subscription> find(ChannelRef channel) {
    return Optional.ofNullable(byChannel.get(Objects.requireNonNull(channel, "channel")));
  }

  @Override
  public List<Subscription> all() {
    return byChannel.values().stream()
        .sorted(Orderings.SUBSCRIPTIONS)
        .collect(Collectors.toUnmodifiableList());
  }
}
