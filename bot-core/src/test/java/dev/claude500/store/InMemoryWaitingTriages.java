package dev.claude500.store;

import dev.claude500.chat.ConversationKey;
import dev.claude500.incidents.WaitingTriage;
import dev.claude500.incidents.WaitingTriages;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.stream.Collectors;

/** Waiting triages in a concurrent map keyed by thread. */
final class InMemoryWaitingTriages implements WaitingTriages {
  private final ConcurrentMap<ConversationKey, WaitingTriage> waiting = new ConcurrentHashMap<>();

  @Override
  public void register(ConversationKey key, Optional<String> incidentId, Instant now) {
    Objects.requireNonNull(key, "key");
    Checks.requireNonBlankIfPresent(incidentId, "incidentId");
    waiting.put(key, new WaitingTriage(key, incidentId, Micros.truncate(Objects.requireNonNull(now, "now"))));
  }

  @Override
  public boolean remove(ConversationKey key) {
    Objects.requireNonNull(key, "key");
    return waiting.remove(key) != null;
  }

  @Override
  public Optional<WaitingTriage> find(ConversationKey key) {
    Objects.requireNonNull(key, "key");
    return Optional.ofNullable(waiting.get(key));
  }

  @Override
  public List<WaitingTriage> all() {
    return waiting.values().stream().sorted(Orderings.WAITING).collect(Collectors.toUnmodifiableList());
  }
}
