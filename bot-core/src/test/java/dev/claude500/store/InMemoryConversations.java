package dev.claude500.store;

import dev.claude500.chat.ConversationKey;
import dev.claude500.triage.ConversationStore;
import dev.claude500.triage.StoredConversation;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/** Conversations in a concurrent map; compare-and-set on the version inside {@code compute}. */
final class InMemoryConversations implements ConversationStore {
  private final ConcurrentMap<ConversationKey, StoredConversation> byKey =
      new ConcurrentHashMap<>();
  private final Predicate<ConversationKey> waiting;

  /** Creates an empty store; {@code waiting} tells the threads whose triage waits for an incident. */
  InMemoryConversations(Predicate<ConversationKey> waiting) {
    this.waiting = Objects.requireNonNull(waiting, "waiting");
  }

  @Override
  public Optional<StoredConversation> find(ConversationKey key) {
    return Optional.ofNullable(byKey.get(Objects.requireNonNull(key, "key")));
  }

  @Override
  public boolean create(StoredConversation conversation) {
    Checks.requireNewVersion(conversation);
    return byKey.putIfAbsent(conversation.key(), Micros.truncate(conversation)) == null;
  }

  @Override
  public boolean update(StoredConversation next) {
    Checks.requireNextVersion(next);
    StoredConversation stored = Micros.truncate(next);
    AtomicBoolean replaced = new AtomicBoolean();
    byKey.computeIfPresent(
        next.key(),
        (key, current) -> {
          if (current.version() != next.version() - 1) {
            return current;
          }
          replaced.set(true);
          return stored;
        });
    return replaced.get();
  }

  @Override
  public List<StoredConversation> findOpenIdleSince(Instant cutoff, int limit) {
    Instant before = Micros.truncate(Objects.requireNonNull(cutoff, "cutoff"));
    Checks.requireLimit(limit);
    return byKey.values().stream()
        .filter(c -> c.open() && c.updatedAt().isBefore(before))
        .sorted(Orderings.IDLE)
        .limit(limit)
        .collect(Collectors.toUnmodifiableList());
  }

  @Override
  public int purgeClosedBefore(Instant cutoff, int limit) {
    Instant before = Micros.truncate(Objects.requireNonNull(cutoff, "cutoff"));
    Checks.requireLimit(limit);
    List<StoredConversation> batch = byKey.values().stream()
        .filter(c -> !c.open() && c.updatedAt().isBefore(before) && !waiting.test(c.key()))
        .sorted(Orderings.IDLE)
        .limit(limit)
        .toList();
    int purged = 0;
    for (StoredConversation c : batch) {
      // remove(key, value) skips a conversation rewritten since we looked at it
      if (byKey.remove(c.key(), c)) {
        purged++;
      }
    }
    return purged;
  }
}
