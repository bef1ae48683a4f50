package dev.claude500.store;

import dev.claude500.chat.ChannelRef;
import dev.claude500.incidents.LedgerEntry;
import dev.claude500.incidents.PostLedger;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/** The ledger in a concurrent map; a claim is a {@code putIfAbsent}. */
final class InMemoryPostLedger implements PostLedger {
  private record Key(ChannelRef channel, String itemKey) {}

  private final ConcurrentMap<Key, LedgerEntry> entries = new ConcurrentHashMap<>();

  @Override
  public boolean claim(ChannelRef channel, String itemKey, String incidentId, Instant now) {
    LedgerEntry claimed =
        new LedgerEntry(
            Objects.requireNonNull(channel, "channel"),
            Checks.requireNonBlank(itemKey, "itemKey"),
            Checks.requireNonBlank(incidentId, "incidentId"),
            Optional.empty(),
            Micros.truncate(Objects.requireNonNull(now, "now")),
            Optional.empty());
    return entries.putIfAbsent(new Key(channel, itemKey), claimed) == null;
  }

  @Override
  public void confirm(ChannelRef channel, String itemKey, String messageId, Instant now) {
    Objects.requireNonNull(channel, "channel");
    Checks.requireNonBlank(itemKey, "itemKey");
    Checks.requireNonBlank(messageId, "messageId");
    Instant postedAt = Micros.truncate(Objects.requireNonNull(now, "now"));
    LedgerEntry confirmed =
        entries.computeIfPresent(
            new Key(channel, itemKey),
            (key, e) ->
                new LedgerEntry(
                    e.channel(),
                    e.itemKey(),
                    e.incidentId(),
                    Optional.of(messageId),
                    e.claimedAt(),
                    Optional.of(postedAt),
                    e.failure()));
    if (confirmed == null) {
      throw new IllegalStateException("nothing claimed for " + itemKey + " in " + channel);
    }
  }

  @Override
  public void fail(ChannelRef channel, String itemKey, String reason, Instant now) {
    Objects.requireNonNull(channel, "channel");
    Checks.requireNonBlank(itemKey, "itemKey");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(now, "now");
    LedgerEntry failed =
        entries.computeIfPresent(
            new Key(channel, itemKey),
            (key, e) ->
                e.isPosted()
                    ? e
                    : new LedgerEntry(
                        e.channel(),
                        e.itemKey(),
                        e.incidentId(),
                        e.messageId(),
                        e.claimedAt(),
                        e.postedAt(),
                        Optional.of(reason)));
    if (failed == null) {
      throw new IllegalStateException("nothing claimed for " + itemKey + " in " + channel);
    }
  }

  @Override
  public Optional<LedgerEntry> find(ChannelRef channel, String itemKey) {
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(itemKey, "itemKey");
    return Optional.ofNullable(entries.get(new Key(channel, itemKey)));
  }

  @Override
  public List<LedgerEntry> unconfirmed() {
    return select(e -> !e.isSettled());
  }

  @Override
  public List<LedgerEntry> forIncident(String incidentId) {
    Objects.requireNonNull(incidentId, "incidentId");
    return select(e -> e.incidentId().equals(incidentId));
  }

  @Override
  public boolean isEmpty() {
    return entries.isEmpty();
  }

  @Override
  public int purgeSettledBefore(Instant cutoff, Set<String> keepIncidents, int limit) {
    Instant before = Micros.truncate(Objects.requireNonNull(cutoff, "cutoff"));
    Objects.requireNonNull(keepIncidents, "keepIncidents");
    Checks.requireLimit(limit);
    int purged = 0;
    for (LedgerEntry e : select(e -> e.isSettled() && e.claimedAt().isBefore(before)
        && !keepIncidents.contains(e.incidentId()))) {
      if (purged == limit) {
        break;
      }
      // remove(key, value) skips an entry changed since we looked at it
      if (entries.remove(new Key(e.channel(), e.itemKey()), e)) {
        purged++;
      }
    }
    return purged;
  }

  private List<LedgerEntry> select(Predicate<LedgerEntry> filter) {
    return entries.values().stream()
        .filter(filter)
        .sorted(Orderings.CLAIMS)
        .collect(Collectors.toUnmodifiableList());
  }
}
